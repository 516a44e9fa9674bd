#include "emit/split/ComputedAttributes.h"

#include "emit/split/TemplateReferences.h"

namespace jaws::emit::split {

std::optional<std::string> computedAttribute(const std::vector<model::ComputedAttribute>& rules, const Json& resource,
                                             const std::string& attribute) {
  if (!resource.is_object()) return std::nullopt;
  const auto type = resource.find("Type");
  const auto found = resource.find("Properties");
  if (type == resource.end() || !type->is_string() || found == resource.end()) return std::nullopt;
  const Json& properties = *found;
  for (const auto& rule : rules) {
    if (rule.type != type->get_ref<const std::string&>() || rule.attribute != (attribute.empty() ? "Ref" : attribute)) continue;
    // `{Name}` is the literal property Name; everything else is Sub text.
    std::string out;
    std::size_t i = 0;
    bool complete = true;
    while (i < rule.value.size()) {
      const std::size_t open = rule.value.find('{', i);
      if (open == std::string::npos) {
        out += rule.value.substr(i);
        break;
      }
      const std::size_t close = rule.value.find('}', open);
      if (close == std::string::npos) {
        complete = false;
        break;
      }
      if (open > 0 && rule.value[open - 1] == '$') {  // `${AWS::Region}`: Sub text as written
        out += rule.value.substr(i, close + 1 - i);
        i = close + 1;
        continue;
      }
      out += rule.value.substr(i, open - i);
      const std::string name = rule.value.substr(open + 1, close - open - 1);
      if (!properties.contains(name) || !properties[name].is_string()) {
        complete = false;
        break;
      }
      out += escapeSubText(properties[name].get<std::string>());
      i = close + 1;
    }
    if (complete) return out;
  }
  return std::nullopt;
}

}  // namespace jaws::emit::split
