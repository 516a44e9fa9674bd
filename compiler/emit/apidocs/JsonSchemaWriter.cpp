#include "emit/apidocs/JsonSchemaWriter.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "emit/JsonObjects.h"
#include "emit/cloudformation/CfnValues.h"

namespace jaws::emit {

using model::Schema;

namespace {

// JSON numbers that are whole print without a fraction (`minimum: 1`).
Json number(double value) {
  if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 9.0e15) {
    return static_cast<std::int64_t>(value);
  }
  return value;
}

const char* jsonTypeOf(const model::Value& value) {
  switch (value.kind) {
    case model::Value::Kind::Bool: return "boolean";
    case model::Value::Kind::Int: return "integer";
    case model::Value::Kind::Number: return "number";
    case model::Value::Kind::String: return "string";
    default: return nullptr;
  }
}

bool isPlainPrimitive(const Schema& schema) {
  const auto& c = schema.constraints;
  const bool constrained = c.minLength || c.maxLength || c.minItems || c.maxItems || c.minimum || c.maximum || c.pattern ||
                           c.format || c.description || c.example || c.deprecated;
  if (constrained) return false;
  switch (schema.kind) {
    case Schema::Kind::String:
    case Schema::Kind::Integer:
    case Schema::Kind::Number:
    case Schema::Kind::Boolean: return true;
    default: return false;
  }
}

const char* primitiveType(Schema::Kind kind) {
  switch (kind) {
    case Schema::Kind::String: return "string";
    case Schema::Kind::Integer: return "integer";
    case Schema::Kind::Number: return "number";
    case Schema::Kind::Boolean: return "boolean";
    default: return nullptr;
  }
}

// `{"$ref": ...}` takes no sibling keywords (OpenAPI 3.0 ignores them, draft 4
// too): wrap it in allOf before adding any.
Json& unwrapRef(Json& schema) {
  if (schema.contains("$ref")) schema = Json{{"allOf", Json::array({schema})}};
  return schema;
}

}  // namespace

JsonSchemaWriter::JsonSchemaWriter(const model::Stack& stack, SchemaDialect dialect) : stack_(stack), dialect_(dialect) {
  // A writer per API document, each over every declared type: one sorted
  // array, not a tree of copied names. Stable, so that of two types of one
  // name (an error already reported) the first declared is found.
  types_.reserve(stack.types.size());
  for (const auto& type : stack.types) types_.push_back(&type);
  std::stable_sort(types_.begin(), types_.end(), [](const auto* a, const auto* b) { return a->name < b->name; });
}

const model::NamedSchema* JsonSchemaWriter::findType(std::string_view name) const {
  auto it = std::lower_bound(types_.begin(), types_.end(), name, [](const auto* type, std::string_view n) { return type->name < n; });
  return it != types_.end() && (*it)->name == name ? *it : nullptr;
}

Json JsonSchemaWriter::literal(const model::Value& value) const {
  // Defaults and examples are compile-time values; the template's units apply.
  if (value.isDeployTime()) return nullptr;
  return cfnValue(value, stack_);
}

std::string JsonSchemaWriter::definitionName(const std::string& typeName) {
  if (auto found = definitionNames_.find(typeName); found != definitionNames_.end()) return found->second;
  std::string base = typeName;
  if (dialect_ == SchemaDialect::Swagger2) {
    // API Gateway model names are alphanumeric.
    base.clear();
    for (char c : typeName) {
      if (std::isalnum(static_cast<unsigned char>(c))) base += c;
    }
    if (base.empty()) base = "Model";
  }
  std::string name = base;
  for (int n = 2; usedDefinitionNames_.count(name) != 0; ++n) name = base + std::to_string(n);
  usedDefinitionNames_.insert(name);
  definitionNames_.emplace(typeName, name);
  pending_.push_back(typeName);
  return name;
}

std::string JsonSchemaWriter::refTarget(const std::string& definition) const {
  return (dialect_ == SchemaDialect::Swagger2 ? "#/definitions/" : "#/components/schemas/") + definition;
}

