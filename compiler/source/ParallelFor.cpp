#include "source/ParallelFor.h"

#include <pthread.h>
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

namespace jaws {

namespace {

// A helper thread gets the stack the main thread has (its soft limit, at
// least 8 MiB), not the library's default: evaluation recurses as deep as a
// chain of declarations, and a project must not check on one thread and
// overflow on several. Only what is touched is ever mapped.
std::size_t helperStackBytes() {
  constexpr std::size_t kAtLeast = std::size_t{8} << 20, kAtMost = std::size_t{1} << 30;
  rlimit limit{};
  if (getrlimit(RLIMIT_STACK, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return std::size_t{64} << 20;
  return std::clamp<std::size_t>(static_cast<std::size_t>(limit.rlim_cur), kAtLeast, kAtMost);
}

}  // namespace

// A kept helper thread: `body` is what it is asked to run, and null again
// once that ran.
struct HelperThread::Worker {
  std::mutex mutex;
  std::condition_variable changed;
  std::function<void()>* body = nullptr;
};

namespace {

// The helper threads started so far that have nothing to do. Never
// destroyed, nor are their workers: at exit the idle ones still wait on them.
struct IdleHelpers {
  std::mutex mutex;
  std::vector<HelperThread::Worker*> idle;
};

IdleHelpers& idleHelpers() {
  static auto* helpers = new IdleHelpers;
  return *helpers;
}

void* serve(void* argument) {
  auto* worker = static_cast<HelperThread::Worker*>(argument);
  std::unique_lock lock(worker->mutex);
  for (;;) {
    worker->changed.wait(lock, [worker] { return worker->body != nullptr; });
    std::function<void()>* body = worker->body;
    lock.unlock();
    (*body)();
    lock.lock();
    worker->body = nullptr;
    worker->changed.notify_all();
  }
}

HelperThread::Worker* startHelper() {
  auto worker = std::make_unique<HelperThread::Worker>();
  pthread_attr_t attributes;
  pthread_attr_init(&attributes);
  pthread_attr_setstacksize(&attributes, helperStackBytes());
  pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
  pthread_t thread{};
  const int failed = pthread_create(&thread, &attributes, &serve, worker.get());
  pthread_attr_destroy(&attributes);
  if (failed != 0) throw std::system_error(failed, std::generic_category(), "cannot start a thread");
  return worker.release();  // the thread's for ever
}

}  // namespace

HelperThread::HelperThread(std::function<void()> body) : body_(std::move(body)), worker_(nullptr) {
  {
    IdleHelpers& helpers = idleHelpers();
    std::lock_guard lock(helpers.mutex);
    if (!helpers.idle.empty()) {
      worker_ = helpers.idle.back();
      helpers.idle.pop_back();
    }
  }
  if (worker_ == nullptr) worker_ = startHelper();
  std::lock_guard lock(worker_->mutex);
  worker_->body = &body_;
  worker_->changed.notify_all();
}

HelperThread::~HelperThread() {
  {
    std::unique_lock lock(worker_->mutex);
    worker_->changed.wait(lock, [this] { return worker_->body == nullptr; });
  }
  IdleHelpers& helpers = idleHelpers();
  std::lock_guard lock(helpers.mutex);
  helpers.idle.push_back(worker_);
}

// The threads of one parallelFor call: the work their items offer
// (SharedWork), and how many are still on items. A thread out of items takes
// offered work until none is left on items, for only those offer more.
struct SharedWork::Team {
  std::mutex mutex;
  std::condition_variable changed;
  std::deque<SharedWork*> offered;
  unsigned onItems = 0;

  // Runs offered work until no thread is on items any more; called by a
  // thread of the team that has run out of items.
  void help() {
    std::unique_lock lock(mutex);
    --onItems;
    changed.notify_all();
    for (;;) {
      changed.wait(lock, [this] { return !offered.empty() || onItems == 0; });
      if (offered.empty()) return;  // nobody on items: nothing more is offered
      SharedWork* work = offered.front();
      offered.pop_front();
      work->stage_ = Stage::Running;
      lock.unlock();
      std::exception_ptr error;
      try {
        work->work_();
      } catch (...) {
        error = std::current_exception();
      }
      lock.lock();
      work->error_ = error;
      work->stage_ = Stage::Done;
      changed.notify_all();
    }
  }
};

namespace {

// The team of the parallelFor whose item this thread is working on (null: none).
thread_local SharedWork::Team* currentTeam = nullptr;

}  // namespace

SharedWork::SharedWork(std::function<void()> work) : work_(std::move(work)), team_(currentTeam) {
  if (team_ == nullptr) return;
  std::lock_guard lock(team_->mutex);
  team_->offered.push_back(this);
  team_->changed.notify_all();
}

void SharedWork::join() {
  if (joined_) return;
  joined_ = true;
  if (team_ != nullptr) {
    std::unique_lock lock(team_->mutex);
    if (stage_ != Stage::Offered) {
      team_->changed.wait(lock, [this] { return stage_ == Stage::Done; });
      ranElsewhere_ = true;
      if (error_) std::rethrow_exception(error_);
      return;
    }
    std::erase(team_->offered, this);
  }
  work_();
}

SharedWork::~SharedWork() {
  if (joined_ || team_ == nullptr) return;
  // Unwinding before join(): work never started is dropped, work started
  // elsewhere (it uses what the caller holds) is waited for.
  std::unique_lock lock(team_->mutex);
  if (stage_ == Stage::Offered) {
    std::erase(team_->offered, this);
  } else {
    team_->changed.wait(lock, [this] { return stage_ == Stage::Done; });
  }
}

unsigned threadsFor(unsigned jobs, std::size_t items, std::size_t sourceBytes) {
  if (jobs == 0) jobs = sourceBytes < kSourceBytesWorthThreads ? 1u : std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(jobs, items)));
}

void parallelFor(std::size_t count, unsigned threads, const std::function<void(std::size_t item, unsigned thread)>& work) {
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex mutex;  // guards firstError
  std::exception_ptr firstError;

  SharedWork::Team team;
  auto drain = [&](unsigned thread) {
    SharedWork::Team* const outer = std::exchange(currentTeam, &team);
    {
      // Counted as it starts: a thread that starts after the others ran out
      // of items finds none, and no work is offered any more.
      std::lock_guard lock(team.mutex);
      ++team.onItems;
    }
    try {
      for (std::size_t i = next++; i < count && !failed; i = next++) work(i, thread);
    } catch (...) {
      failed = true;
      std::lock_guard lock(mutex);
      if (!firstError) firstError = std::current_exception();
    }
    team.help();  // does not throw: what the work throws goes to its joiner
    currentTeam = outer;
  };

  {
    std::vector<std::unique_ptr<HelperThread>> helpers;
    try {
      for (unsigned thread = 1; thread < std::max(1u, threads); ++thread) {
        helpers.push_back(std::make_unique<HelperThread>([&drain, thread] { drain(thread); }));
      }
    } catch (const std::system_error&) {
      // No further thread could start: the threads there are do the work.
    }
    drain(0);
  }  // joins the helpers
  if (firstError) std::rethrow_exception(firstError);
}

}  // namespace jaws
