// The process's command line, recorded once by main() before anything runs
// (cli/LocalCommands.h): jaws hands it on unchanged to jaws-local.
#include "cli/CommandLine.h"

namespace jaws::cli {

namespace {
char** recordedArgv = nullptr;
}  // namespace

void rememberCommandLine(int, char** argv) { recordedArgv = argv; }

char** recordedCommandLine() { return recordedArgv; }

}  // namespace jaws::cli
