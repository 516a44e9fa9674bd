// `jaws`: parses the command line with CLI11 and runs one subcommand.
#include <algorithm>
#include <iostream>
#include <string_view>

#include "cli/Commands.h"
#include "cli/LocalCommands.h"
#include "sema/Suggest.h"

int main(int argc, char** argv) {
  jaws::cli::rememberCommandLine(argc, argv);
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
      jaws::cli::addServeCommand(app),
      jaws::cli::addInvokeCommand(app),
      jaws::cli::addImportCommand(app),
  };

  // CLI11 would answer a mistyped command with "A subcommand is required";
  // name it, and the command it is closest to.
  if (argc > 1 && argv[1][0] != '-') {
    std::vector<std::string> names;
    for (const auto& command : commands) names.push_back(command.app->get_name());
    const std::string_view word = argv[1];
    if (std::find(names.begin(), names.end(), word) == names.end()) {
      std::string list;
      for (const auto& name : names) list += (list.empty() ? "" : ", ") + name;
      std::cerr << "jaws: unknown command '" << word << "'";
      if (auto near = jaws::sema::closestMatch(word, names)) std::cerr << "; did you mean '" << *near << "'?";
      std::cerr << "\nCommands: " << list << ". Run jaws --help for more information.\n";
      return jaws::cli::kExitUsage;
    }
  }

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
