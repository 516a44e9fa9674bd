// `jaws check` keeps of each target's model only what the program rules read
// (CompilationOptions::keepModels = false, rules/Rules.h). Whatever the
// project, it must report exactly what a compilation keeping whole models
// reports: this runs both on every diagnostics test project and example.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "driver/Compilation.h"

using namespace jaws;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> described(const Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diagnostics) {
    std::string line = std::string(d.id()) + " " + std::to_string(d.span.file) + ":" + std::to_string(d.span.begin) + "-" +
                       std::to_string(d.span.end) + " " + d.message + " | " + d.help;
    for (const auto& note : d.notes) line += " | note " + note.message;
    for (const auto& fix : d.fixes) line += " | fix " + fix.title;
    out.push_back(std::move(line));
  }
  return out;
}

Diagnostics diagnosticsOf(const fs::path& input, bool keepModels, std::size_t& apisKept) {
  CompilationOptions options;
  options.inputs.push_back(input);
  options.keepModels = keepModels;
  Compilation compilation(std::move(options));
  Diagnostics diagnostics = compilation.diagnostics();
  for (const auto& stack : compilation.stacks()) apisKept += stack.apis.size() + stack.resources.size();
  return diagnostics;
}

}  // namespace

TEST_CASE("check without whole models reports what a full analysis reports", "[sema][memory]") {
  const fs::path source = JAWS_SOURCE_DIR;
  std::vector<fs::path> inputs;
  for (const auto& entry : fs::directory_iterator(source / "tests" / "diagnostics")) {
    if (entry.is_directory() || entry.path().extension() == ".jaws") inputs.push_back(entry.path());
  }
  for (const auto& entry : fs::directory_iterator(source / "examples")) {
    if (entry.is_directory() && entry.path().filename().string()[0] != '.') inputs.push_back(entry.path());
  }
  std::sort(inputs.begin(), inputs.end());
  REQUIRE(inputs.size() > 200);
  std::size_t keptWhole = 0, keptSlim = 0, withDiagnostics = 0;
  for (const fs::path& input : inputs) {
    INFO(input.string());
    const Diagnostics whole = diagnosticsOf(input, true, keptWhole);
    const Diagnostics slim = diagnosticsOf(input, false, keptSlim);
    CHECK(described(slim) == described(whole));
    withDiagnostics += !whole.empty();
  }
  // The models were cut down, and the comparison covered real reports.
  CHECK(keptWhole > 50);
  CHECK(keptSlim == 0);
  CHECK(withDiagnostics > 200);
}
