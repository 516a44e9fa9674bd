#pragma once
// Work on independent items on several threads: the files of a project are
// parsed apart, and once the program is bound its (stage, region) targets
// are evaluated, checked and emitted apart (each has its own Evaluator,
// model, diagnostics and artifacts, and only reads what they share).
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>

namespace jaws {

// How many threads `jobs` asks for: 0 is one per hardware thread; never more
// than there are items, never fewer than one. Left to itself (jobs 0), work
// on less than kSourceBytesWorthThreads of source stays on the calling
// thread: starting a thread, and filling again the caches each thread keeps,
// costs more than a small project's targets (a one-function check is a few
// milliseconds). An explicit `jobs` is always honoured.
inline constexpr std::size_t kSourceBytesWorthThreads = 16 * 1024;
unsigned threadsFor(unsigned jobs, std::size_t items, std::size_t sourceBytes);

// Calls work(i, thread) once for every item i < count, on `threads` threads
// numbered from 0 (0 is the calling thread, so one thread starts none), so
// callers can keep state per thread. Items are handed out in order; a thread
// works on one at a time. If a call throws, no further item starts and the
// first exception is rethrown once every thread has stopped.
void parallelFor(std::size_t count, unsigned threads, const std::function<void(std::size_t item, unsigned thread)>& work);

// Work that one item of a parallelFor can share with the call's other
// threads once they have run out of items: three stacks on two threads leave
// one thread idle while the last stack is checked, and that stack's template
// is emitted in two parts (emit/cloudformation/CloudFormationEmitter.cpp).
// Constructed, the work is offered to those threads; join() takes it back
// and runs it on the calling thread if none has started it, else waits for
// it, and rethrows what it threw. Outside a parallelFor nothing is offered
// (nor taken, in a parallelFor on one thread) and join() runs it. The destructor waits for work
// started elsewhere and drops work never started: join() before using
// what the work writes.
class SharedWork {
 public:
  explicit SharedWork(std::function<void()> work);
  SharedWork(const SharedWork&) = delete;
  SharedWork& operator=(const SharedWork&) = delete;
  ~SharedWork();
  void join();
  // Whether another thread ran it (after join()): a test's figure.
  bool ranElsewhere() const { return ranElsewhere_; }

  struct Team;  // ParallelFor.cpp: one parallelFor call's threads

 private:
  enum class Stage : std::uint8_t { Offered, Running, Done };
  std::function<void()> work_;
  Team* team_;
  // By the team's mutex:
  Stage stage_ = Stage::Offered;
  std::exception_ptr error_;  // what the work threw on another thread
  bool joined_ = false;
  bool ranElsewhere_ = false;
};

// Runs `body` on a helper thread, with the stack parallelFor's helpers get;
// destroying it waits for `body` to end. Throws std::system_error when no
// thread can be started. `body` must not throw.
//
// Helper threads are kept once started and lent out again: the language
// server works on two or three of them per keystroke, and a thread that ends
// makes the allocator gather and give away everything it still holds (about
// a tenth of an edit's instructions at N = 1,000, while the caller waits to
// join it).
class HelperThread {
 public:
  explicit HelperThread(std::function<void()> body);
  HelperThread(const HelperThread&) = delete;
  HelperThread& operator=(const HelperThread&) = delete;
  ~HelperThread();

  struct Worker;  // ParallelFor.cpp

 private:
  std::function<void()> body_;
  Worker* worker_;
};

}  // namespace jaws
