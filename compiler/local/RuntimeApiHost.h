#pragma once
// The Lambda Runtime API (2018-06-01) for one handler process, served on a
// loopback port of its own: the process long-polls
//   GET  /2018-06-01/runtime/invocation/next
// and answers with
//   POST /2018-06-01/runtime/invocation/{id}/response | /error
//   POST /2018-06-01/runtime/init/error
// exactly as Lambda's runtimes do, so any runtime client (ours, or AWS's own
// runtime interface clients) works against it. One invocation at a time.
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace httplib {
class Server;
}

namespace jaws::local {

using Clock = std::chrono::steady_clock;

struct InvocationResult {
  enum class Kind : std::uint8_t {
    Success,     // body: the handler's result (JSON text)
    Error,       // body: the error document the runtime posted
    InitError,   // body: the error document posted to /init/error
    Timeout,     // the function ran past its timeout
    InitTimeout, // the runtime never asked for the invocation
    Exited,      // the process ended during the invocation (detail says how)
  };
  Kind kind = Kind::Success;
  std::string body;
  std::string detail;
  std::chrono::milliseconds duration{0};  // from the runtime taking it to its answer
};

struct InvocationRequest {
  std::string requestId;
  std::string payload;         // the event, JSON text
  std::string functionArn;
  std::chrono::milliseconds timeout{3000};
  std::chrono::milliseconds initTimeout{10000};  // Lambda's init phase limit
};

class RuntimeApiHost {
 public:
  RuntimeApiHost();  // listens on 127.0.0.1 at a free port
  ~RuntimeApiHost();
  RuntimeApiHost(const RuntimeApiHost&) = delete;
  RuntimeApiHost& operator=(const RuntimeApiHost&) = delete;

  bool listening() const { return port_ > 0; }
  int port() const { return port_; }
  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }

  // Hands `request` to the runtime and waits for its answer, its timeout, or
  // fail() (the process ended).
  InvocationResult invoke(const InvocationRequest& request);
  // The process ended: the invocation in flight, if any, ends with `why`;
  // the runtime API refuses everything from now on.
  void fail(InvocationResult::Kind why, std::string detail);
  // An /init/error has been posted (the runtime could not load the handler).
  bool initFailed() const;

 private:
  void routes();
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;

  mutable std::mutex mutex_;
  std::condition_variable changed_;
  struct Pending {
    InvocationRequest request;
    bool taken = false;
    Clock::time_point takenAt;
    std::optional<InvocationResult> result;
  };
  std::optional<Pending> pending_;
  std::optional<InvocationResult> initError_;
  std::optional<InvocationResult> failure_;
  bool stopping_ = false;
};

}  // namespace jaws::local
