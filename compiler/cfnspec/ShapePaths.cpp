#include "cfnspec/ShapePaths.h"

#include <cctype>

namespace jaws::cfnspec {

namespace {

// Hops through definitions and containers are bounded: a definition may
// name itself (a WAF statement inside a statement).
constexpr int kMaxHops = 64;

}  // namespace

const Shape* objectShape(const ResourceType& type, ShapeId id) {
  for (int hops = 0; hops < kMaxHops; ++hops) {
    const Shape& shape = type.shape(id);
    switch (shape.kind) {
      case Shape::Kind::Object: return &shape;
      case Shape::Kind::Definition:
      case Shape::Kind::List:
      case Shape::Kind::Map: id = shape.element; break;
      case Shape::Kind::Union: {
        for (ShapeId member : shape.members) {
          if (const Shape* object = objectShape(type, member)) return object;
        }
        return nullptr;
      }
      default: return nullptr;
    }
  }
  return nullptr;
}

const Shape* objectAtPath(const ResourceType& type, const std::vector<std::string>& path) {
  const Shape* object = &type.propertiesShape();
  for (const std::string& key : path) {
    const Field* field = object->field(key);
    object = field != nullptr ? objectShape(type, field->shape) : nullptr;
    if (object == nullptr) return nullptr;
  }
  return object;
}

const Field* fieldAtPath(const ResourceType& type, const std::vector<std::string>& path) {
  if (path.empty()) return nullptr;
  const Shape* object = objectAtPath(type, std::vector<std::string>(path.begin(), path.end() - 1));
  return object != nullptr ? object->field(path.back()) : nullptr;
}

std::string documentationUrl(std::string_view typeName) {
  if (!typeName.starts_with("AWS::")) return "";
  std::string page = "aws-resource-";
  for (char c : typeName.substr(5)) {
    if (c == ':') {
      if (page.back() != '-') page += '-';
      continue;
    }
    page += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/" + page + ".html";
}

}  // namespace jaws::cfnspec
