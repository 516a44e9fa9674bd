// `jaws build [DIR] [-o build] [--stage S] [--region R] [--format json|yaml]`:
// check the project, and only when it has no errors, write every artifact.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli/BuildFolderWriter.h"
#include "cli/Commands.h"
#include "diag/Builders.h"
#include "diag/Ordering.h"
#include "diag/Renderers.h"
#include "driver/BuildArtifacts.h"
#include "driver/BuildFolder.h"
#include "driver/Compilation.h"
#include "source/Workspace.h"

namespace jaws::cli {

namespace {

struct BuildCommandOptions {
  std::string input = ".";
  std::string out;
  std::string stage, region, root, stdlib;
  std::string format = "json";
  bool stats = false;
  unsigned jobs = 0;
};

int runBuild(const BuildCommandOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  CompilationOptions compilationOptions;
  compilationOptions.inputs.push_back(options.input);
  if (!options.stage.empty()) compilationOptions.stage = options.stage;
  if (!options.region.empty()) compilationOptions.region = options.region;
  if (!options.root.empty()) compilationOptions.root = options.root;
  if (!options.stdlib.empty()) compilationOptions.stdlibDir = options.stdlib;
  compilationOptions.jobs = options.jobs;
  Compilation compilation(std::move(compilationOptions));
  Diagnostics diagnostics = compilation.diagnostics();
  auto report = [&](const Diagnostics& list) {
    DiagnosticReport one{&list, &compilation.sources()};
    std::cerr << renderText(std::span<const DiagnosticReport>(&one, 1));
  };
  if (hasErrors(diagnostics)) {
    report(diagnostics);
    std::cerr << "jaws: nothing was written\n";
    return kExitErrors;
  }
  const fs::path outputDir = options.out.empty() ? compilation.projectDir() / "build" : normalPath(options.out);
  if (Diagnostics refused = checkBuildFolder(compilation, outputDir); !refused.empty()) {
    diagnostics.insert(diagnostics.end(), refused.begin(), refused.end());
    report(diagnostics);
    std::cerr << "jaws: nothing was written\n";
    return kExitErrors;
  }
  BuildResult build = assembleBuild(compilation, BuildOptions{options.format == "yaml"});
  diagnostics.insert(diagnostics.end(), build.diagnostics.begin(), build.diagnostics.end());
  sortAndDeduplicate(diagnostics, compilation.sources());
  if (hasErrors(diagnostics)) {
    report(diagnostics);
    std::cerr << "jaws: nothing was written\n";
    return kExitErrors;
  }
  if (!diagnostics.empty()) report(diagnostics);
  if (compilation.stacks().empty()) {
    std::cerr << "jaws: no stack matches the --stage/--region given; nothing was written\n";
    return kExitErrors;
  }
  const fs::path parent = outputDir.parent_path();
  auto waiting = [&] { std::cerr << fmt::format("jaws: waiting for another jaws build in {} to finish\n", displayPath(parent)); };
  if (auto failure = replaceBuildFolder(outputDir, build.artifacts, waiting)) {
    report(Diagnostics{std::move(*failure)});
    std::cerr << "jaws: nothing was written\n";
    return kExitErrors;
  }
  std::size_t bytes = 0;
  for (const auto& a : build.artifacts) bytes += a.bytes.size();
  std::cerr << fmt::format("jaws: built {} stack{} into {} ({} files, {} bytes)\n", build.stacks, build.stacks == 1 ? "" : "s",
                           displayPath(outputDir), build.artifacts.size(), bytes);
  if (options.stats) {
    const auto total = std::chrono::steady_clock::now() - start;
    std::cerr << fmt::format("stats: total={:.1f}ms\n", static_cast<double>(total.count()) / 1e6);
  }
  return kExitOk;
}

}  // namespace

Command addBuildCommand(CLI::App& app) {
  auto options = std::make_shared<BuildCommandOptions>();
  CLI::App* build = app.add_subcommand("build", "Check a project and write its CloudFormation, Swagger, OpenAPI and code packages");
  build->add_option("input", options->input, "The project folder (default: the current folder)");
  build->add_option("-o,--out", options->out, "The build folder (default: build/ in the project folder)");
  build->add_option("--stage", options->stage, "Build this stage only");
  build->add_option("--region", options->region, "Build this region only");
  build->add_option("--format", options->format, "Template format")->check(CLI::IsMember({"json", "yaml"}))->capture_default_str();
  build->add_option("--root", options->root, "Workspace root that imports must stay inside");
  build->add_option("--stdlib", options->stdlib, "Use the standard library in this folder");
  build->add_option("-j,--jobs", options->jobs, "Threads that evaluate and check the stages and regions (default: one per CPU)")
      ->check(CLI::Range(1u, 1024u));
  build->add_flag("--stats", options->stats, "Print the time taken on stderr");
  return {build, [options] { return runBuild(*options); }};
}

}  // namespace jaws::cli
