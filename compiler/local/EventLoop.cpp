#include "local/EventLoop.h"

#include <uv.h>

#include <condition_variable>
#include <deque>
#include <mutex>

namespace jaws::local {

struct EventLoop::State {
  uv_loop_t loop{};
  uv_async_t wake{};
  std::mutex mutex;
  std::deque<std::function<void(uv_loop_s*)>> tasks;
  bool stopping = false;

  void drain() {
    for (;;) {
      std::function<void(uv_loop_s*)> task;
      {
        std::lock_guard lock(mutex);
        if (tasks.empty()) return;
        task = std::move(tasks.front());
        tasks.pop_front();
      }
      task(&loop);
    }
  }
};

EventLoop::EventLoop() : state_(std::make_unique<State>()) {
  uv_loop_init(&state_->loop);
  state_->wake.data = state_.get();
  uv_async_init(&state_->loop, &state_->wake, [](uv_async_t* handle) {
    auto* state = static_cast<State*>(handle->data);
    state->drain();
    bool stopping = false;
    {
      std::lock_guard lock(state->mutex);
      stopping = state->stopping;
    }
    if (!stopping) return;
    // The owners of processes and watches closed theirs before the loop is
    // destroyed; whatever is left (none, normally) is closed here so that
    // uv_run returns.
    uv_walk(
        &state->loop, [](uv_handle_t* h, void*) { if (!uv_is_closing(h)) uv_close(h, nullptr); }, nullptr);
  });
  thread_ = std::thread([state = state_.get()] { uv_run(&state->loop, UV_RUN_DEFAULT); });
}

EventLoop::~EventLoop() {
  {
    std::lock_guard lock(state_->mutex);
    state_->stopping = true;
  }
  uv_async_send(&state_->wake);
  thread_.join();
  uv_loop_close(&state_->loop);
}

void EventLoop::post(std::function<void(uv_loop_s*)> task) {
  {
    std::lock_guard lock(state_->mutex);
    state_->tasks.push_back(std::move(task));
  }
  uv_async_send(&state_->wake);
}

void EventLoop::run(const std::function<void(uv_loop_s*)>& task) {
  if (onLoopThread()) {
    task(&state_->loop);
    return;
  }
  std::mutex mutex;
  std::condition_variable done;
  bool finished = false;
  post([&](uv_loop_s* loop) {
    task(loop);
    std::lock_guard lock(mutex);
    finished = true;
    done.notify_one();
  });
  std::unique_lock lock(mutex);
  done.wait(lock, [&] { return finished; });
}

}  // namespace jaws::local
