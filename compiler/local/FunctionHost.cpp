#include "local/FunctionHost.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <random>

namespace jaws::local {

struct FunctionHost::Instance {
  std::unique_ptr<RuntimeApiHost> api;
  ProcessId process = 0;
  std::atomic<bool> exited = false;
};

std::string newRequestId() {
  static thread_local std::mt19937_64 random{std::random_device{}()};
  const std::uint64_t a = random(), b = random();
  return fmt::format("{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}", a >> 32, (a >> 16) & 0xffff, a & 0xfff,
                     0x8000 | ((b >> 48) & 0x3fff), b & 0xffffffffffffULL);
}

FunctionHost::FunctionHost(FunctionSpec spec, ProcessSupervisor& processes, LogSink log)
    : spec_(std::move(spec)), processes_(processes), log_(std::move(log)) {}

FunctionHost::~FunctionHost() {
  std::lock_guard lock(serial_);
  if (instance_) stop(instance_);
}

std::shared_ptr<FunctionHost::Instance> FunctionHost::start(std::string& error) {
  auto instance = std::make_shared<Instance>();
  instance->api = std::make_unique<RuntimeApiHost>();
  if (!instance->api->listening()) {
    error = "no free loopback port for the runtime API";
    return nullptr;
  }
  ProcessSpec process{spec_.program, spec_.arguments, spec_.environment, spec_.taskRoot};
  process.environment.push_back("AWS_LAMBDA_RUNTIME_API=" + instance->api->address());
  ProcessCallbacks callbacks;
  callbacks.onLine = [log = log_, name = spec_.name](OutputStream stream, std::string_view line) {
    log({LogLine::Kind::HandlerOutput, name, std::string(line), stream == OutputStream::Stderr});
  };
  // The callback keeps the instance alive until the process is gone.
  callbacks.onExit = [instance](ProcessExit exit) {
    instance->exited = true;
    instance->api->fail(InvocationResult::Kind::Exited,
                        exit.signal != 0 ? fmt::format("signal {}", exit.signal) : fmt::format("exit status {}", exit.status));
  };
  auto spawned = processes_.spawn(process, std::move(callbacks));
  if (auto* why = std::get_if<std::string>(&spawned)) {
    error = fmt::format("cannot start `{}`: {}", spec_.program, *why);
    return nullptr;
  }
  instance->process = std::get<ProcessId>(spawned);
  return instance;
}

void FunctionHost::stop(const std::shared_ptr<Instance>& instance) {
  if (!instance->exited) processes_.kill(instance->process);
}

InvokeOutcome FunctionHost::invoke(const std::string& event, std::optional<std::chrono::milliseconds> waitLimit) {
  std::lock_guard lock(serial_);
  InvokeOutcome outcome;
  outcome.requestId = newRequestId();
  if (!spec_.unsupported.empty()) {
    outcome.cannotStart = spec_.unsupported;
    return outcome;
  }
  if (instance_ && (stale_.exchange(false) || instance_->exited)) {
    stop(instance_);
    instance_.reset();
  }
  if (!instance_) {
    stale_ = false;
    instance_ = start(outcome.cannotStart);
    if (!instance_) return outcome;
    outcome.coldStart = true;
  }
  InvocationRequest request;
  request.requestId = outcome.requestId;
  request.payload = event;
  request.functionArn = spec_.arn;
  request.timeout = std::chrono::seconds(spec_.timeoutSeconds);
  if (waitLimit && *waitLimit < request.timeout) {
    request.timeout = *waitLimit;
    outcome.cutShort = true;
  }
  outcome.result = instance_->api->invoke(request);
  using Kind = InvocationResult::Kind;
  switch (outcome.result.kind) {
    case Kind::Success:
    case Kind::Error: outcome.cutShort = false; break;
    case Kind::Timeout:
      log_({LogLine::Kind::Lambda, spec_.name,
            outcome.cutShort ? fmt::format("{} Endpoint request timed out after {:.2f} seconds; the function was stopped",
                                           outcome.requestId, static_cast<double>(request.timeout.count()) / 1000)
                             : fmt::format("{} Task timed out after {:.2f} seconds", outcome.requestId,
                                           static_cast<double>(spec_.timeoutSeconds)),
            true});
      stop(instance_);
      instance_.reset();
      break;
    case Kind::InitTimeout:
      outcome.cutShort = false;
      log_({LogLine::Kind::Lambda, spec_.name, "the runtime did not start within 10 seconds; it was stopped", true});
      stop(instance_);
      instance_.reset();
      break;
    case Kind::InitError:
    case Kind::Exited:
      outcome.cutShort = false;
      log_({LogLine::Kind::Lambda, spec_.name,
            outcome.result.kind == Kind::InitError ? "init error: " + outcome.result.body
                                                   : fmt::format("{} Runtime exited with error: {}", outcome.requestId,
                                                                 outcome.result.detail),
            true});
      stop(instance_);
      instance_.reset();
      break;
  }
  return outcome;
}

std::string functionErrorDocument(const InvokeOutcome& outcome, const FunctionSpec& spec) {
  using Kind = InvocationResult::Kind;
  nlohmann::ordered_json doc;
  if (!outcome.cannotStart.empty()) {
    doc = {{"errorType", "Runtime.Unavailable"}, {"errorMessage", outcome.cannotStart}};
    return doc.dump();
  }
  switch (outcome.result.kind) {
    case Kind::Success: return outcome.result.body;
    case Kind::Error:
    case Kind::InitError: {
      auto parsed = nlohmann::ordered_json::parse(outcome.result.body, nullptr, false);
      if (!parsed.is_discarded() && parsed.is_object()) return parsed.dump();
      doc = {{"errorType", "Runtime.Unknown"}, {"errorMessage", outcome.result.body}};
      break;
    }
    case Kind::Timeout:
      doc = {{"errorType", "Sandbox.Timedout"},
             {"errorMessage", fmt::format("RequestId: {} Error: Task timed out after {:.2f} seconds", outcome.requestId,
                                          static_cast<double>(spec.timeoutSeconds))}};
      break;
    case Kind::InitTimeout:
      doc = {{"errorType", "Runtime.InitTimeout"}, {"errorMessage", "the runtime did not start within 10 seconds"}};
      break;
    case Kind::Exited:
      doc = {{"errorType", "Runtime.ExitError"},
             {"errorMessage", fmt::format("RequestId: {} Error: Runtime exited with error: {}", outcome.requestId,
                                          outcome.result.detail)}};
      break;
  }
  return doc.dump();
}

}  // namespace jaws::local
