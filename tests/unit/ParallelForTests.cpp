// source/ParallelFor: files and targets are worked on by several threads.
// Every item runs exactly once whatever the thread count, on at most that
// many threads (the caller's first), and an exception stops the rest and
// reaches the caller.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <utility>
#include <vector>

#include "source/ParallelFor.h"

using namespace jaws;

TEST_CASE("the thread count is capped by the items and never zero", "[source][parallel]") {
  constexpr std::size_t large = kSourceBytesWorthThreads;
  CHECK(threadsFor(4, 10, large) == 4);
  CHECK(threadsFor(4, 3, large) == 3);
  CHECK(threadsFor(1, 10, large) == 1);
  CHECK(threadsFor(8, 0, large) == 1);
  CHECK(threadsFor(0, 1, large) == 1);
  CHECK(threadsFor(0, 1000, large) >= 1);
  CHECK(threadsFor(0, 1000, large) == std::min(1000u, std::max(1u, std::thread::hardware_concurrency())));
}

TEST_CASE("left to itself, a small project's work stays on one thread; an explicit count is honoured",
          "[source][parallel]") {
  CHECK(threadsFor(0, 10, kSourceBytesWorthThreads - 1) == 1);
  CHECK(threadsFor(0, 10, 0) == 1);
  CHECK(threadsFor(3, 10, 0) == 3);
  CHECK(threadsFor(2, 10, kSourceBytesWorthThreads - 1) == 2);
}

TEST_CASE("every item runs once, on at most as many threads as asked", "[source][parallel]") {
  const std::thread::id caller = std::this_thread::get_id();
  for (unsigned threads : {1u, 2u, 3u, 16u}) {
    std::vector<std::atomic<int>> runs(25);
    std::mutex mutex;
    std::set<unsigned> numbers;
    std::set<std::thread::id> ids;
    parallelFor(runs.size(), threads, [&](std::size_t t, unsigned thread) {
      ++runs[t];
      std::lock_guard lock(mutex);
      numbers.insert(thread);
      ids.insert(std::this_thread::get_id());
      CHECK((thread == 0) == (std::this_thread::get_id() == caller));
    });
    for (const auto& count : runs) CHECK(count == 1);
    CHECK(numbers.size() == ids.size());  // one number per thread
    CHECK(*numbers.rbegin() < threads);
    if (threads == 1) CHECK(ids == std::set<std::thread::id>{caller});
  }
}

TEST_CASE("an item that throws stops the others and the caller sees it", "[source][parallel]") {
  std::atomic<int> started{0};
  auto failing = [&](std::size_t t, unsigned) {
    ++started;
    if (t == 2) throw std::runtime_error("target 2 failed");
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  };
  CHECK_THROWS_WITH(parallelFor(200, 3, failing), "target 2 failed");
  CHECK(started < 200);
}

TEST_CASE("a helper thread is kept once its body ended, and lent again", "[source][parallel]") {
  // A thread's own counter says whether a body ran on a thread that ran one
  // before (a thread's id may be reused by a new thread; its locals are not).
  static thread_local int bodiesHere = 0;
  auto ranOn = [] {
    std::pair<std::thread::id, int> ran;
    { HelperThread helper([&ran] { ran = {std::this_thread::get_id(), ++bodiesHere}; }); }  // waits for the body
    return ran;
  };
  const auto [first, firstCount] = ranOn();
  CHECK(first != std::this_thread::get_id());
  const auto [second, secondCount] = ranOn();
  CHECK(second == first);
  CHECK(secondCount == firstCount + 1);
  // Bodies alive at once run on threads of their own, and each caller waits for its own.
  std::atomic<int> ended{0};
  std::mutex mutex;
  std::set<std::thread::id> ids;
  {
    std::vector<std::unique_ptr<HelperThread>> helpers;
    for (int i = 0; i < 3; ++i) {
      helpers.push_back(std::make_unique<HelperThread>([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        {
          std::lock_guard lock(mutex);
          ids.insert(std::this_thread::get_id());
        }
        ++ended;
      }));
    }
    helpers.front().reset();
    CHECK(ended >= 1);
  }
  CHECK(ended == 3);
  CHECK(ids.size() == 3);
  CHECK(ids.count(first) == 1);
}

namespace {

// Waits (a bounded time) until `flag` is set: a thread of the test's team must
// take the work offered meanwhile.
bool waitFor(const std::atomic<bool>& flag) {
  for (int i = 0; i < 5000 && !flag; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return flag;
}

}  // namespace

TEST_CASE("work shared outside a parallelFor runs where it is joined", "[source][parallel]") {
  const auto caller = std::this_thread::get_id();
  std::thread::id ranOn;
  SharedWork work([&] { ranOn = std::this_thread::get_id(); });
  work.join();
  CHECK(ranOn == caller);
  CHECK_FALSE(work.ranElsewhere());
}

TEST_CASE("a thread out of items takes the work another item shares", "[source][parallel]") {
  std::atomic<bool> started{false};
  std::thread::id itemThread, workThread;
  bool elsewhere = false;
  // Item 0 ends at once; item 1 offers work and waits until the thread of
  // item 0, out of items, has started it.
  parallelFor(2, 2, [&](std::size_t item, unsigned) {
    if (item == 0) return;
    itemThread = std::this_thread::get_id();
    SharedWork work([&] {
      workThread = std::this_thread::get_id();
      started = true;
    });
    waitFor(started);
    work.join();
    elsewhere = work.ranElsewhere();
  });
  CHECK(started);
  CHECK(elsewhere);
  CHECK(workThread != itemThread);
}

TEST_CASE("what shared work throws reaches its joiner, and work never started is dropped", "[source][parallel]") {
  std::atomic<bool> started{false};
  parallelFor(2, 2, [&](std::size_t item, unsigned) {
    if (item == 0) return;
    SharedWork work([&] {
      started = true;
      throw std::runtime_error("shared");
    });
    waitFor(started);
    CHECK_THROWS_WITH(work.join(), "shared");
  });
  CHECK(started);
  // One thread: nobody takes the work, and unjoined it never runs.
  bool ran = false;
  parallelFor(1, 1, [&](std::size_t, unsigned) { SharedWork dropped([&] { ran = true; }); });
  CHECK_FALSE(ran);
}
