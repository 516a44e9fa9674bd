#include "emit/split/ComputedAttributes.h"

#include <algorithm>

#include "emit/split/TemplateReferences.h"

namespace jaws::emit::split {

namespace {

// `rule`'s text for a resource with `properties`, written into `out` when it
// is given: false when a property the rule names is not a literal string.
bool expand(const model::ComputedAttribute& rule, const Json& properties, std::string* out) {
  // `{Name}` is the literal property Name; everything else is Sub text.
  std::size_t i = 0;
  while (i < rule.value.size()) {
    const std::size_t open = rule.value.find('{', i);
    if (open == std::string::npos) {
      if (out != nullptr) out->append(rule.value, i);
      return true;
    }
    const std::size_t close = rule.value.find('}', open);
    if (close == std::string::npos) return false;
    if (open > 0 && rule.value[open - 1] == '$') {  // `${AWS::Region}`: Sub text as written
      if (out != nullptr) out->append(rule.value, i, close + 1 - i);
      i = close + 1;
      continue;
    }
    if (out != nullptr) out->append(rule.value, i, open - i);
    const auto property = properties.find(std::string_view(rule.value).substr(open + 1, close - open - 1));
    if (property == properties.end() || !property->is_string()) return false;
    if (out != nullptr) *out += escapeSubText(property->get_ref<const std::string&>());
    i = close + 1;
  }
  return true;
}

// A resource's type and properties, what every rule reads; null when it has
// no string Type or no Properties.
struct TypedResource {
  const std::string* type = nullptr;
  const Json* properties = nullptr;
};
TypedResource typedResource(const Json& resource) {
  if (!resource.is_object()) return {};
  const auto type = resource.find("Type");
  const auto found = resource.find("Properties");
  if (type == resource.end() || !type->is_string() || found == resource.end()) return {};
  return {&type->get_ref<const std::string&>(), &*found};
}

// The first rule for `attribute` of `resource` that can be expanded, written
// into `out` when it is given.
bool computed(const std::vector<model::ComputedAttribute>& rules, const Json& resource, const std::string& attribute,
              std::string* out) {
  const TypedResource typed = typedResource(resource);
  if (typed.type == nullptr) return false;
  const std::string_view wanted = attribute.empty() ? std::string_view("Ref") : std::string_view(attribute);
  for (const auto& rule : rules) {
    if (rule.type != *typed.type || rule.attribute != wanted) continue;
    if (out != nullptr) out->clear();
    if (expand(rule, *typed.properties, out)) return true;
  }
  return false;
}

}  // namespace

std::vector<std::string> computedAttributes(const std::vector<model::ComputedAttribute>& rules, const Json& resource) {
  std::vector<std::string> out;
  const TypedResource typed = typedResource(resource);
  if (typed.type == nullptr) return out;
  for (const auto& rule : rules) {
    if (rule.type != *typed.type) continue;
    if (std::find(out.begin(), out.end(), rule.attribute) != out.end() || !expand(rule, *typed.properties, nullptr)) continue;
    out.push_back(rule.attribute);
  }
  return out;
}

std::optional<std::string> computedAttribute(const std::vector<model::ComputedAttribute>& rules, const Json& resource,
                                             const std::string& attribute) {
  std::string out;
  if (!computed(rules, resource, attribute, &out)) return std::nullopt;
  return out;
}

bool hasComputedAttribute(const std::vector<model::ComputedAttribute>& rules, const Json& resource,
                          const std::string& attribute) {
  return computed(rules, resource, attribute, nullptr);
}

}  // namespace jaws::emit::split