std::string JsonSchemaWriter::addDefinition(const std::string& preferred, const Schema& schema) {
  std::string base;
  for (char c : preferred) {
    if (std::isalnum(static_cast<unsigned char>(c))) base += c;
  }
  if (base.empty()) base = "Model";
  // A hoisted name never takes a declared type's name, so a type referred to
  // later keeps its own.
  std::string name = base;
  for (int n = 2; usedDefinitionNames_.count(name) != 0 || findType(name) != nullptr; ++n) name = base + std::to_string(n);
  usedDefinitionNames_.insert(name);
  definitions_[name] = this->schema(schema);
  return name;
}

Json JsonSchemaWriter::definitions() {
  while (!pending_.empty()) {
    const std::string typeName = pending_.back();
    pending_.pop_back();
    const std::string name = definitionNames_.at(typeName);
    const model::NamedSchema* found = findType(typeName);
    Json written = found == nullptr ? Json::object() : schema(found->schema);
    if (found != nullptr && !found->description.empty() && !written.contains("description")) {
      unwrapRef(written)["description"] = found->description;
    }
    definitions_[name] = std::move(written);
  }
  Json out = Json::object();
  reserveMembers(out, definitions_.size());
  for (const auto& [name, written] : definitions_) appendMember(out, name, written);
  return out;
}

Schema JsonSchemaWriter::resolveAliases(const Schema& schema) const {
  Schema current = schema;
  for (int depth = 0; current.kind == Schema::Kind::Ref && depth < 64; ++depth) {
    const model::NamedSchema* found = findType(current.refName);
    if (found == nullptr) break;
    Schema target = found->schema;
    const auto& c = current.constraints;
    const bool constrained = c.minLength || c.maxLength || c.minimum || c.maximum || c.pattern || c.format;
    if (constrained) target.constraints = current.constraints;
    if (!target.constraints.description && !found->description.empty()) {
      target.constraints.description = found->description;
    }
    current = std::move(target);
  }
  return current;
}

Json JsonSchemaWriter::unionSchema(const Schema& schema) {
  bool hasNull = false;
  std::vector<const Schema*> rest;
  for (const auto& member : schema.members) {
    if (member.kind == Schema::Kind::Null) {
      hasNull = true;
    } else {
      rest.push_back(&member);
    }
  }
  const bool swagger = dialect_ == SchemaDialect::Swagger2;
  Json out = Json::object();
  if (rest.empty()) return swagger ? Json{{"type", "null"}} : Json{{"nullable", true}, {"enum", Json::array({nullptr})}};

  // A union of literals is an enum (`"low" | "normal" | "high"`).
  bool allLiterals = true;
  std::set<std::string> literalTypes;
  for (const auto* member : rest) {
    const char* type = member->kind == Schema::Kind::Literal ? jsonTypeOf(member->literal) : nullptr;
    if (type == nullptr) {
      allLiterals = false;
      break;
    }
    literalTypes.insert(type);
  }
  if (allLiterals) {
    Json values = Json::array();
    for (const auto* member : rest) values.push_back(literal(member->literal));
    if (hasNull) values.push_back(nullptr);
    if (literalTypes.size() == 1) {
      const std::string type = *literalTypes.begin();
      if (swagger && hasNull) {
        out["type"] = Json::array({type, "null"});
      } else {
        out["type"] = type;
      }
    }
    if (!swagger && hasNull) out["nullable"] = true;
    out["enum"] = std::move(values);
    return out;
  }

  if (rest.size() == 1) {
    Json inner = this->schema(*rest.front());
    if (!hasNull) return inner;
    if (swagger) {
      if (inner.contains("type") && inner["type"].is_string()) {
        inner["type"] = Json::array({inner["type"], "null"});
        if (inner.contains("enum")) inner["enum"].push_back(nullptr);
      } else {
        // Draft 4 without anyOf cannot say "T or null" for a model: a hint only.
        unwrapRef(inner)["x-nullable"] = true;
      }
    } else {
      unwrapRef(inner)["nullable"] = true;
    }
    return inner;
  }

  bool allPrimitive = true;
  for (const auto* member : rest) allPrimitive = allPrimitive && isPlainPrimitive(*member);
  if (swagger) {
    if (allPrimitive) {
      Json types = Json::array();
      for (const auto* member : rest) types.push_back(primitiveType(member->kind));
      if (hasNull) types.push_back("null");
      out["type"] = std::move(types);
    }
    // Otherwise Swagger 2.0 has no way to say "one of these": any value.
    return out;
  }
  Json anyOf = Json::array();
  for (const auto* member : rest) anyOf.push_back(this->schema(*member));
  out["anyOf"] = std::move(anyOf);
  if (hasNull) out["nullable"] = true;
  return out;
}

