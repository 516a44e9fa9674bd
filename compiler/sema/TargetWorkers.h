#pragma once
// The (stage, region) targets of a program are evaluated and checked
// independently of one another: each has its own Evaluator, model and
// diagnostics, and reads the bound program only. So they run on several
// threads, each thread with its own TypeResolver (the one cache evaluation
// writes to that targets otherwise share).
#include <chrono>
#include <cstddef>
#include <functional>

#include "sema/Program.h"
#include "sema/TypeResolver.h"

namespace jaws::sema {

struct TargetTimes {
  std::chrono::nanoseconds evaluate{0}, rules{0};
};

// How many threads `jobs` asks for: 0 is one per hardware thread; never more
// than there are targets, never fewer than one.
unsigned targetThreads(unsigned jobs, std::size_t targets);

// Calls work(t, resolver) once for every t < count and returns the sum of the
// times it reports. Targets are handed out in order; the calling thread works
// too, with `callerTypes`. If a call throws, no further target starts and the
// first exception is rethrown once every thread has stopped.
TargetTimes forEachTarget(std::size_t count, unsigned jobs, const Program& program, TypeResolver& callerTypes,
                          const std::function<TargetTimes(std::size_t, TypeResolver&)>& work);

}  // namespace jaws::sema
