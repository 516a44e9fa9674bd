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

TargetTimes forEachTarget(std::size_t count, unsigned jobs, const Program& program, TypeResolver& callerTypes,
                          const std::function<TargetTimes(std::size_t, TypeResolver&)>& work) {
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex mutex;  // guards `total` and `firstError`
  TargetTimes total;
  std::exception_ptr firstError;

  auto drain = [&](TypeResolver& types) {
    TargetTimes mine;
    try {
      for (std::size_t t = next++; t < count && !failed; t = next++) {
        const TargetTimes spent = work(t, types);
        mine.evaluate += spent.evaluate;
        mine.rules += spent.rules;
      }
    } catch (...) {
      failed = true;
      std::lock_guard lock(mutex);
      if (!firstError) firstError = std::current_exception();
    }
    std::lock_guard lock(mutex);
    total.evaluate += mine.evaluate;
    total.rules += mine.rules;
  };

  std::vector<std::thread> helpers;
  const unsigned threads = targetThreads(jobs, count);
  for (unsigned i = 1; i < threads; ++i) {
    helpers.emplace_back([&] {
      TypeResolver types(program);
      drain(types);
    });
  }
  drain(callerTypes);
  for (auto& helper : helpers) helper.join();
  if (firstError) std::rethrow_exception(firstError);
  return total;
}

}  // namespace jaws::sema
