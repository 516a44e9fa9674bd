// sema/TargetWorkers: the targets of a program run on several threads. Every
// target runs exactly once whatever the thread count, each thread has a
// resolver of its own, and an exception stops the rest and reaches the caller.
#include <catch2/catch.hpp>

#include <atomic>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "sema/TargetWorkers.h"

using namespace jaws::sema;
using namespace std::chrono_literals;

TEST_CASE("the thread count is capped by the targets and never zero", "[sema][targets]") {
  CHECK(targetThreads(4, 10) == 4);
  CHECK(targetThreads(4, 3) == 3);
  CHECK(targetThreads(1, 10) == 1);
  CHECK(targetThreads(8, 0) == 1);
  CHECK(targetThreads(0, 1) == 1);
  CHECK(targetThreads(0, 1000) >= 1);
}

TEST_CASE("every target runs once, on as many resolvers as threads", "[sema][targets]") {
  const Program program;
  for (unsigned jobs : {1u, 2u, 3u, 16u}) {
    TypeResolver callerTypes(program);
    std::vector<std::atomic<int>> runs(25);
    std::mutex mutex;
    std::set<TypeResolver*> resolvers;
    std::set<std::thread::id> threads;
    const TargetTimes total = forEachTarget(runs.size(), jobs, program, callerTypes, [&](std::size_t t, TypeResolver& types) {
      ++runs[t];
      std::lock_guard lock(mutex);
      resolvers.insert(&types);
      threads.insert(std::this_thread::get_id());
      return TargetTimes{1ms, 2ms};
    });
    for (const auto& count : runs) CHECK(count == 1);
    CHECK(total.evaluate == 25ms);
    CHECK(total.rules == 50ms);
    // Each thread's resolver is its own; the caller's is the caller thread's.
    CHECK(resolvers.size() == threads.size());
    CHECK(threads.size() <= jobs);
    if (jobs == 1) CHECK(resolvers == std::set<TypeResolver*>{&callerTypes});
  }
}

TEST_CASE("a target that throws stops the others and the caller sees it", "[sema][targets]") {
  const Program program;
  TypeResolver callerTypes(program);
  std::atomic<int> started{0};
  auto failing = [&](std::size_t t, TypeResolver&) -> TargetTimes {
    ++started;
    if (t == 2) throw std::runtime_error("target 2 failed");
    std::this_thread::sleep_for(1ms);
    return {};
  };
  CHECK_THROWS_WITH(forEachTarget(200, 3, program, callerTypes, failing), "target 2 failed");
  CHECK(started < 200);
}
