// `jaws serve` run: the project's APIs on a local port until Ctrl-C. Linked
// into the jaws-local helper only, with cpp-httplib (docs/decisions.md).
#include <fmt/format.h>

#include <csignal>
#include <iostream>
#include <pthread.h>

#include "cli/Commands.h"
#include "cli/LocalCommands.h"
#include "diag/Builders.h"
#include "diag/Renderers.h"
#include "local/ServeSession.h"

namespace jaws::cli {

namespace {

void printBanner(const local::ServeSession& session) {
  const auto state = session.current();
  const model::Stack& stack = *state->stack;
  std::string text = fmt::format("jaws serve: {}, stage {}, region {}\n", stack.project.name, stack.stage.name, stack.stage.region);
  for (const auto& served : state->apis) {
    text += fmt::format("  {}  {}{}\n", served.api->name, session.url(), served.mount.empty() ? "/" : served.mount);
    for (const auto& route : served.api->routes) {
      text += fmt::format("    {:<7} {} -> {}\n", model::httpMethodName(route.method), route.path, route.function);
    }
  }
  if (state->apis.empty()) text += "  (the project declares no api; `jaws invoke` runs its functions)\n";
  text += fmt::format("listening on {} (Ctrl-C stops)\n", session.url());
  std::cout << text << std::flush;
}

}  // namespace

int runServe(const ServeCommandOptions& options) {
  // Ctrl-C and SIGTERM are taken by sigwait below: block them before any
  // thread starts, so every thread inherits the mask (handler processes get
  // a clean one from libuv).
  sigset_t stopSignals;
  sigemptyset(&stopSignals);
  sigaddset(&stopSignals, SIGINT);
  sigaddset(&stopSignals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
  std::signal(SIGPIPE, SIG_IGN);  // a client that hangs up must not stop the server

  local::ServeOptions serveOptions;
  serveOptions.project = localProjectOptions(options.local);
  serveOptions.host = options.host;
  serveOptions.port = options.port;
  local::ServeSession session(serveOptions, terminalLog(std::cout), [](const local::LocalProject& project, bool) {
    printLocalDiagnostics(project);
  });
  std::string whyNot;
  switch (session.start(whyNot)) {
    case local::ServeSession::Start::Serving: break;
    case local::ServeSession::Start::CannotListen: {
      const Diagnostics failed{diag::CannotListen(Span{}, fmt::format("{}:{}", options.host, options.port), whyNot)};
      SourceManager none;
      const DiagnosticReport one{&failed, &none};
      std::cerr << renderText(std::span<const DiagnosticReport>(&one, 1));
      return kExitErrors;
    }
    case local::ServeSession::Start::ProjectErrors:
      std::cerr << "jaws: the project has errors; nothing is served\n";
      return kExitErrors;
    case local::ServeSession::Start::NoTarget:
      std::cerr << "jaws: no stack matches the --stage/--region given\n";
      return kExitErrors;
  }
  printBanner(session);
  int signal = 0;
  sigwait(&stopSignals, &signal);
  std::cout << "jaws serve: stopping\n" << std::flush;
  session.stop();
  return kExitOk;
}

}  // namespace jaws::cli
