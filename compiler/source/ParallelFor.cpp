#include "source/ParallelFor.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace jaws {

unsigned threadsFor(unsigned jobs, std::size_t items) {
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(jobs, items)));
}

void parallelFor(std::size_t count, unsigned threads, const std::function<void(std::size_t item, unsigned thread)>& work) {
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex mutex;  // guards firstError
  std::exception_ptr firstError;

  auto drain = [&](unsigned thread) {
    try {
      for (std::size_t i = next++; i < count && !failed; i = next++) work(i, thread);
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

}  // namespace jaws
