// The jaws executable asks mimalloc for 2 MiB pages (transparent huge pages,
// where the kernel allows them). A short command touches memory it has never
// touched: with 4 KiB pages each first touch is a page fault, and faults were
// a third of a one-hundred-function build and of a large check (docs/bench.md).
//
// It also asks that every thread's memory be committed as it is reserved.
// mimalloc's default delays that for the first segment of each thread but the
// main one, which then commits 4 KiB at a time, without large pages: a check
// of 1,000 functions on two threads took 8,000 page faults instead of 220, and
// half again the CPU time of one thread (docs/bench.md, session 13). Peak
// memory did not change: the pages are touched either way.
//
// mimalloc reads the option once, when it initializes, and a shared
// library's initializer runs before any constructor of the executable: so
// the option is set from the executable's .preinit_array, which runs before
// both (setting an option writes a static variable; nothing is allocated).
// The sanitizer tree does not use mimalloc, and has no such entry.
#ifdef JAWS_WITH_MIMALLOC
#include <mimalloc.h>

namespace {

// Address space reserved up front, in KiB: memory from mimalloc's reserve
// gets 2 MiB pages, memory it maps later for more segments did not (a check
// of 10,000 functions took 15,300 page faults; with the reserve, 440). Only
// what is touched is ever backed; a larger reserve than this (4 GiB) made
// small commands fault more, not less.
constexpr long kReservedKiB = 1024L * 1024L;

void useLargeOsPages(int, char**, char**) {
  mi_option_enable(mi_option_large_os_pages);
  mi_option_set(mi_option_eager_commit_delay, 0);
  mi_option_set(mi_option_reserve_os_memory, kReservedKiB);
}

[[gnu::section(".preinit_array"), gnu::used]] void (*const kUseLargeOsPages)(int, char**, char**) = &useLargeOsPages;

}  // namespace
#endif
