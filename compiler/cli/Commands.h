#pragma once
// The `jaws` subcommands. Each registers its options on the CLI11 app and
// returns the process exit code when run; only this folder prints or exits.
#include <CLI/CLI.hpp>
#include <functional>

namespace jaws::cli {

// Exit codes shared by every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitErrors = 1;  // the input has errors
inline constexpr int kExitUsage = 2;   // the command line is wrong

struct Command {
  CLI::App* app;
  std::function<int()> run;
};

Command addCheckCommand(CLI::App& app);
Command addExplainCommand(CLI::App& app);
Command addFmtCommand(CLI::App& app);
Command addBuildCommand(CLI::App& app);
Command addLspCommand(CLI::App& app);
Command addStubsCommand(CLI::App& app);
Command addServeCommand(CLI::App& app);
Command addInvokeCommand(CLI::App& app);
Command addImportCommand(CLI::App& app);

}  // namespace jaws::cli
