// `jaws`: parses the command line with CLI11 and runs one subcommand.
#include <iostream>

#include "cli/Commands.h"

int main(int argc, char** argv) {
  CLI::App app{"jaws: a compiler for serverless infrastructure (.jaws to CloudFormation and OpenAPI)", "jaws"};
  app.set_version_flag("-V,--version", std::string("jaws ") + JAWS_VERSION);
  app.require_subcommand(1);
  app.fallthrough(false);

  const std::vector<jaws::cli::Command> commands = {
      jaws::cli::addCheckCommand(app),
      jaws::cli::addExplainCommand(app),
      jaws::cli::addFmtCommand(app),
      jaws::cli::addBuildCommand(app),
      jaws::cli::addLspCommand(app),
      jaws::cli::addStubsCommand(app),
  };

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);  // --help, --version
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return jaws::cli::kExitUsage;
  }
  for (const auto& command : commands) {
    if (command.app->parsed()) return command.run();
  }
  return jaws::cli::kExitUsage;
}
