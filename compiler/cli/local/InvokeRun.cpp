// `jaws invoke` run: one function once with an event, its result as JSON on
// stdout. Linked into the jaws-local helper only (docs/decisions.md).
#include <fmt/format.h>

#include <iostream>
#include <iterator>
#include <span>

#include <nlohmann/json.hpp>

#include "cli/Commands.h"
#include "cli/LocalCommands.h"
#include "diag/Builders.h"
#include "diag/Renderers.h"
#include "local/FunctionHost.h"
#include "local/events/SampleEvents.h"
#include "sema/Suggest.h"
#include "source/FileAccess.h"
#include "source/Workspace.h"

namespace jaws::cli {

namespace {

void reportEventProblem(const std::string& path, const std::string& reason) {
  const Diagnostics failed{diag::EventUnreadable(Span{}, path, reason)};
  SourceManager none;
  const DiagnosticReport one{&failed, &none};
  std::cerr << renderText(std::span<const DiagnosticReport>(&one, 1));
}

// The event as JSON text, or none (reported).
std::optional<std::string> readEvent(const InvokeCommandOptions& options, const local::LocalProject& project,
                                     const model::Function& function) {
  if (options.event.empty()) return std::string("{}");
  const auto& kinds = local::sampleEventKinds();
  if (std::find(kinds.begin(), kinds.end(), options.event) != kinds.end()) {
    local::SampleContext context{project.stack, &function, project.account};
    return local::sampleEvent(options.event, context)->dump();
  }
  std::string text;
  if (options.event == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    // Only a regular file: a FIFO would block and a device never end.
    FileRead read = readRegularFile(options.event, kMaxSourceBytes);
    if (read.status == FileStatus::Missing) {
      reportEventProblem(options.event, "no such file, and not a sample event (sqs, sns, s3, stream, rule, schedule, http)");
      return std::nullopt;
    }
    if (!read.ok()) {
      reportEventProblem(options.event, describeFailure(read));
      return std::nullopt;
    }
    text = std::move(read.text);
  }
  const auto parsed = nlohmann::json::parse(text, nullptr, false);
  if (parsed.is_discarded()) {
    reportEventProblem(options.event == "-" ? "<stdin>" : options.event, "not valid JSON");
    return std::nullopt;
  }
  return text;
}

}  // namespace

int runInvoke(const InvokeCommandOptions& options) {
  std::unique_ptr<local::LocalProject> project = local::loadLocalProject(localProjectOptions(options.local), std::nullopt);
  printLocalDiagnostics(*project);
  if (project->hasErrors()) {
    std::cerr << "jaws: the project has errors; nothing was invoked\n";
    return kExitErrors;
  }
  if (project->stack == nullptr) {
    std::cerr << "jaws: no stack matches the --stage/--region given\n";
    return kExitErrors;
  }
  const model::Function* function = nullptr;
  std::vector<std::string> names;
  for (const auto& f : project->stack->functions) {
    names.push_back(f.name);
    if (f.name == options.function) function = &f;
  }
  if (function == nullptr) {
    std::cerr << fmt::format("jaws: no function `{}` in the project", options.function);
    if (auto near = sema::closestMatch(options.function, names)) std::cerr << fmt::format("; did you mean `{}`?", *near);
    std::cerr << "\n";
    return kExitUsage;
  }
  const std::optional<std::string> event = readEvent(options, *project, *function);
  if (!event) return kExitErrors;

  const local::FunctionSpec& spec = project->specs.at(function->name);
  local::EventLoop loop;
  local::ProcessSupervisor processes(loop);
  local::FunctionHost host(spec, processes, terminalLog(std::cerr));
  const local::InvokeOutcome outcome = host.invoke(*event);
  const std::string result = outcome.succeeded() ? outcome.result.body : local::functionErrorDocument(outcome, spec);
  const auto parsed = nlohmann::json::parse(result, nullptr, false);
  std::cout << (parsed.is_discarded() ? result : parsed.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)) << "\n";
  std::cerr << fmt::format("REPORT RequestId: {} Duration: {} ms{}\n", outcome.requestId, outcome.result.duration.count(),
                           outcome.coldStart ? " (cold start)" : "");
  return outcome.succeeded() ? kExitOk : kExitErrors;
}

}  // namespace jaws::cli
