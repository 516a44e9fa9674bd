#include "driver/BuildArtifacts.h"

#include <algorithm>
#include <map>

#include "diag/Builders.h"
#include "driver/CodePackager.h"
#include "emit/cloudformation/CloudFormationEmitter.h"
#include "emit/ApiDocuments.h"
#include "emit/ManifestEmitter.h"
#include "emit/apidocs/OpenApiEmitter.h"
#include "emit/cloudformation/TemplateBudget.h"
#include "emit/YamlWriter.h"

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
      PackageError error;
      auto package = packageSource(compilation.projectDir(), function.source, options.outputDir, error);
      if (!package) {
        result.diagnostics.push_back(diag::CannotRead(function.span, error.path, error.reason));
        codeKeys[function.source] = "";
        continue;
      }
      codeKeys[function.source] = package->key;
      codeArtifacts.push_back({function.source, package->key, "artifacts/" + package->key});
      result.artifacts.push_back({"artifacts/" + package->key, std::move(package->bytes)});
    }
  }

  std::vector<emit::Json> templates;
  templates.reserve(stacks.size());
  std::vector<emit::ManifestStack> manifestStacks;
  for (const auto& stack : stacks) {
    const std::string folder = stack.stage.name + "/" + stack.stage.region + "/";
    templates.push_back(emit::emitCloudFormation(stack, codeKeys));
    const emit::Json& cfn = templates.back();
    const std::string json = emit::serializeJson(cfn);
    const emit::TemplateBudget budget = emit::measureTemplate(cfn);
    const Span at = compilation.analysis().program->project ? compilation.analysis().program->project->name.span : Span{};
    const std::string where = stack.stackName + " in " + stack.stage.region;
    if (budget.tooManyResources()) {
      result.diagnostics.push_back(diag::TemplateTooManyResources(at, where, std::to_string(budget.resources),
                                                                  std::to_string(emit::kMaxTemplateResources)));
    }
    if (budget.tooLarge()) {
      result.diagnostics.push_back(
          diag::TemplateTooLarge(at, where, std::to_string(budget.bytes), std::to_string(emit::kMaxTemplateBytes)));
    }
    const std::string templatePath = folder + (options.yaml ? "template.yaml" : "template.json");
    result.artifacts.push_back({templatePath, options.yaml ? emit::emitYaml(cfn) : json});
    for (const auto& document : emit::stackApiDocuments(stack)) {
      result.artifacts.push_back({folder + document.file, emit::serializeJson(document.document)});
    }
    manifestStacks.push_back({&stack, &cfn, templatePath});
  }
  if (!stacks.empty()) {
    for (const auto& api : stacks.front().apis) {
      result.artifacts.push_back({emit::apiOpenApiFile(api), emit::serializeJson(emit::emitOpenApi(stacks.front(), api))});
    }
    const std::string project = stacks.front().project.name;
    result.artifacts.push_back(
        {"manifest.json", emit::serializeJson(emit::emitManifest(project, std::move(manifestStacks), codeArtifacts))});
  }
  std::sort(result.artifacts.begin(), result.artifacts.end(), [](const Artifact& a, const Artifact& b) { return a.path < b.path; });
  return result;
}

}  // namespace jaws
