// `jaws stubs [DIR] [--dry-run] [--format text|json]`: write the handler
// module of every function whose module does not exist yet, and regenerate
// the typed models beside them. The rules (never touch user code, atomic
// writes) live in emit/StubWriter.h; this file only drives and prints.
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <memory>
#include <span>

#include "cli/Commands.h"
#include "diag/Builders.h"
#include "diag/Renderers.h"
#include "driver/Compilation.h"
#include "stubs/StubGenerators.h"
#include "stubs/StubReport.h"
#include "stubs/StubWriter.h"

namespace jaws::cli {

namespace {

struct StubsOptions {
  std::string input = ".";
  bool dryRun = false;
  std::string format = "text";
  std::string root, stdlib;
};

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// One line per file that was (or would be) written or needs the user's
// attention, then a summary.
void printText(const stubs::StubPlan& plan, const stubs::StubWriteResult& result, bool dryRun) {
  std::size_t created = 0, updated = 0, current = 0;
  auto written = [&](const std::string& path) {
    return dryRun || std::find(result.written.begin(), result.written.end(), path) != result.written.end();
  };
  for (const stubs::StubFile& file : plan.files) {
    const bool module = file.kind == stubs::StubFile::Kind::HandlerModule;
    const std::string functions = module && !file.functions.empty() ? " (" + joined(file.functions) + ")" : "";
    switch (file.action) {
      case stubs::StubAction::Create:
        if (!written(file.path)) break;
        ++created;
        std::cout << fmt::format("{} {}{}\n", dryRun ? "would create" : "created", file.path, functions);
        break;
      case stubs::StubAction::Update:
        if (!written(file.path)) break;
        ++updated;
        std::cout << fmt::format("{} {}\n", dryRun ? "would update" : "updated", file.path);
        break;
      case stubs::StubAction::Unchanged: ++current; break;
      case stubs::StubAction::MissingExports:
        std::cout << fmt::format("{}: exists but does not export {}; left as it is\n", file.path,
                                 joined(file.missingExports));
        break;
      case stubs::StubAction::KeepUserFile:
        std::cout << fmt::format("{}: no longer carries the \"{}\" line, so it is yours; left as it is\n", file.path,
                                 stubs::kGeneratedMarker);
        break;
      case stubs::StubAction::Blocked:
        std::cout << fmt::format("{}: something that is not a file is in the way; nothing written there\n", file.path);
        break;
    }
  }
  for (const std::string& skipped : plan.skipped) std::cout << "skipped " << skipped << "\n";
  std::cout << fmt::format("jaws stubs: {} {}, {} {}, {} up to date (from stage {}, region {}){}\n",
                           dryRun ? "would create" : "created", created, dryRun ? "would update" : "updated", updated,
                           current, plan.stage, plan.region, dryRun ? "; nothing was written" : "");
}

int runStubs(const StubsOptions& options) {
  CompilationOptions compilationOptions;
  compilationOptions.inputs.push_back(options.input);
  if (!options.root.empty()) compilationOptions.root = options.root;
  if (!options.stdlib.empty()) compilationOptions.stdlibDir = options.stdlib;
  Compilation compilation(std::move(compilationOptions));
  const Diagnostics diagnostics = compilation.diagnostics();
  auto report = [&](const Diagnostics& list) {
    const DiagnosticReport one{&list, &compilation.sources()};
    std::cerr << renderText(std::span<const DiagnosticReport>(&one, 1));
  };
  // Warnings (the handler lint among them, about the very modules this
  // command writes) are for `jaws check`; errors stop the command.
  if (hasErrors(diagnostics)) {
    report(diagnostics);
    std::cerr << "jaws: nothing was written\n";
    return kExitErrors;
  }
  const std::vector<model::Stack>& stacks = compilation.stacks();
  const stubs::StubPlan plan = stubs::planStubs(stacks, compilation.projectDir());
  stubs::StubWriteResult result;
  if (!options.dryRun) result = stubs::writeStubs(plan, compilation.projectDir());

  if (options.format == "json") {
    nlohmann::json json = stubs::stubReport(plan, stacks);
    json["dryRun"] = options.dryRun;
    json["written"] = result.written;
    json["errors"] = nlohmann::json::array();
    for (const auto& error : result.errors) {
      json["errors"].push_back({{"path", error.path}, {"reason", error.reason}, {"outsideProject", error.outsideProject}});
    }
    std::cout << json.dump(2) << "\n";
  } else {
    printText(plan, result, options.dryRun);
  }
  if (!result.errors.empty()) {
    Diagnostics failed;
    for (const auto& error : result.errors) {
      failed.push_back(error.outsideProject ? diag::PathOutsideProject(Span{}, "file to write", error.path)
                                            : diag::CannotWrite(Span{}, error.path, error.reason));
    }
    report(failed);
    return kExitErrors;
  }
  return kExitOk;
}

}  // namespace

Command addStubsCommand(CLI::App& app) {
  auto options = std::make_shared<StubsOptions>();
  CLI::App* stubs = app.add_subcommand(
      "stubs", "Write the handler module of every function whose module is missing, and the typed models");
  stubs->add_option("input", options->input, "The project folder (default: the current folder)");
  stubs->add_flag("--dry-run", options->dryRun, "List what would be written; write nothing");
  stubs->add_option("--format", options->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  stubs->add_option("--root", options->root, "Workspace root that imports must stay inside");
  stubs->add_option("--stdlib", options->stdlib, "Use the standard library in this folder");
  return {stubs, [options] { return runStubs(*options); }};
}

}  // namespace jaws::cli
