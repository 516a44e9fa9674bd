// `jaws serve [DIR] [--stage S] [--region R] [--port 3000] [--host 127.0.0.1]`:
// the project's APIs on a local port, as API Gateway would answer them, with
// the handlers run by their runtimes (compiler/local/). Runs until Ctrl-C.
// Its options are registered here; it runs in the jaws-local helper
// (cli/LocalCommands.h).
#include <memory>

#include "cli/Commands.h"
#include "cli/LocalCommands.h"

namespace jaws::cli {

Command addServeCommand(CLI::App& app) {
  auto options = std::make_shared<ServeCommandOptions>();
  CLI::App* serve = app.add_subcommand("serve", "Serve the project's APIs locally, running the handlers with node and python3");
  serve->add_option("input", options->local.input, "The project folder (default: the current folder)");
  serve->add_option("--port", options->port, "The port (0: any free port)")->check(CLI::Range(0, 65535))->capture_default_str();
  serve->add_option("--host", options->host, "The address to listen on")->capture_default_str();
  addLocalOptions(*serve, options->local);
  return {serve, [options] { return runServe(*options); }};
}

}  // namespace jaws::cli
