#pragma once
// The (stage, region) targets of a program are independent of one another
// once it is bound: each has its own Evaluator, model, diagnostics and stack
// artifacts, and reads the program only. So they run on several threads.
#include <cstddef>
#include <functional>

namespace jaws::sema {

// How many threads `jobs` asks for: 0 is one per hardware thread; never more
// than there are targets, never fewer than one.
unsigned targetThreads(unsigned jobs, std::size_t targets);

// Calls work(t, thread) once for every target t < count, on `threads`
// threads numbered from 0 (0 is the calling thread, so one thread starts
// none). Targets are handed out in order; a thread runs one at a time. If a
// call throws, no further target starts and the first exception is rethrown
// once every thread has stopped.
void forEachTarget(std::size_t count, unsigned threads, const std::function<void(std::size_t target, unsigned thread)>& work);

}  // namespace jaws::sema
