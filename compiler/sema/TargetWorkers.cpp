#include "sema/TargetWorkers.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace jaws::sema {

unsigned targetThreads(unsigned jobs, std::size_t targets) {
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(jobs, targets)));
}

void forEachTarget(std::size_t count, unsigned threads, const std::function<void(std::size_t target, unsigned thread)>& work) {
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex mutex;  // guards firstError
  std::exception_ptr firstError;

  auto drain = [&](unsigned thread) {
    try {
      for (std::size_t t = next++; t < count && !failed; t = next++) work(t, thread);
    } catch (...) {
      failed = true;
      std::lock_guard lock(mutex);
      if (!firstError) firstError = std::current_exception();
    }
  };

  std::vector<std::thread> helpers;
  for (unsigned thread = 1; thread < std::max(1u, threads); ++thread) helpers.emplace_back(drain, thread);
  drain(0);
  for (auto& helper : helpers) helper.join();
  if (firstError) std::rethrow_exception(firstError);
}

}  // namespace jaws::sema