void JsonSchemaWriter::applyConstraints(Json& out, const model::Constraints& c) const {
  const bool swagger = dialect_ == SchemaDialect::Swagger2;
  const bool any = c.minLength || c.maxLength || c.minItems || c.maxItems || c.minimum || c.maximum || c.pattern || c.format ||
                   c.description || (!swagger && (c.example || c.deprecated));
  if (!any) return;
  Json& target = unwrapRef(out);
  if (c.description) target["description"] = *c.description;
  if (c.format) target["format"] = *c.format;
  if (c.pattern) target["pattern"] = *c.pattern;
  if (c.minLength) target["minLength"] = *c.minLength;
  if (c.maxLength) target["maxLength"] = *c.maxLength;
  if (c.minimum) target["minimum"] = number(*c.minimum);
  if (c.maximum) target["maximum"] = number(*c.maximum);
  if (c.minItems) target["minItems"] = *c.minItems;
  if (c.maxItems) target["maxItems"] = *c.maxItems;
  // API Gateway models are plain draft 4: `example` and `deprecated` only go
  // to the OpenAPI document.
  if (!swagger && c.example) target["example"] = literal(*c.example);
  if (!swagger && c.deprecated) target["deprecated"] = true;
}

Json JsonSchemaWriter::schema(const Schema& schema) {
  Json out = Json::object();
  reserveMembers(out, 4);  // most schemas hold a few members; growing would copy them
  switch (schema.kind) {
    case Schema::Kind::String: out["type"] = "string"; break;
    case Schema::Kind::Integer: out["type"] = "integer"; break;
    case Schema::Kind::Number: out["type"] = "number"; break;
    case Schema::Kind::Boolean: out["type"] = "boolean"; break;
    case Schema::Kind::Null:
      if (dialect_ == SchemaDialect::Swagger2) {
        out["type"] = "null";
      } else {
        out["nullable"] = true;
        out["enum"] = Json::array({nullptr});
      }
      break;
    case Schema::Kind::Any: break;
    case Schema::Kind::Literal:
      if (const char* type = jsonTypeOf(schema.literal)) out["type"] = type;
      out["enum"] = Json::array({literal(schema.literal)});
      break;
    case Schema::Kind::Union: out = unionSchema(schema); break;
    case Schema::Kind::Array:
      out["type"] = "array";
      out["items"] = schema.element ? this->schema(*schema.element) : Json::object();
      break;
    case Schema::Kind::Map:
      out["type"] = "object";
      out["additionalProperties"] = schema.element ? this->schema(*schema.element) : Json::object();
      break;
    case Schema::Kind::Object: {
      out["type"] = "object";
      Json properties = Json::object();
      reserveMembers(properties, schema.fields.size());
      Json required = Json::array();
      for (const auto& field : schema.fields) {
        Json property = this->schema(field.schema);
        if (!field.description.empty() && !property.contains("description")) {
          unwrapRef(property)["description"] = field.description;
        }
        if (field.defaultValue) unwrapRef(property)["default"] = literal(*field.defaultValue);
        properties[field.name] = std::move(property);
        if (!field.optional) required.push_back(field.name);
      }
      if (!required.empty()) out["required"] = std::move(required);
      out["properties"] = std::move(properties);
      break;
    }
    case Schema::Kind::Ref: out["$ref"] = refTarget(definitionName(schema.refName)); break;
  }
  applyConstraints(out, schema.constraints);
  return out;
}

}  // namespace jaws::emit
