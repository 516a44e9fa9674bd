#include "local/RuntimeApiHost.h"

#include <httplib.h>

#include <nlohmann/json.hpp>

namespace jaws::local {

namespace {

constexpr const char* kBase = "/2018-06-01/runtime";

std::int64_t epochMillis(Clock::time_point at) {
  const auto wall = std::chrono::system_clock::now() + (at - Clock::now());
  return std::chrono::duration_cast<std::chrono::milliseconds>(wall.time_since_epoch()).count();
}

void answer(httplib::Response& response, int status, const nlohmann::json& body) {
  response.status = status;
  response.set_content(body.dump(), "application/json");
}

}  // namespace

RuntimeApiHost::RuntimeApiHost() : server_(std::make_unique<httplib::Server>()) {
  // The runtime holds at most a poll and an answer at a time.
  server_->new_task_queue = [] { return new httplib::ThreadPool(3); };
  server_->set_keep_alive_max_count(1000);
  routes();
  port_ = server_->bind_to_any_port("127.0.0.1");
  if (port_ > 0) thread_ = std::thread([this] { server_->listen_after_bind(); });
}

RuntimeApiHost::~RuntimeApiHost() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  server_->stop();
  if (thread_.joinable()) thread_.join();
}

void RuntimeApiHost::routes() {
  server_->Get(std::string(kBase) + "/invocation/next", [this](const httplib::Request&, httplib::Response& response) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return stopping_ || failure_ || (pending_ && !pending_->taken); });
    if (stopping_ || failure_) {
      answer(response, 500, {{"errorMessage", "the runtime API is shutting down"}, {"errorType", "ServiceException"}});
      return;
    }
    Pending& pending = *pending_;
    pending.taken = true;
    pending.takenAt = Clock::now();
    changed_.notify_all();
    response.set_header("Lambda-Runtime-Aws-Request-Id", pending.request.requestId);
    response.set_header("Lambda-Runtime-Deadline-Ms", std::to_string(epochMillis(pending.takenAt + pending.request.timeout)));
    response.set_header("Lambda-Runtime-Invoked-Function-Arn", pending.request.functionArn);
    response.set_header("Lambda-Runtime-Trace-Id", "Root=1-00000000-" + pending.request.requestId.substr(0, 24) + ";Sampled=0");
    response.status = 200;
    response.set_content(pending.request.payload, "application/json");
  });

  auto finish = [this](const httplib::Request& request, httplib::Response& response, InvocationResult::Kind kind) {
    const std::string id = request.matches[1];
    std::lock_guard lock(mutex_);
    if (!pending_ || pending_->request.requestId != id || !pending_->taken || pending_->result) {
      answer(response, 400, {{"errorMessage", "Invalid request ID"}, {"errorType", "InvalidRequestID"}});
      return;
    }
    InvocationResult result;
    result.kind = kind;
    result.body = request.body;
    result.duration = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - pending_->takenAt);
    pending_->result = std::move(result);
    changed_.notify_all();
    answer(response, 202, {{"status", "OK"}});
  };
  server_->Post(std::string(kBase) + R"(/invocation/([^/]+)/response)",
                [finish](const httplib::Request& q, httplib::Response& r) { finish(q, r, InvocationResult::Kind::Success); });
  server_->Post(std::string(kBase) + R"(/invocation/([^/]+)/error)",
                [finish](const httplib::Request& q, httplib::Response& r) { finish(q, r, InvocationResult::Kind::Error); });
  server_->Post(std::string(kBase) + "/init/error", [this](const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(mutex_);
    InvocationResult result;
    result.kind = InvocationResult::Kind::InitError;
    result.body = request.body;
    initError_ = result;
    if (pending_ && !pending_->result) pending_->result = std::move(result);
    changed_.notify_all();
    answer(response, 202, {{"status", "OK"}});
  });
}

InvocationResult RuntimeApiHost::invoke(const InvocationRequest& request) {
  std::unique_lock lock(mutex_);
  if (initError_) return *initError_;
  if (failure_) return *failure_;
  pending_ = Pending{request, false, {}, std::nullopt};
  changed_.notify_all();
  const auto initDeadline = Clock::now() + request.initTimeout;
  const bool taken = changed_.wait_until(lock, initDeadline, [&] { return pending_->taken || pending_->result || failure_; });
  InvocationResult out;
  if (!taken) {
    out.kind = InvocationResult::Kind::InitTimeout;
  } else if (pending_->result) {
    out = *pending_->result;
  } else if (failure_) {
    out = *failure_;
  } else {
    const auto deadline = pending_->takenAt + request.timeout;
    const bool answered = changed_.wait_until(lock, deadline, [&] { return pending_->result || failure_; });
    if (pending_->result) {
      out = *pending_->result;
    } else if (failure_) {
      out = *failure_;
    } else {
      (void)answered;
      out.kind = InvocationResult::Kind::Timeout;
    }
  }
  if (out.duration.count() == 0 && pending_->taken) {
    out.duration = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - pending_->takenAt);
  }
  pending_.reset();
  return out;
}

void RuntimeApiHost::fail(InvocationResult::Kind why, std::string detail) {
  std::lock_guard lock(mutex_);
  if (failure_) return;
  InvocationResult result;
  result.kind = why;
  result.detail = std::move(detail);
  failure_ = result;
  if (pending_ && !pending_->result) pending_->result = std::move(result);
  changed_.notify_all();
}

bool RuntimeApiHost::initFailed() const {
  std::lock_guard lock(mutex_);
  return initError_.has_value();
}

}  // namespace jaws::local
