#pragma once
// One function, warm: a process of its runtime started on first use and kept
// for the next invocations, as Lambda keeps an execution environment. It is
// replaced after a crash, a timeout (killed, with its process group) or a
// reload. Invocations of one function run one at a time, in arrival order.
#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "local/FunctionSpec.h"
#include "local/LocalLog.h"
#include "local/ProcessSupervisor.h"
#include "local/RuntimeApiHost.h"

namespace jaws::local {

struct InvokeOutcome {
  InvocationResult result;
  std::string requestId;
  bool coldStart = false;
  bool cutShort = false;       // the caller's wait limit ended it before the function's timeout
  std::string cannotStart;     // set when no process could be started (then result is empty)

  bool succeeded() const { return cannotStart.empty() && result.kind == InvocationResult::Kind::Success; }
};

// The error document Lambda returns for an invocation that did not succeed
// (what `aws lambda invoke` writes): the runtime's own for a handler error,
// Lambda's for a timeout or a crash.
std::string functionErrorDocument(const InvokeOutcome& outcome, const FunctionSpec& spec);

class FunctionHost {
 public:
  FunctionHost(FunctionSpec spec, ProcessSupervisor& processes, LogSink log);
  ~FunctionHost();  // kills the process
  FunctionHost(const FunctionHost&) = delete;
  FunctionHost& operator=(const FunctionHost&) = delete;

  const FunctionSpec& spec() const { return spec_; }
  // Runs the handler on `event` (JSON text). `waitLimit` (API Gateway's 29 s)
  // may end the wait before the function's own timeout.
  InvokeOutcome invoke(const std::string& event, std::optional<std::chrono::milliseconds> waitLimit = std::nullopt);
  // The next invocation starts a fresh process (the code changed).
  void reload() { stale_ = true; }

 private:
  struct Instance;
  std::shared_ptr<Instance> start(std::string& error);
  void stop(const std::shared_ptr<Instance>& instance);

  FunctionSpec spec_;
  ProcessSupervisor& processes_;
  LogSink log_;
  std::mutex serial_;
  std::shared_ptr<Instance> instance_;
  std::atomic<bool> stale_ = false;
};

// A fresh request id in Lambda's format (a UUID).
std::string newRequestId();

}  // namespace jaws::local
