#pragma once
// How the targets' (stage, region) work is shared among threads. A target is
// two tasks: evaluating its model, then its stack rules, which read that model
// and the evaluator that built it.
//
// When the targets divide evenly among the threads, each thread takes whole
// targets, one after the other. Otherwise (three stages on two cores: one
// thread would check two targets while the other waits half the time) the
// tasks are handed out one at a time, models ahead of rules, so that the
// third target's model is built while the first two targets' rules run and
// both threads stay busy to the end. That holds one model more at once, so a
// project of more than kSplitTargetsBelowBytes of source keeps whole targets:
// there a model is large and memory counts for more than an idle thread.
#include <cstddef>
#include <functional>
#include <utility>
#include <vector>

namespace jaws::sema {

inline constexpr std::size_t kSplitTargetsBelowBytes = std::size_t{1} << 20;

struct TargetSchedule {
  std::size_t targets = 0;
  bool split = false;  // tasks handed out one at a time, in `order`
  struct Task {
    bool rules = false;  // the target's stack rules, else its model
    std::size_t target = 0;
  };
  std::vector<Task> order;
};

TargetSchedule scheduleTargets(std::size_t targets, unsigned threads, std::size_t sourceBytes);

// Runs every target's `evaluate(target, thread)` and then its
// `checkRules(target)`, on `threads` threads as `schedule` says. When the
// schedule is split, a target's rules may run on another thread than its
// model: `evaluate` must leave nothing its thread owns to the rules.
void runTargetTasks(const TargetSchedule& schedule, unsigned threads,
                    const std::function<void(std::size_t target, unsigned thread)>& evaluate,
                    const std::function<void(std::size_t target)>& checkRules);

}  // namespace jaws::sema
