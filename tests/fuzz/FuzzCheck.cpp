// Fuzz target: one file through the whole checker, as `jaws check` runs it
// (parse, bind, check, evaluate every stage and region, rules, lints), and
// its diagnostics through the three renderers. Any crash, sanitizer report or
// hang is a bug: every input must end in diagnostics.
#include <cstddef>
#include <cstdint>
#include <string>

#include "diag/Renderers.h"
#include "properties/InMemoryProject.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  auto compilation = jaws::test::compileText(text);
  const jaws::Diagnostics diagnostics = compilation->diagnostics();
  const jaws::DiagnosticReport report{&diagnostics, &compilation->sources()};
  const std::span<const jaws::DiagnosticReport> reports(&report, 1);
  (void)jaws::renderText(reports);
  (void)jaws::renderJson(reports);
  (void)jaws::renderSarif(reports, "fuzz");
  return 0;
}
