#include "cli/LocalOutput.h"

#include <fmt/format.h>

#include <iostream>
#include <mutex>
#include <span>

#include <CLI/CLI.hpp>

#include "diag/Renderers.h"

extern char** environ;

namespace jaws::cli {

void printLocalDiagnostics(const local::LocalProject& project) {
  std::vector<DiagnosticReport> reports;
  if (project.compilation && !project.diagnostics.empty()) reports.push_back({&project.diagnostics, &project.compilation->sources()});
  if (!project.valuesDiagnostics.empty()) reports.push_back({&project.valuesDiagnostics, &project.valuesSources});
  if (!reports.empty()) std::cerr << renderText(reports) << std::flush;
}

local::LogSink terminalLog(std::ostream& out) {
  auto mutex = std::make_shared<std::mutex>();
  return [&out, mutex](const local::LogLine& line) {
    std::string text;
    switch (line.kind) {
      case local::LogLine::Kind::HandlerOutput: text = fmt::format("[{}] {}", line.function, line.text); break;
      case local::LogLine::Kind::Request: text = line.text; break;
      case local::LogLine::Kind::Lambda:
      case local::LogLine::Kind::Problem:
        text = line.function.empty() ? line.text : fmt::format("[{}] {}", line.function, line.text);
        break;
      case local::LogLine::Kind::Reload:
        text = line.function.empty() ? "reload: " + line.text : fmt::format("reload: [{}] {}", line.function, line.text);
        break;
    }
    std::lock_guard lock(*mutex);
    out << text << '\n' << std::flush;
  };
}

void addLocalOptions(CLI::App& command, LocalCommandOptions& options) {
  command.add_option("--stage", options.stage, "The stage whose values the functions get (default: the first declared)");
  command.add_option("--region", options.region, "The region (default: the stage's first)");
  command.add_option("--values", options.values,
                     "The local values file (default: jaws.local.json in the project folder, when present)");
  command.add_option("--value", options.valueOverrides, "A local value, KEY=VALUE (repeatable; wins over the file)")
      ->check([](const std::string& entry) {
        return entry.find('=') == std::string::npos || entry.front() == '=' ? std::string("expected KEY=VALUE") : std::string();
      });
  command.add_option("--root", options.root, "Workspace root that imports must stay inside");
  command.add_option("--stdlib", options.stdlib, "Use the standard library in this folder");
}

local::LocalProjectOptions localProjectOptions(const LocalCommandOptions& options) {
  local::LocalProjectOptions out;
  out.input = options.input;
  if (!options.root.empty()) out.root = options.root;
  if (!options.stdlib.empty()) out.stdlib = options.stdlib;
  if (!options.stage.empty()) out.stage = options.stage;
  if (!options.region.empty()) out.region = options.region;
  if (!options.values.empty()) out.valuesFile = options.values;
  out.valueOverrides = options.valueOverrides;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) out.parentEnvironment.emplace_back(*entry);
  return out;
}

}  // namespace jaws::cli
