#pragma once
// Child processes on the event loop (libuv): started in a session of their
// own, their stdout and stderr read line by line, their exit reported, and
// every one of them killed and reaped when the supervisor goes away.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "local/EventLoop.h"

namespace jaws::local {

struct ProcessSpec {
  std::string program;                   // found on PATH when it has no '/'
  std::vector<std::string> arguments;    // after the program name
  std::vector<std::string> environment;  // "NAME=value", the whole environment
  std::string workingDir;
};

enum class OutputStream : std::uint8_t { Stdout, Stderr };

struct ProcessExit {
  std::int64_t status = 0;
  int signal = 0;  // non-zero: killed by this signal
};

// Called on the loop thread. onExit comes last, after the output read so far.
struct ProcessCallbacks {
  std::function<void(OutputStream, std::string_view line)> onLine;
  std::function<void(ProcessExit)> onExit;
};

using ProcessId = std::uint64_t;

class ProcessSupervisor {
 public:
  explicit ProcessSupervisor(EventLoop& loop);
  // Kills every process still running and waits until each has been reaped.
  ~ProcessSupervisor();
  ProcessSupervisor(const ProcessSupervisor&) = delete;
  ProcessSupervisor& operator=(const ProcessSupervisor&) = delete;

  // Starts a process: its id, or why it could not start ("no such file").
  std::variant<ProcessId, std::string> spawn(const ProcessSpec& spec, ProcessCallbacks callbacks);
  // SIGKILL to the process and its process group; onExit follows.
  void kill(ProcessId id);
  // Kills every process and refuses new ones from now on (shutting down:
  // the invocations they were running end at once).
  void close();
  std::size_t running() const;

 private:
  struct State;
  EventLoop& loop_;
  std::shared_ptr<State> state_;
};

}  // namespace jaws::local
