// `resource` declarations: emitted as written, each property through the
// value translation every other resource uses, with the resource options of
// design §15 (`@dependsOn`, `@retain`, `@deletionPolicy`, `@updateReplacePolicy`)
// as CloudFormation's resource attributes.
#include <algorithm>

#include "emit/cloudformation/CfnNames.h"
#include "emit/cloudformation/CfnValues.h"
#include "emit/cloudformation/TemplateResources.h"

namespace jaws::emit {

namespace {

template <typename Declarations>
bool stackDeclares(const Declarations& declarations, const std::string& name) {
  return std::any_of(declarations.begin(), declarations.end(), [&](const auto& d) { return d.name == name; });
}

// The logical IDs `@dependsOn` names: a function's Lambda function, an api's
// stage (the API deployed), a resource itself. A name the target does not
// declare (`@when`) has its diagnostic already.
Json dependsOnIds(const model::Stack& stack, const model::Resource& resource) {
  Json ids = Json::array();
  for (const auto& dep : resource.dependsOn) {
    switch (dep.kind) {
      case model::Dependency::Kind::Resource:
        if (stackDeclares(stack.resources, dep.name)) ids.push_back(names::resource(dep.name));
        break;
      case model::Dependency::Kind::Function:
        if (stackDeclares(stack.functions, dep.name)) ids.push_back(names::function(dep.name));
        break;
      case model::Dependency::Kind::Api:
        if (stackDeclares(stack.apis, dep.name)) ids.push_back(names::stage(dep.name));
        break;
    }
  }
  return ids;
}

}  // namespace

void addRawResource(const model::Stack& stack, const model::Resource& resource, ResourceMap& resources) {
  Json properties = Json::object();
  for (const auto& [key, value] : resource.properties) properties[key] = cfnValue(value, stack);
  Json entry = Json{{"Type", resource.type}};
  if (Json ids = dependsOnIds(stack, resource); !ids.empty()) entry["DependsOn"] = ids.size() == 1 ? ids[0] : ids;
  if (!resource.deletionPolicy.empty()) entry["DeletionPolicy"] = resource.deletionPolicy;
  if (!resource.updateReplacePolicy.empty()) entry["UpdateReplacePolicy"] = resource.updateReplacePolicy;
  if (!properties.empty()) entry["Properties"] = properties;
  resources[names::resource(resource.name)] = entry;
}

}  // namespace jaws::emit
