#pragma once
// What `jaws serve` and `jaws invoke` print while they run: the diagnostics
// of a load, and the log lines of compiler/local/ (requests, handler output
// prefixed by function, reloads), one whole line at a time.
#include <CLI/CLI.hpp>
#include <iosfwd>

#include "local/LocalLog.h"
#include "local/LocalProject.h"

namespace jaws::cli {

// Prints the load's diagnostics on stderr (nothing when there are none).
void printLocalDiagnostics(const local::LocalProject& project);

// A sink that writes each line to `out`, whole and flushed, from any thread.
local::LogSink terminalLog(std::ostream& out);

// The options shared by `serve` and `invoke`.
struct LocalCommandOptions {
  std::string input = ".";
  std::string stage, region, root, stdlib, values;
  std::vector<std::string> valueOverrides;
};
void addLocalOptions(CLI::App& command, LocalCommandOptions& options);
local::LocalProjectOptions localProjectOptions(const LocalCommandOptions& options);

}  // namespace jaws::cli
