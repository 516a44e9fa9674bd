// In jaws, `serve` and `invoke` replace the process with the jaws-local helper
// beside the executable, given the same command line (cli/LocalCommands.h).
// The options are already checked; the helper parses them again and runs.
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <system_error>

#include "cli/CommandLine.h"
#include "cli/Commands.h"
#include "cli/LocalCommands.h"

namespace jaws::cli {

namespace {

int runInHelper() {
  std::error_code error;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
  const std::filesystem::path helper = self.parent_path() / "jaws-local";
  if (!error) {
    std::cout.flush();
    ::execv(helper.c_str(), recordedCommandLine());
  }
  const std::string reason = error ? error.message() : std::strerror(errno);
  std::cerr << fmt::format("jaws: cannot run {}: {}; `jaws serve` and `jaws invoke` run in it, installed beside jaws\n",
                           error ? std::string("jaws-local") : helper.string(), reason);
  return kExitErrors;
}

}  // namespace

int runServe(const ServeCommandOptions&) { return runInHelper(); }
int runInvoke(const InvokeCommandOptions&) { return runInHelper(); }

}  // namespace jaws::cli
