#include "driver/BuildArtifacts.h"

#include <algorithm>
#include <map>
#include <set>

#include "diag/Builders.h"
#include "driver/CodePackager.h"
#include "sema/LintPolicy.h"
#include "source/ParallelFor.h"
#include "emit/ApiDocuments.h"
#include "emit/JsonObjects.h"
#include "emit/ManifestEmitter.h"
#include "emit/cloudformation/CloudFormationEmitter.h"
#include "emit/apidocs/OpenApiEmitter.h"

namespace jaws {

BuildResult assembleBuild(Compilation& compilation, const BuildOptions& options) {
  BuildResult result;
  const std::vector<model::Stack>& stacks = compilation.stacks();
  result.stacks = stacks.size();

  // One package per distinct source folder, shared by every stack.
  std::map<std::string, std::string> codeKeys;
  std::vector<emit::CodeArtifact> codeArtifacts;
  for (const auto& stack : stacks) {
    for (const auto& function : stack.functions) {
      if (codeKeys.count(function.source)) continue;
      Diagnostics found;
      auto package = packageSource(compilation.projectDir(), function.source, function.sourceSpan, found);
      // The packager's lint (JW5011) follows the project's `lint` levels.
      if (const sema::Program* program = compilation.analysis().program.get()) sema::applyLintLevels(*program, found);
      result.diagnostics.insert(result.diagnostics.end(), found.begin(), found.end());
      if (!package) {
        codeKeys[function.source] = "";
        continue;
      }
      codeKeys[function.source] = package->key;
      codeArtifacts.push_back({function.source, package->key, "artifacts/" + package->key});
      result.artifacts.push_back({"artifacts/" + package->key, std::move(package->bytes)});
    }
  }

  // Each stack's templates and documents are emitted on its own thread, then
  // gathered in the stacks' order.
  std::vector<StackOutput> outputs(stacks.size());
  const Span at = compilation.analysis().program->project ? compilation.analysis().program->project->name.span : Span{};
  parallelFor(stacks.size(), threadsFor(compilation.options().jobs, stacks.size(), compilation.userSourceBytes()),
              [&](std::size_t t, unsigned) { outputs[t] = emitStack(stacks[t], codeKeys, options.yaml, at); });
  std::vector<emit::ManifestStack> manifestStacks;
  std::set<std::string> written;  // artifacts/ files several stacks share (content-addressed)
  for (std::size_t t = 0; t < stacks.size(); ++t) {
    const model::Stack& stack = stacks[t];
    StackOutput& output = outputs[t];
    result.diagnostics.insert(result.diagnostics.end(), output.diagnostics.begin(), output.diagnostics.end());
    for (auto& file : output.files) {
      if (file.path.rfind("artifacts/", 0) == 0 && !written.insert(file.path).second) continue;
      result.artifacts.push_back(std::move(file));
    }
    output.files.clear();
    manifestStacks.push_back(manifestEntry(stack, output));
  }
  if (!stacks.empty()) {
    for (const auto& api : stacks.front().apis) {
      result.artifacts.push_back({emit::apiOpenApiFile(api), emit::serializeJson(emit::emitOpenApi(stacks.front(), api))});
    }
    const std::string project = stacks.front().project.name;
    result.artifacts.push_back(
        {"manifest.json", emit::serializeJson(emit::emitManifest(project, std::move(manifestStacks), codeArtifacts))});
  }
  // The templates were kept for the manifest only; emptied bottom up, they
  // are destroyed at a fraction of the cost (emit/JsonObjects.h).
  for (StackOutput& output : outputs) {
    emit::releaseJson(output.root);
    for (emit::Json& nested : output.nestedTemplates) emit::releaseJson(nested);
  }
  std::sort(result.artifacts.begin(), result.artifacts.end(), [](const Artifact& a, const Artifact& b) { return a.path < b.path; });
  return result;
}

}  // namespace jaws
