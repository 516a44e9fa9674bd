#include "driver/StackArtifacts.h"

#include <set>

#include "diag/Builders.h"
#include "emit/ApiDocuments.h"
#include "emit/JsonObjects.h"
#include "emit/YamlWriter.h"
#include "emit/apidocs/SwaggerEmitter.h"
#include "emit/cloudformation/CfnNames.h"
#include "emit/split/StackSplitter.h"
#include "sema/rules/SplitDiagnostics.h"

namespace jaws {

namespace {

// With `split = "off"`, a template over CloudFormation's quotas is an error
// (when split, the splitter measures every template itself).
void reportBudget(const model::Stack& stack, const emit::split::TemplateCounts& counts, Span at, Diagnostics& out) {
  const auto& limits = stack.splitting.limits;
  const std::string where = sema::stackWhere(stack);
  if (limits.resources && static_cast<std::int64_t>(counts.resources) > *limits.resources) {
    out.push_back(diag::TemplateTooManyResources(at, where, std::to_string(counts.resources), std::to_string(*limits.resources))
                      .withHelp(note::SplitOff()));
    out.back().severity = Severity::Error;
  }
  if (limits.bytes && static_cast<std::int64_t>(counts.bytes) > *limits.bytes) {
    out.push_back(diag::TemplateTooLarge(at, where, std::to_string(counts.bytes), std::to_string(*limits.bytes)));
  }
}

// `<api>.swagger.json` (`<api>.openapi.json` for an HTTP API): exactly the
// body the stack's API resource holds, from the template that holds it (the
// root or a nested one), or the file it reads from CodeBucket when the body
// was uploaded.
std::string apiBody(const model::Api& api, const StackOutput& output, const std::vector<emit::split::SplitFile>& uploads) {
  const std::string id = emit::names::api(api);
  auto find = [&](const emit::Json& document) -> const emit::Json* {
    if (!document.contains("Resources") || !document["Resources"].contains(id)) return nullptr;
    return &document["Resources"][id];
  };
  const emit::Json* restApi = find(output.root);
  for (std::size_t i = 0; restApi == nullptr && i < output.nestedTemplates.size(); ++i) restApi = find(output.nestedTemplates[i]);
  if (restApi == nullptr || !restApi->contains("Properties")) return "";
  const emit::Json& properties = (*restApi)["Properties"];
  if (properties.contains("Body")) return emit::serializeJson(properties["Body"]);
  for (const auto& upload : uploads) {
    if (upload.name == id) return emit::serializeJson(upload.document);  // the uploaded file is compact
  }
  return "";
}

}  // namespace

StackOutput emitStack(const model::Stack& stack, const std::map<std::string, std::string>& codeKeys, bool yaml, Span at) {
  StackOutput out;
  const std::string folder = stack.stage.name + "/" + stack.stage.region + "/";
  emit::split::SplitOptions options;
  options.serialize = [yaml](const emit::Json& document) { return yaml ? emit::emitYaml(document) : emit::serializeJson(document); };
  options.templateSuffix = yaml ? ".template.yaml" : ".template.json";
  options.serializesJson = !yaml;
  emit::split::SplitStack split = emit::split::splitStack(stack, emit::emitTemplate(stack, codeKeys), options);
  sema::reportSplitIssues(stack, split.issues, at, out.diagnostics);
  if (!split.split) reportBudget(stack, split.rootCounts, at, out.diagnostics);
  out.root = std::move(split.root);
  out.templatePath = folder + (yaml ? "template.yaml" : "template.json");
  out.files.push_back({out.templatePath, std::move(split.rootText)});  // serialized once, to measure it

  std::set<std::string> uploads;
  for (auto& nested : split.nested) {
    const std::string path = "artifacts/" + nested.key;
    out.nested.push_back({nested.name, path, nested.key, nested.counts.resources, nested.counts.bytes});
    out.nestedTemplates.push_back(std::move(nested.document));
    out.files.push_back({path, std::move(nested.text)});
    uploads.insert(path);
  }
  for (const auto& upload : split.uploads) {
    out.files.push_back({"artifacts/" + upload.key, upload.text});
    uploads.insert("artifacts/" + upload.key);
  }
  if (split.split) {
    for (const auto& fn : stack.functions) {
      if (auto key = codeKeys.find(fn.source); key != codeKeys.end() && !key->second.empty()) {
        uploads.insert("artifacts/" + key->second);
      }
    }
    out.uploads.assign(uploads.begin(), uploads.end());
  }

  for (const auto& api : stack.apis) {
    out.files.push_back({folder + emit::apiBodyFile(api), apiBody(api, out, split.uploads)});
    if (auto imported = emit::importDocument(stack, api)) {
      out.files.push_back({folder + imported->file, emit::serializeJson(imported->document)});
    }
  }
  for (auto& upload : split.uploads) emit::releaseJson(upload.document);  // written; an API body, mostly
  return out;
}

emit::ManifestStack manifestEntry(const model::Stack& stack, const StackOutput& output) {
  emit::ManifestStack entry{&stack, &output.root, output.templatePath, output.nested, output.uploads, {}};
  for (const auto& document : output.nestedTemplates) entry.nestedTemplates.push_back(&document);
  return entry;
}

}  // namespace jaws
