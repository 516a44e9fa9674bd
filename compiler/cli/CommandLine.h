#pragma once
// The command line main() recorded (rememberCommandLine, cli/LocalCommands.h):
// argv as the process received it, null-terminated.
namespace jaws::cli {

char** recordedCommandLine();

}  // namespace jaws::cli
