#include "sema/Types.h"

#include <fmt/format.h>

namespace jaws::sema {

const FieldType* Type::field(std::string_view fieldName) const {
  for (const auto& f : fields) {
    if (f.name == fieldName) return &f;
  }
  return nullptr;
}

std::vector<std::string> Type::stringLiterals() const {
  std::vector<std::string> out;
  if (kind == Kind::Literal && literal.kind == model::Value::Kind::String) return {literal.string};
  if (kind != Kind::Union) return out;
  for (const auto& m : members) {
    for (auto& s : m->stringLiterals()) out.push_back(std::move(s));
  }
  return out;
}

TypePtr primitiveType(Type::Kind kind) {
  auto t = std::make_shared<Type>();
  t->kind = kind;
  return t;
}

std::string describeType(const Type& type) {
  if (!type.name.empty()) return type.name;
  switch (type.kind) {
    case Type::Kind::Any: return "any";
    case Type::Kind::Error: return "<error>";
    case Type::Kind::String: return "string";
    case Type::Kind::Int: return "int";
    case Type::Kind::Number: return "number";
    case Type::Kind::Bool: return "bool";
    case Type::Kind::Size: return "size";
    case Type::Kind::Duration: return "duration";
    case Type::Kind::Null: return "null";
    case Type::Kind::Literal: return model::describe(type.literal);
    case Type::Kind::Union: {
      std::string out;
      for (std::size_t i = 0; i < type.members.size(); ++i) out += (i ? " | " : "") + describeType(*type.members[i]);
      return out;
    }
    case Type::Kind::List: {
      const std::string inner = describeType(*type.element);
      return (type.element->kind == Type::Kind::Union && type.element->name.empty() ? "(" + inner + ")" : inner) + "[]";
    }
    case Type::Kind::Map: return "map<" + describeType(*type.element) + ">";
    case Type::Kind::Record: return "an object";
  }
  return "?";
}

std::string describeValueType(const model::Value& value) {
  using K = model::Value::Kind;
  switch (value.kind) {
    case K::Null: return "null";
    case K::Bool: return fmt::format("bool {}", value.boolean);
    case K::Int: return fmt::format("int {}", value.integer);
    case K::Number: return "number";
    case K::String: return fmt::format("string \"{}\"", value.string.size() > 40 ? value.string.substr(0, 40) + "..." : value.string);
    case K::Size: return "size " + model::describe(value);
    case K::Duration: return "duration " + model::describe(value);
    case K::List: return "a list";
    case K::Object: return "an object";
    case K::Deploy: return "deploy-time value " + model::describe(value);
    case K::Concat: return "deploy-time string";
  }
  return "?";
}

}  // namespace jaws::sema
