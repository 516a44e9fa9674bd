// `jaws check [DIR|FILE]...`: parse and check projects, print diagnostics.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli/Commands.h"
#include "diag/Renderers.h"
#include "cli/SplitReport.h"
#include "cli/ValuesReport.h"
#include "driver/Compilation.h"

namespace jaws::cli {

namespace {

struct CheckOptions {
  std::vector<std::string> inputs;
  std::string format = "text";
  std::string root;
  std::string stdlib;
  bool stats = false;
  std::string stage, region;
  bool explainValues = false;
  unsigned jobs = 0;
};

double millis(std::chrono::nanoseconds ns) { return static_cast<double>(ns.count()) / 1e6; }

void printStats(const Compilation& compilation, std::chrono::nanoseconds total) {
  const StageTimes& t = compilation.times();
  std::cerr << fmt::format(
      "stats: files={} bytes={} load={:.1f}ms parse={:.1f}ms ({:.0f}%) bind+check={:.1f}ms evaluate={:.1f}ms "
      "rules={:.1f}ms full-LL-reparses={} total={:.1f}ms\n",
      t.filesParsed, t.bytesParsed, millis(t.load), millis(t.parse),
      total.count() ? 100.0 * static_cast<double>(t.parse.count()) / static_cast<double>(total.count()) : 0.0,
      millis(t.bind), millis(t.evaluate), millis(t.rules), t.fullLLReparses, millis(total));
}

int runCheck(const CheckOptions& options) {
  std::vector<std::unique_ptr<Compilation>> compilations;
  std::vector<Diagnostics> results;
  const std::vector<std::string> inputs = options.inputs.empty() ? std::vector<std::string>{"."} : options.inputs;
  bool errors = false;
  for (const std::string& input : inputs) {
    const auto start = std::chrono::steady_clock::now();
    CompilationOptions compilationOptions;
    compilationOptions.inputs.push_back(input);
    if (!options.root.empty()) compilationOptions.root = options.root;
    if (!options.stdlib.empty()) compilationOptions.stdlibDir = options.stdlib;
    if (!options.stage.empty()) compilationOptions.stage = options.stage;
    if (!options.region.empty()) compilationOptions.region = options.region;
    compilationOptions.jobs = options.jobs;
    // --explain-values prints the models, and --stats plans the stacks the
    // rules did not; otherwise only the diagnostics are read.
    compilationOptions.keepModels = options.explainValues || options.stats;
    auto compilation = std::make_unique<Compilation>(std::move(compilationOptions));
    Diagnostics diagnostics = compilation->diagnostics();
    errors = errors || hasErrors(diagnostics);
    if (options.stats) {
      printStats(*compilation, std::chrono::steady_clock::now() - start);
      std::cerr << renderSplitReport(compilation->analysis());
    }
    if (options.explainValues) std::cout << renderValuesReport(compilation->stacks());
    results.push_back(std::move(diagnostics));
    compilations.push_back(std::move(compilation));
  }
  std::vector<DiagnosticReport> reports;
  for (std::size_t i = 0; i < results.size(); ++i) reports.push_back({&results[i], &compilations[i]->sources()});
  if (options.format == "json") {
    std::cout << renderJson(reports);
  } else if (options.format == "sarif") {
    std::cout << renderSarif(reports, JAWS_VERSION);
  } else {
    std::cerr << renderText(reports);
  }
  return errors ? kExitErrors : kExitOk;
}

}  // namespace

Command addCheckCommand(CLI::App& app) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* check = app.add_subcommand("check", "Parse and check projects; print every problem found");
  check->add_option("inputs", options->inputs, "Project folders or .jaws files (default: the current folder)");
  check->add_option("--format", options->format, "Output format")
      ->check(CLI::IsMember({"text", "json", "sarif"}))
      ->capture_default_str();
  check->add_option("--root", options->root, "Workspace root that imports must stay inside");
  check->add_option("--stdlib", options->stdlib, "Use the standard library in this folder instead of the embedded one");
  check->add_flag("--stats", options->stats,
                  "Print the time spent in each stage, and each stack's templates with their predicted counts, on stderr");
  check->add_option("--stage", options->stage, "Evaluate this stage only");
  check->add_option("--region", options->region, "Evaluate this region only");
  check->add_option("-j,--jobs", options->jobs, "Threads that evaluate and check the stages and regions (default: one per CPU)")
      ->check(CLI::Range(1u, 1024u));
  check->add_flag("--explain-values", options->explainValues,
                  "Print the resolved value of every function attribute per stage and region");
  return {check, [options] { return runCheck(*options); }};
}

}  // namespace jaws::cli
