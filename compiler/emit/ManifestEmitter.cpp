#include "emit/ManifestEmitter.h"

#include <algorithm>
#include <set>

#include "emit/ApiDocuments.h"

namespace jaws::emit {

namespace {

// IAM types and the property that gives each a custom name.
constexpr std::pair<const char*, const char*> kNamedIam[] = {
    {"AWS::IAM::Role", "RoleName"},       {"AWS::IAM::User", "UserName"},
    {"AWS::IAM::Group", "GroupName"},     {"AWS::IAM::ManagedPolicy", "ManagedPolicyName"},
    {"AWS::IAM::InstanceProfile", "InstanceProfileName"},
};

// The APIs of a stack and the documents written for each, beside its template.
Json apisOf(const model::Stack& stack, const std::string& templatePath) {
  const std::string folder = templatePath.substr(0, templatePath.rfind('/') + 1);
  Json apis = Json::array();
  for (const auto& api : stack.apis) {
    Json item = Json{{"name", api.name},
                     {"kind", api.kind == model::ApiKind::Http ? "http" : "rest"},
                     {"body", folder + apiBodyFile(api)}};
    if (stack.stage.account) item["importBody"] = folder + apiImportFile(api);
    item["openapi"] = apiOpenApiFile(api);
    apis.push_back(item);
  }
  return apis;
}

}  // namespace

namespace {

void addCapabilities(const Json& cfnTemplate, bool nestedKnown, std::set<std::string>& capabilities) {
  if (cfnTemplate.contains("Transform")) capabilities.insert("CAPABILITY_AUTO_EXPAND");
  if (cfnTemplate.contains("Resources")) {
    for (const auto& [id, resource] : cfnTemplate["Resources"].items()) {
      const std::string type = resource.value("Type", "");
      // Looked at in place: a REST API's properties hold its whole body.
      const auto properties = resource.find("Properties");
      if (type.rfind("AWS::IAM::", 0) == 0) capabilities.insert("CAPABILITY_IAM");
      for (const auto& [named, property] : kNamedIam) {
        if (type == named && properties != resource.end() && properties->contains(property)) {
          capabilities.insert("CAPABILITY_NAMED_IAM");
        }
      }
      if (type.rfind("AWS::Serverless::", 0) == 0) capabilities.insert("CAPABILITY_AUTO_EXPAND");
      if (type == "AWS::CloudFormation::Stack" && !nestedKnown) {
        capabilities.insert("CAPABILITY_IAM");
        capabilities.insert("CAPABILITY_NAMED_IAM");
      }
    }
  }
}

}  // namespace

std::vector<std::string> requiredCapabilities(const Json& cfnTemplate, const std::vector<const Json*>& nested) {
  std::set<std::string> capabilities;
  addCapabilities(cfnTemplate, !nested.empty(), capabilities);
  for (const Json* document : nested) addCapabilities(*document, false, capabilities);
  return {capabilities.begin(), capabilities.end()};
}

Json emitManifest(const std::string& project, std::vector<ManifestStack> stacks, std::vector<CodeArtifact> artifacts) {
  std::sort(stacks.begin(), stacks.end(), [](const ManifestStack& a, const ManifestStack& b) {
    return std::tie(a.stack->stage.name, a.stack->stage.region) < std::tie(b.stack->stage.name, b.stack->stage.region);
  });
  std::sort(artifacts.begin(), artifacts.end(), [](const CodeArtifact& a, const CodeArtifact& b) { return a.source < b.source; });

  Json out = Json::object();
  out["version"] = 1;
  out["project"] = project;

  Json packages = Json::array();
  for (const auto& artifact : artifacts) {
    packages.push_back(Json{{"source", artifact.source}, {"key", artifact.key}, {"file", artifact.path}});
  }
  out["artifacts"] = packages;

  Json list = Json::array();
  for (const auto& entry : stacks) {
    const model::Stack& stack = *entry.stack;
    const Json& tmpl = *entry.cfnTemplate;
    Json parameters = Json::object();
    Json required = Json::array();
    if (tmpl.contains("Parameters")) {
      for (const auto& [name, parameter] : tmpl["Parameters"].items()) {
        if (parameter.contains("Default")) {
          parameters[name] = parameter["Default"];
        } else {
          required.push_back(name);
        }
      }
    }
    Json item = Json::object();
    item["stage"] = stack.stage.name;
    item["region"] = stack.stage.region;
    if (stack.stage.account) item["account"] = *stack.stage.account;
    item["stackName"] = stack.stackName;
    item["template"] = entry.templatePath;
    item["parameters"] = parameters;
    item["requiredParameters"] = required;
    item["capabilities"] = requiredCapabilities(tmpl, entry.nestedTemplates);
    item["terminationProtection"] = stack.stage.protect;
    if (!stack.apis.empty()) item["apis"] = apisOf(stack, entry.templatePath);
    Json tags = Json::object();
    for (const auto& [key, value] : stack.project.tags) tags[key] = value;
    item["tags"] = tags;
    if (!entry.nested.empty()) {
      Json nested = Json::array();
      for (const auto& n : entry.nested) {
        nested.push_back(Json{{"logicalId", n.logicalId}, {"template", n.file}, {"key", n.key}, {"resources", n.resources},
                              {"bytes", n.bytes}});
      }
      item["nestedStacks"] = nested;
    }
    if (!entry.uploads.empty()) item["uploads"] = entry.uploads;
    list.push_back(item);
  }
  out["stacks"] = list;
  return out;
}

}  // namespace jaws::emit
