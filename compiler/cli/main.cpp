// `jaws`: parses the command line with CLI11 and runs one subcommand.
#include <algorithm>
#include <iterator>
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

  // Every command, in the order `jaws --help` lists them.
  struct CommandEntry {
    std::string_view name;
    jaws::cli::Command (*add)(CLI::App&);
  };
  static constexpr CommandEntry kCommands[] = {
      {"check", jaws::cli::addCheckCommand},   {"explain", jaws::cli::addExplainCommand},
      {"fmt", jaws::cli::addFmtCommand},       {"build", jaws::cli::addBuildCommand},
      {"lsp", jaws::cli::addLspCommand},       {"stubs", jaws::cli::addStubsCommand},
      {"serve", jaws::cli::addServeCommand},   {"invoke", jaws::cli::addInvokeCommand},
      {"import", jaws::cli::addImportCommand},
  };

  // CLI11 would answer a mistyped command with "A subcommand is required";
  // name it, and the command it is closest to.
  const std::string_view word = argc > 1 ? std::string_view(argv[1]) : std::string_view();
  const auto named = std::find_if(std::begin(kCommands), std::end(kCommands),
                                  [&](const CommandEntry& entry) { return entry.name == word; });
  if (!word.empty() && word[0] != '-' && named == std::end(kCommands)) {
    std::vector<std::string> names;
    for (const auto& entry : kCommands) names.emplace_back(entry.name);
    std::string list;
    for (const auto& name : names) list += (list.empty() ? "" : ", ") + name;
    std::cerr << "jaws: unknown command '" << word << "'";
    if (auto near = jaws::sema::closestMatch(word, names)) std::cerr << "; did you mean '" << *near << "'?";
    std::cerr << "\nCommands: " << list << ". Run jaws --help for more information.\n";
    return jaws::cli::kExitUsage;
  }

  // Only the command named is set up when there is one (a later word that
  // names another command is that command's argument either way): setting
  // up every command's options was a third of `jaws --version`'s own work.
  // `jaws --version` needs none; `jaws --help` and a command line without a
  // command get them all.
  const bool versionOnly = argc == 2 && (word == "--version" || word == "-V");
  std::vector<jaws::cli::Command> commands;
  for (const auto& entry : kCommands) {
    if (!versionOnly && (named == std::end(kCommands) || named == &entry)) commands.push_back(entry.add(app));
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
