// Fuzz target: the language server's parse after an edit (syntax/
// ItemReuse.h). The input is the text after the edit; the text before is the
// part before a 0xFF byte when there is one (0xFF is never in valid UTF-8, so
// the fuzzer can write both), else the input with one byte, chosen by the
// input's bytes, changed, removed or doubled: the small edits of typing. The
// parse that takes items from the one before must equal a parse from scratch;
// a difference, a crash, a sanitizer report or a hang is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "properties/ReparseProperties.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  std::string before, after;
  if (const std::size_t cut = input.find('\xff'); cut != std::string::npos) {
    before = input.substr(0, cut);
    after = input.substr(cut + 1);
  } else if (size > 0) {
    after = input;
    std::size_t sum = 0;
    for (const std::uint8_t byte : input) sum += byte;
    const std::size_t at = sum % size;
    before = input;
    switch ((sum / size) % 3) {
      case 0: before[at] = before[at] == 'x' ? 'y' : 'x'; break;
      case 1: before.erase(at, 1); break;
      default: before.insert(at, 1, before[at]); break;
    }
  }
  const std::string violation = jaws::test::reparsePropertyViolation(before, after);
  if (!violation.empty()) {
    std::fprintf(stderr, "reparse property broken: %s\n", violation.c_str());
    __builtin_trap();
  }
  return 0;
}
