// `jaws invoke FUNCTION [DIR] [--event FILE|-|sqs|sns|s3|stream|rule|schedule|http]`:
// run one function once with an event, as Lambda would, and print its result
// as JSON on stdout (its logs on stderr). Exit 1 when the handler fails.
// Its options are registered here; it runs in the jaws-local helper
// (cli/LocalCommands.h).
#include <memory>

#include "cli/Commands.h"
#include "cli/LocalCommands.h"

namespace jaws::cli {

Command addInvokeCommand(CLI::App& app) {
  auto options = std::make_shared<InvokeCommandOptions>();
  CLI::App* invoke = app.add_subcommand("invoke", "Run one function once with an event and print its result as JSON");
  invoke->add_option("function", options->function, "The function's name, as declared")->required();
  invoke->add_option("input", options->local.input, "The project folder (default: the current folder)");
  invoke->add_option("--event", options->event,
                     "The event: a JSON file, - for standard input, or a sample: sqs, sns, s3, stream, rule, schedule, http "
                     "(default: {})");
  addLocalOptions(*invoke, options->local);
  return {invoke, [options] { return runInvoke(*options); }};
}

}  // namespace jaws::cli
