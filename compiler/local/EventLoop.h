#pragma once
// One libuv event loop on a thread of its own. `jaws serve` runs its handler
// processes (their pipes, exits and kills) and its file watches on it; the
// HTTP threads post work to it and never touch libuv themselves.
#include <functional>
#include <memory>
#include <thread>

struct uv_loop_s;

namespace jaws::local {

class EventLoop {
 public:
  EventLoop();
  // Closes every handle still open and joins the thread.
  ~EventLoop();
  EventLoop(const EventLoop&) = delete;
  EventLoop& operator=(const EventLoop&) = delete;

  // Runs `task` on the loop thread, soon; safe from any thread.
  void post(std::function<void(uv_loop_s*)> task);
  // Runs `task` on the loop thread and waits until it has run. From the loop
  // thread itself it runs at once.
  void run(const std::function<void(uv_loop_s*)>& task);
  bool onLoopThread() const { return std::this_thread::get_id() == thread_.get_id(); }

 private:
  struct State;
  std::unique_ptr<State> state_;
  std::thread thread_;
};

}  // namespace jaws::local
