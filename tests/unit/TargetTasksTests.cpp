// sema/TargetTasks: the targets' models and rules shared among threads. Every
// task runs once, a target's rules after its model, an exception reaches the
// caller without a hang, and a check on several threads (targets split into
// tasks) finds what a check on one thread finds.
#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <vector>

#include "driver/Compilation.h"
#include "sema/TargetTasks.h"

using namespace jaws;

namespace target_tasks_tests {

std::string orderOf(const sema::TargetSchedule& schedule) {
  std::string out;
  for (const auto& task : schedule.order) out += (task.rules ? "R" : "M") + std::to_string(task.target) + " ";
  return out;
}

}  // namespace target_tasks_tests

using namespace target_tasks_tests;

TEST_CASE("targets that do not divide among the threads are split into models and rules", "[sema][parallel]") {
  const std::size_t small = 100'000;
  CHECK(orderOf(sema::scheduleTargets(3, 2, small)) == "M0 M1 M2 R0 R1 R2 ");
  CHECK(orderOf(sema::scheduleTargets(5, 2, small)) == "M0 M1 M2 R0 M3 R1 M4 R2 R3 R4 ");
  CHECK(orderOf(sema::scheduleTargets(5, 3, small)) == "M0 M1 M2 M3 R0 M4 R1 R2 R3 R4 ");
  // Whole targets: they divide evenly, one thread, more threads than targets,
  // or a project whose models are large.
  CHECK_FALSE(sema::scheduleTargets(4, 2, small).split);
  CHECK_FALSE(sema::scheduleTargets(3, 1, small).split);
  CHECK_FALSE(sema::scheduleTargets(3, 4, small).split);
  CHECK_FALSE(sema::scheduleTargets(3, 2, sema::kSplitTargetsBelowBytes).split);
  CHECK(sema::scheduleTargets(3, 2, sema::kSplitTargetsBelowBytes - 1).split);
}

TEST_CASE("every model and every rules task runs once, the rules after their model", "[sema][parallel]") {
  for (unsigned threads : {1u, 2u, 3u, 4u}) {
    for (std::size_t targets = 1; targets <= 7; ++targets) {
      INFO(targets << " targets on " << threads << " threads");
      const auto schedule = sema::scheduleTargets(targets, threads, 0);
      std::vector<std::atomic<int>> models(targets), rules(targets);
      std::atomic<bool> rulesBeforeModel{false};
      sema::runTargetTasks(
          schedule, threads, [&](std::size_t t, unsigned) { ++models[t]; },
          [&](std::size_t t) {
            if (models[t] != 1) rulesBeforeModel = true;
            ++rules[t];
          });
      for (std::size_t t = 0; t < targets; ++t) {
        CHECK(models[t] == 1);
        CHECK(rules[t] == 1);
      }
      CHECK_FALSE(rulesBeforeModel);
    }
  }
}

TEST_CASE("a model that throws reaches the caller, and its rules do not run", "[sema][parallel]") {
  const auto schedule = sema::scheduleTargets(3, 2, 0);
  REQUIRE(schedule.split);
  std::atomic<bool> rulesOfFailed{false};
  CHECK_THROWS_WITH(sema::runTargetTasks(
                        schedule, 2,
                        [&](std::size_t t, unsigned) {
                          if (t == 1) throw std::runtime_error("model 1 failed");
                        },
                        [&](std::size_t t) {
                          if (t == 1) rulesOfFailed = true;
                        }),
                    "model 1 failed");
  CHECK_FALSE(rulesOfFailed);
}

TEST_CASE("a check on several threads finds what a check on one finds", "[sema][parallel]") {
  // Six targets (stages in one or more regions): whole on one, two or three
  // threads, split into tasks on four and five.
  const auto project = std::filesystem::path(JAWS_SOURCE_DIR) / "examples" / "global-orders";
  auto check = [&](unsigned jobs) {
    CompilationOptions options;
    options.inputs.push_back(project);
    options.jobs = jobs;
    auto compilation = std::make_unique<Compilation>(std::move(options));
    (void)compilation->diagnostics();
    return compilation;
  };
  auto one = check(1), two = check(2), four = check(4), five = check(5);
  const auto& reference = one->analysis();
  REQUIRE(reference.targets.size() == 6);
  REQUIRE(sema::scheduleTargets(6, 4, one->userSourceBytes()).split);
  REQUIRE(sema::scheduleTargets(6, 5, one->userSourceBytes()).split);
  for (Compilation* other : {two.get(), four.get(), five.get()}) {
    const auto& analysis = other->analysis();
    REQUIRE(analysis.stacks.size() == reference.stacks.size());
    for (std::size_t t = 0; t < reference.stacks.size(); ++t) CHECK(analysis.stacks[t] == reference.stacks[t]);
    const auto a = one->diagnostics(), b = other->diagnostics();
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
      CHECK(a[i].code == b[i].code);
      CHECK(a[i].span.begin == b[i].span.begin);
      CHECK(a[i].message == b[i].message);
    }
  }
}
