#include "local/ProcessSupervisor.h"

#include <uv.h>

#include <chrono>
#include <condition_variable>
#include <csignal>
#include <map>
#include <mutex>
#include <optional>

namespace jaws::local {

namespace {

// How long the output of a process that exited may still arrive (a
// grandchild can hold its pipes open) before its exit is reported anyway.
constexpr std::uint64_t kDrainMillis = 500;

struct Child;

struct Pipe {
  uv_pipe_t handle{};
  OutputStream stream = OutputStream::Stdout;
  std::string partial;  // the text after the last line break
  bool open = false;
};

struct Child {
  ProcessId id = 0;
  uv_process_t process{};
  Pipe out, err;
  uv_timer_t drain{};
  ProcessCallbacks callbacks;
  std::optional<ProcessExit> exit;
  bool reported = false;
  int handlesOpen = 0;  // freed when the last one is closed
  std::function<void(Child*)> forget;
};

void closeHandle(uv_handle_t* handle) {
  if (uv_is_closing(handle)) return;
  uv_close(handle, [](uv_handle_t* h) {
    auto* child = static_cast<Child*>(h->data);
    if (--child->handlesOpen == 0) delete child;
  });
}

void reportExit(Child* child) {
  if (child->reported || !child->exit) return;
  child->reported = true;
  for (Pipe* pipe : {&child->out, &child->err}) {
    if (!pipe->partial.empty() && child->callbacks.onLine) child->callbacks.onLine(pipe->stream, pipe->partial);
    pipe->partial.clear();
    closeHandle(reinterpret_cast<uv_handle_t*>(&pipe->handle));
  }
  uv_timer_stop(&child->drain);
  closeHandle(reinterpret_cast<uv_handle_t*>(&child->drain));
  closeHandle(reinterpret_cast<uv_handle_t*>(&child->process));
  if (child->callbacks.onExit) child->callbacks.onExit(*child->exit);
  child->forget(child);
}

void onRead(uv_stream_t* stream, ssize_t size, const uv_buf_t* buffer) {
  auto* child = static_cast<Child*>(stream->data);
  Pipe* pipe = reinterpret_cast<uv_stream_t*>(&child->out.handle) == stream ? &child->out : &child->err;
  if (size > 0) {
    pipe->partial.append(buffer->base, static_cast<std::size_t>(size));
    std::size_t start = 0;
    for (std::size_t newline; (newline = pipe->partial.find('\n', start)) != std::string::npos; start = newline + 1) {
      std::string_view line(pipe->partial.data() + start, newline - start);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (child->callbacks.onLine) child->callbacks.onLine(pipe->stream, line);
    }
    pipe->partial.erase(0, start);
  }
  delete[] buffer->base;
  if (size < 0) {
    uv_read_stop(stream);
    pipe->open = false;
    if (!child->out.open && !child->err.open) reportExit(child);
  }
}

}  // namespace

struct ProcessSupervisor::State {
  std::mutex mutex;
  std::condition_variable allGone;
  std::map<ProcessId, Child*> children;  // touched on the loop thread; size read under the mutex
  ProcessId nextId = 1;
  bool closed = false;
};

ProcessSupervisor::ProcessSupervisor(EventLoop& loop) : loop_(loop), state_(std::make_shared<State>()) {}

ProcessSupervisor::~ProcessSupervisor() {
  close();
  std::unique_lock lock(state_->mutex);
  state_->allGone.wait_for(lock, std::chrono::seconds(10), [&] { return state_->children.empty(); });
}

std::variant<ProcessId, std::string> ProcessSupervisor::spawn(const ProcessSpec& spec, ProcessCallbacks callbacks) {
  std::variant<ProcessId, std::string> result;
  loop_.run([&](uv_loop_s* loop) {
    {
      std::lock_guard lock(state_->mutex);
      if (state_->closed) {
        result = std::string("jaws is stopping");
        return;
      }
    }
    auto* child = new Child;
    child->callbacks = std::move(callbacks);
    std::vector<char*> args, env;
    args.push_back(const_cast<char*>(spec.program.c_str()));
    for (const auto& a : spec.arguments) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    for (const auto& e : spec.environment) env.push_back(const_cast<char*>(e.c_str()));
    env.push_back(nullptr);

    for (Pipe* pipe : {&child->out, &child->err}) {
      uv_pipe_init(loop, &pipe->handle, 0);
      pipe->handle.data = child;
      ++child->handlesOpen;
    }
    child->err.stream = OutputStream::Stderr;
    uv_stdio_container_t stdio[3];
    stdio[0].flags = UV_IGNORE;
    stdio[1].flags = static_cast<uv_stdio_flags>(UV_CREATE_PIPE | UV_WRITABLE_PIPE);
    stdio[1].data.stream = reinterpret_cast<uv_stream_t*>(&child->out.handle);
    stdio[2].flags = static_cast<uv_stdio_flags>(UV_CREATE_PIPE | UV_WRITABLE_PIPE);
    stdio[2].data.stream = reinterpret_cast<uv_stream_t*>(&child->err.handle);

    uv_process_options_t options{};
    options.file = spec.program.c_str();
    options.args = args.data();
    options.env = env.data();
    options.cwd = spec.workingDir.empty() ? nullptr : spec.workingDir.c_str();
    // A session of its own: Ctrl-C in the terminal reaches jaws only, which
    // then stops its handlers; and a timeout kills the handler's whole group.
    options.flags = UV_PROCESS_DETACHED;
    options.stdio_count = 3;
    options.stdio = stdio;
    options.exit_cb = [](uv_process_t* process, int64_t status, int signal) {
      auto* child = static_cast<Child*>(process->data);
      child->exit = ProcessExit{status, signal};
      if (!child->out.open && !child->err.open) {
        reportExit(child);
        return;
      }
      uv_timer_start(&child->drain, [](uv_timer_t* t) { reportExit(static_cast<Child*>(t->data)); }, kDrainMillis, 0);
    };
    child->process.data = child;
    uv_timer_init(loop, &child->drain);
    child->drain.data = child;
    ++child->handlesOpen;

    const int error = uv_spawn(loop, &child->process, &options);
    ++child->handlesOpen;  // the process handle is initialized even when spawning fails
    if (error != 0) {
      result = std::string(uv_strerror(error));
      child->reported = true;
      for (Pipe* pipe : {&child->out, &child->err}) closeHandle(reinterpret_cast<uv_handle_t*>(&pipe->handle));
      closeHandle(reinterpret_cast<uv_handle_t*>(&child->drain));
      closeHandle(reinterpret_cast<uv_handle_t*>(&child->process));
      return;
    }
    auto allocate = [](uv_handle_t*, size_t suggested, uv_buf_t* buffer) {
      buffer->base = new char[suggested];
      buffer->len = suggested;
    };
    for (Pipe* pipe : {&child->out, &child->err}) {
      pipe->open = true;
      uv_read_start(reinterpret_cast<uv_stream_t*>(&pipe->handle), allocate, onRead);
    }
    std::lock_guard lock(state_->mutex);
    child->id = state_->nextId++;
    state_->children[child->id] = child;
    child->forget = [state = state_](Child* gone) {
      std::lock_guard lock(state->mutex);
      state->children.erase(gone->id);
      if (state->children.empty()) state->allGone.notify_all();
    };
    result = child->id;
  });
  return result;
}

void ProcessSupervisor::close() {
  loop_.run([state = state_](uv_loop_s*) {
    std::lock_guard lock(state->mutex);
    state->closed = true;
    for (auto& [id, child] : state->children) {
      if (!child->exit) uv_kill(-child->process.pid, SIGKILL);
    }
  });
}

void ProcessSupervisor::kill(ProcessId id) {
  loop_.post([state = state_, id](uv_loop_s*) {
    Child* child = nullptr;
    {
      std::lock_guard lock(state->mutex);
      auto it = state->children.find(id);
      if (it != state->children.end()) child = it->second;
    }
    if (child != nullptr && !child->exit) uv_kill(-child->process.pid, SIGKILL);
  });
}

std::size_t ProcessSupervisor::running() const {
  std::lock_guard lock(state_->mutex);
  return state_->children.size();
}

}  // namespace jaws::local
