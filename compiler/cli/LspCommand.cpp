// `jaws lsp`: the language server, speaking LSP 3.17 over stdin and stdout.
#include <unistd.h>

#include <csignal>
#include <memory>

#include "cli/Commands.h"
#include "lsp/Server.h"

namespace jaws::cli {

namespace {

struct LspOptions {
  int debounceMs = 0;
  bool stdio = true;
};

int runLsp(const LspOptions& options) {
  // A client that goes away must not kill the server in the middle of a
  // write; the write fails instead and the loop ends at the end of input.
  std::signal(SIGPIPE, SIG_IGN);
  lsp::StdioChannel channel(STDIN_FILENO, STDOUT_FILENO);
  lsp::Server server(channel, lsp::ServerOptions{options.debounceMs});
  return server.run();
}

}  // namespace

Command addLspCommand(CLI::App& app) {
  auto options = std::make_shared<LspOptions>();
  CLI::App* lsp = app.add_subcommand("lsp", "Run the language server (LSP 3.17 over stdin/stdout)");
  lsp->add_flag("--stdio", options->stdio, "Talk over stdin and stdout (the default and only transport)");
  lsp->add_option("--debounce", options->debounceMs, "Milliseconds of quiet after an edit before checking")
      ->check(CLI::Range(0, 10000))
      ->capture_default_str();
  return {lsp, [options] { return runLsp(*options); }};
}

}  // namespace jaws::cli
