#include "cfnspec/ResourceType.h"

#include <algorithm>

namespace jaws::cfnspec {

const Field* Shape::field(std::string_view name) const {
  auto it = std::lower_bound(fields.begin(), fields.end(), name, [](const Field& f, std::string_view n) { return f.name < n; });
  return it != fields.end() && it->name == name ? &*it : nullptr;
}

const Attribute* ResourceType::attribute(std::string_view name) const {
  auto it = std::lower_bound(attributes.begin(), attributes.end(), name,
                             [](const Attribute& a, std::string_view n) { return a.name < n; });
  return it != attributes.end() && it->name == name ? &*it : nullptr;
}

bool ResourceType::availableIn(std::string_view region) const {
  return std::find(missingRegions.begin(), missingRegions.end(), region) == missingRegions.end();
}

namespace {

std::string describe(const ResourceType& type, ShapeId id, int depth) {
  const Shape& shape = type.shape(id);
  if (depth > 3) return "value";
  switch (shape.kind) {
    case Shape::Kind::String: return "string";
    case Shape::Kind::Integer: return "integer";
    case Shape::Kind::Number: return "number";
    case Shape::Kind::Boolean: return "boolean";
    case Shape::Kind::Json: return "JSON object or string";
    case Shape::Kind::Any: return "any value";
    case Shape::Kind::List: return "list of " + describe(type, shape.element, depth + 1);
    case Shape::Kind::Map: return "map of " + describe(type, shape.element, depth + 1);
    case Shape::Kind::Object: return "object";
    case Shape::Kind::Definition: {
      const Shape& target = type.shape(shape.element);
      if (target.kind == Shape::Kind::Object) return "`" + shape.definition + "` object";
      return describe(type, shape.element, depth + 1);
    }
    case Shape::Kind::Union: {
      std::string out;
      for (std::size_t i = 0; i < shape.members.size(); ++i) {
        const std::string member = describe(type, shape.members[i], depth + 1);
        if (out.find(member) != std::string::npos) continue;
        out += (out.empty() ? "" : " or ") + member;
      }
      return out;
    }
  }
  return "value";
}

}  // namespace

std::string describeShape(const ResourceType& type, ShapeId shape) { return describe(type, shape, 0); }

}  // namespace jaws::cfnspec
