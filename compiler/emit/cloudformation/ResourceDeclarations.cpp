// `resource` declarations: emitted as written, each property through the
// value translation every other resource uses.
#include "emit/cloudformation/CfnNames.h"
#include "emit/cloudformation/CfnValues.h"
#include "emit/cloudformation/TemplateResources.h"

namespace jaws::emit {

void addRawResource(const model::Stack& stack, const model::Resource& resource, ResourceMap& resources) {
  Json properties = Json::object();
  for (const auto& [key, value] : resource.properties) properties[key] = cfnValue(value, stack);
  Json entry = Json{{"Type", resource.type}};
  if (!properties.empty()) entry["Properties"] = properties;
  resources[names::resource(resource.name)] = entry;
}

}  // namespace jaws::emit
