// `jaws check` keeps of each target's model only what the program rules read
// (CompilationOptions::keepModels = false, rules/Rules.h). Whatever the
// project, it must report exactly what a compilation keeping whole models
// reports: this runs both on every diagnostics test project and example.
// On two threads, each target's split prediction runs as a task of its own
// (sema/Analysis.cpp): its reports must be those of the prediction made
// inline.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "driver/Compilation.h"
#include "support/SplitPredictionText.h"
#include "support/TempDir.h"

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
  options.jobs = 2;  // on two threads: each split prediction a task of its own
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

TEST_CASE("a split prediction run apart reports what it reports inline", "[sema][threads]") {
  // Two stages split always, a function too large for any nested stack
  // (JW4092, from the prediction), and reports before and after the template
  // rules' (memory below the minimum; a protected stage's queue without a
  // deletion policy).
  const test::TempDir temp;
  std::string rates;
  for (int minutes = 2; minutes <= 226; ++minutes) rates += std::string(rates.empty() ? "" : ", ") + "\"rate(" + std::to_string(minutes) + " minutes)\"";
  temp.write("project/main.jaws", "project p { runtime = \"nodejs22.x\"  split = \"always\" }\nstage dev { }\nstage prod { protect = true }\n"
                                  "function busy { handler = \"src/f.main\"  schedule = [" + rates + "] }\n"
                                  "function small { handler = \"src/f.main\"  memory = 12MB }\n"
                                  "resource queue: \"AWS::SQS::Queue\" { }\n");
  temp.write("project/src/f.mjs", "export const main = async () => ({});\n");
  auto compile = [&](unsigned jobs, bool keepModels = true) {
    CompilationOptions options;
    options.inputs.push_back(temp.path() / "project");
    options.jobs = jobs;
    options.keepModels = keepModels;
    auto compilation = std::make_unique<Compilation>(std::move(options));
    compilation->diagnostics();
    return compilation;
  };
  auto apart = compile(2);
  auto inline_ = compile(1);
  const auto reports = described(apart->diagnostics());
  CHECK(reports == described(inline_->diagnostics()));
  // `jaws check`, which trims each model once both its tasks are done.
  CHECK(reports == described(compile(2, false)->diagnostics()));
  auto has = [&](std::string_view code) {
    return std::any_of(reports.begin(), reports.end(), [&](const std::string& r) { return r.rfind(code, 0) == 0; });
  };
  CHECK(has("JW4092"));
  CHECK(has("JW5020"));
  CHECK(has("JW3004"));
  const auto& a = apart->analysis().splitPredictions;
  const auto& b = inline_->analysis().splitPredictions;
  REQUIRE(a.size() == 2);
  REQUIRE(b.size() == 2);
  for (std::size_t t = 0; t < 2; ++t) {
    REQUIRE(a[t] != nullptr);
    REQUIRE(b[t] != nullptr);
    CHECK(test::describePrediction(*a[t]) == test::describePrediction(*b[t]));
  }
}

TEST_CASE("on two threads, the declarations' own checks report where they did on one", "[sema][threads]") {
  // They run beside the targets on two threads; their reports still follow
  // the binder's and come before the stages' and the targets'.
  const test::TempDir temp;
  temp.write("project/main.jaws", "project p { runtime = \"nodejs22.x\" }\nstage dev { region = \"mars-1\" }\nstage prod { }\n"
                                  "function small { handler = \"src/f.main\"  memory = 12MB  timeout = nosuch }\n"
                                  "type Pair { a: string\n a: number }\n");
  temp.write("project/src/f.mjs", "export const main = async () => ({});\n");
  auto made = [&](unsigned jobs) {
    CompilationOptions options;
    options.inputs.push_back(temp.path() / "project");
    options.jobs = jobs;
    Compilation compilation(std::move(options));
    return described(compilation.analysis().diagnostics);
  };
  const auto apart = made(2);
  CHECK(apart == made(1));
  auto firstOf = [&](std::string_view code) {
    const auto it = std::find_if(apart.begin(), apart.end(), [&](const std::string& r) { return r.rfind(code, 0) == 0; });
    REQUIRE(it != apart.end());
    return it - apart.begin();
  };
  CHECK(firstOf("JW2105") < firstOf("JW3013"));  // the binder's
  CHECK(firstOf("JW3013") < firstOf("JW3001"));  // the stages'
  CHECK(firstOf("JW3001") < firstOf("JW3004"));  // the targets'
}
