#include "sema/TargetTasks.h"

#include <algorithm>
#include <atomic>
#include <memory>

#include "source/ParallelFor.h"

namespace jaws::sema {

TargetSchedule scheduleTargets(std::size_t targets, unsigned threads, std::size_t sourceBytes) {
  TargetSchedule schedule;
  schedule.targets = targets;
  schedule.split = threads > 1 && targets > threads && targets % threads != 0 && sourceBytes < kSplitTargetsBelowBytes;
  if (!schedule.split) return schedule;
  // Models one target ahead of the threads, then a target's rules and the
  // next model in turn: three targets on two threads are models 0, 1, 2 and
  // then rules 0, 1, 2.
  std::size_t nextModel = 0;
  for (; nextModel < std::min<std::size_t>(targets, threads + 1); ++nextModel) schedule.order.push_back({false, nextModel});
  for (std::size_t t = 0; t < targets; ++t) {
    schedule.order.push_back({true, t});
    if (nextModel < targets) schedule.order.push_back({false, nextModel++});
  }
  return schedule;
}

void runTargetTasks(const TargetSchedule& schedule, unsigned threads,
                    const std::function<void(std::size_t target, unsigned thread)>& evaluate,
                    const std::function<void(std::size_t target)>& checkRules) {
  if (!schedule.split) {
    parallelFor(schedule.targets, threads, [&](std::size_t t, unsigned thread) {
      evaluate(t, thread);
      checkRules(t);
    });
    return;
  }
  // A target's rules are handed out after its model (the order says so), so
  // when they wait, the model is being built on another thread, which waits
  // for nothing: the wait ends. A model that failed (an exception, which
  // parallelFor passes on) still ends the wait, and its rules do not run.
  const std::size_t n = schedule.targets;
  auto built = std::make_unique<std::atomic<bool>[]>(n);
  auto failed = std::make_unique<std::atomic<bool>[]>(n);
  for (std::size_t t = 0; t < n; ++t) built[t] = failed[t] = false;
  parallelFor(schedule.order.size(), threads, [&](std::size_t i, unsigned thread) {
    const TargetSchedule::Task task = schedule.order[i];
    if (!task.rules) {
      struct Done {
        std::atomic<bool>& built;
        std::atomic<bool>& failed;
        bool ok = false;
        ~Done() {
          failed = !ok;
          built = true;
          built.notify_all();
        }
      } done{built[task.target], failed[task.target]};
      evaluate(task.target, thread);
      done.ok = true;
      return;
    }
    built[task.target].wait(false);
    if (!failed[task.target]) checkRules(task.target);
  });
}

}  // namespace jaws::sema
