#pragma once
// `jaws serve` and `jaws invoke` run in a helper executable, jaws-local,
// installed beside jaws: they need an HTTP server (cpp-httplib), and Debian's
// cpp-httplib is a shared library that loads OpenSSL and brotli and runs
// OpenSSL's initialization in every process that links it. Kept out of jaws,
// it no longer costs every `check` and `build` its start-up
// (docs/decisions.md, "How the jaws binary is linked").
//
// Both executables register the same options (ServeCommand.cpp,
// InvokeCommand.cpp) so `--help` and usage errors are the same in each. In
// jaws-local the runs below are the commands themselves (cli/local/); in jaws
// they replace the process with jaws-local and the same command line
// (cli/front/).
#include <string>

#include "cli/LocalOutput.h"

namespace jaws::cli {

struct ServeCommandOptions {
  LocalCommandOptions local;
  std::string host = "127.0.0.1";
  int port = 3000;
};

struct InvokeCommandOptions {
  std::string function;
  LocalCommandOptions local;
  std::string event;
};

int runServe(const ServeCommandOptions& options);
int runInvoke(const InvokeCommandOptions& options);

// main() records its command line for the forwarding runs.
void rememberCommandLine(int argc, char** argv);

}  // namespace jaws::cli
