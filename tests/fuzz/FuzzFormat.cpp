// Fuzz target: the formatter. A file without syntax errors must format (the
// safety check never fails: that would be JW9006, a formatter bug), formatting
// the result again must change nothing, and `jaws check` must report the same
// diagnostics before and after (tests/properties/FormatProperties.h).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "fmt/Formatter.h"
#include "properties/FormatProperties.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const jaws::SourceFile file(0, "main.jaws", text);
  const jaws::formatter::FormatResult result = jaws::formatter::formatFile(file);
  if (!result.text) {
    if (!result.diagnostics.empty()) return 0;  // syntax errors: refused, rightly
    std::fprintf(stderr, "the formatter refused a file without syntax errors (its safety check failed: JW9006)\n");
    std::abort();
  }
  const std::string violation = jaws::test::formatPropertyViolation(text, *result.text);
  if (!violation.empty()) {
    std::fprintf(stderr, "%s\nformatted:\n%s\n", violation.c_str(), result.text->c_str());
    std::abort();
  }
  return 0;
}
