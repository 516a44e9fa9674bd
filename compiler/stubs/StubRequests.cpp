#include "stubs/StubRequests.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "stubs/StubNames.h"

namespace jaws::stubs {

namespace {

// Refs can form cycles (`type A = B`, `type B = A` is the checker's to
// reject); following stops after this many steps.
constexpr int kMaxRefDepth = 32;

std::string numberText(double value) {
  if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15) {
    return fmt::format("{}", static_cast<long long>(value));
  }
  return fmt::format("{}", value);
}

std::string literalText(const model::Value& value) {
  switch (value.kind) {
    case model::Value::Kind::String: return quote(value.string);
    case model::Value::Kind::Int: return std::to_string(value.integer);
    case model::Value::Kind::Number: return numberText(value.number);
    case model::Value::Kind::Bool: return value.boolean ? "true" : "false";
    default: return "null";
  }
}

model::Schema objectOf(std::vector<model::SchemaField> fields) {
  model::Schema schema;
  schema.kind = model::Schema::Kind::Object;
  schema.fields = std::move(fields);
  return schema;
}

}  // namespace

const std::string& ModelNames::typeName(const std::string& declared) const {
  if (!declared.empty() && declared.front() == '@') {
    const auto shape = events.find(declared.substr(1));
    return shape == events.end() ? declared : shape->second;
  }
  const auto it = types.find(declared);
  return it == types.end() ? declared : it->second;
}

const std::string& ModelNames::eventType(const std::string& shape) const {
  const auto it = events.find(shape);
  return it == events.end() ? shape : it->second;
}

ModelNames nameModels(const model::Stack& stack, Language language) {
  ModelNames names;
  auto reserved = [language](const std::string& name) {
    return language == Language::Node ? isTypeScriptReservedTypeName(name) : isPythonReservedTypeName(name);
  };
  for (const model::NamedSchema& type : stack.types) {
    names.types[type.name] = names.taken.claim(reserved(type.name) ? type.name + "_" : type.name, "_");
  }
  names.httpResult = names.taken.claim("JawsHttpResult");
  names.scheduledEvent = names.taken.claim("JawsScheduledEvent");
  names.authorizerRequest = names.taken.claim("JawsAuthorizerRequest");
  names.authorizerResult = names.taken.claim("JawsAuthorizerResult");
  names.httpEvent = names.taken.claim("JawsHttpEvent");
  names.urlRequest = names.taken.claim("JawsUrlRequest");
  for (const model::Api& api : stack.apis) {
    for (const model::Route& route : api.routes) {
      const std::string base = typeCase(route.operationId.empty() ? route.function : route.operationId);
      names.requests[&route] = names.taken.claim(base + "Request");
    }
  }
  // The shapes of the kinds of event the stack uses, and the batch result when a batch kind is among them.
  bool batch = false;
  for (const EventStub* stub : eventStubs()) {
    const bool used = std::any_of(stack.functions.begin(), stack.functions.end(), [&](const model::Function& f) {
      return std::any_of(f.events.begin(), f.events.end(), [&](const model::Event& e) { return e.kind == stub->kind; });
    });
    if (!used) continue;
    batch = batch || stub->batch;
    for (const EventModel& shape : stub->models) names.events[shape.name] = names.taken.claim(shape.name);
  }
  if (batch) names.events[kBatchResultModel] = names.taken.claim(kBatchResultModel);
  return names;
}

bool takesUrlRequests(const std::vector<FunctionTriggers>& functions) {
  for (const FunctionTriggers& triggers : functions) {
    if (triggers.hasUrl()) return true;
  }
  return false;
}

bool takesHttpEvents(const std::vector<FunctionTriggers>& functions) {
  for (const FunctionTriggers& triggers : functions) {
    for (const RouteBinding& route : triggers.routes) {
      if (route.api->kind == model::ApiKind::Http) return true;
    }
  }
  return takesUrlRequests(functions);
}

std::string parameterKey(const model::RouteParameter& parameter) {
  std::string key = parameter.name;
  if (parameter.where == model::ParamLocation::Path && !key.empty() && key.back() == '+') key.pop_back();
  return key;
}

model::Schema requestSchema(const model::Route& route) {
  std::vector<model::SchemaField> path, query, headers;
  for (const model::RouteParameter& parameter : route.parameters) {
    model::SchemaField field;
    field.name = parameterKey(parameter);
    field.optional = !parameter.required && parameter.where != model::ParamLocation::Path;
    field.schema = parameter.schema;
    field.description = parameter.description;
    switch (parameter.where) {
      case model::ParamLocation::Path: path.push_back(std::move(field)); break;
      case model::ParamLocation::Query: query.push_back(std::move(field)); break;
      case model::ParamLocation::Header: headers.push_back(std::move(field)); break;
    }
  }
  std::vector<model::SchemaField> fields;
  auto section = [&fields](const char* name, std::vector<model::SchemaField> members) {
    if (members.empty()) return;
    model::SchemaField field;
    field.name = name;
    field.schema = objectOf(std::move(members));
    fields.push_back(std::move(field));
  };
  section(kRequestPath, std::move(path));
  section(kRequestQuery, std::move(query));
  section(kRequestHeaders, std::move(headers));
  if (route.body) {
    model::SchemaField field;
    field.name = kRequestBody;
    field.schema = *route.body;
    fields.push_back(std::move(field));
  }
  return objectOf(std::move(fields));
}

const model::Schema* resolveRef(const model::Schema& schema, const model::Stack& stack) {
  for (const model::NamedSchema& type : stack.types) {
    if (type.name == schema.refName) return &type.schema;
  }
  return nullptr;
}

const char* paramKindName(ParamShape::Kind kind) {
  switch (kind) {
    case ParamShape::Kind::String: return "string";
    case ParamShape::Kind::Integer: return "integer";
    case ParamShape::Kind::Number: return "number";
    case ParamShape::Kind::Boolean: return "boolean";
    case ParamShape::Kind::Any: return "any";
  }
  return "any";
}

ParamShape paramShape(const model::Schema& schema, const model::Stack& stack) {
  const model::Schema* current = &schema;
  ParamShape shape;
  for (int depth = 0; depth < kMaxRefDepth; ++depth) {
    using Kind = model::Schema::Kind;
    switch (current->kind) {
      case Kind::Ref: {
        const model::Schema* target = resolveRef(*current, stack);
        if (target == nullptr) return shape;
        current = target;
        continue;
      }
      case Kind::Array:
        if (shape.list || !current->element) {  // lists of lists arrive as strings
          shape.kind = ParamShape::Kind::Any;
          return shape;
        }
        shape.list = true;
        current = current->element.get();
        continue;
      case Kind::String: shape.kind = ParamShape::Kind::String; return shape;
      case Kind::Integer: shape.kind = ParamShape::Kind::Integer; return shape;
      case Kind::Number: shape.kind = ParamShape::Kind::Number; return shape;
      case Kind::Boolean: shape.kind = ParamShape::Kind::Boolean; return shape;
      case Kind::Literal:
      case Kind::Union: {
        // A string literal or a union of them is an enum; anything else
        // arrives as the string it is.
        std::vector<const model::Schema*> members;
        if (current->kind == Kind::Literal) {
          members.push_back(current);
        } else {
          for (const model::Schema& member : current->members) members.push_back(&member);
        }
        std::vector<std::string> values;
        for (const model::Schema* member : members) {
          if (member->kind != Kind::Literal || member->literal.kind != model::Value::Kind::String) {
            shape.kind = ParamShape::Kind::String;
            return shape;
          }
          values.push_back(member->literal.string);
        }
        shape.kind = ParamShape::Kind::String;
        shape.values = std::move(values);
        return shape;
      }
      default: shape.kind = ParamShape::Kind::Any; return shape;
    }
  }
  shape.kind = ParamShape::Kind::Any;
  return shape;
}

std::vector<RouteBinding> routesOf(const std::vector<FunctionTriggers>& functions) {
  std::vector<RouteBinding> routes;
  for (const FunctionTriggers& function : functions) {
    routes.insert(routes.end(), function.routes.begin(), function.routes.end());
  }
  return routes;
}

std::string schemaSummary(const model::Schema& schema) {
  using Kind = model::Schema::Kind;
  switch (schema.kind) {
    case Kind::String: return "string";
    case Kind::Integer: return "int";
    case Kind::Number: return "number";
    case Kind::Boolean: return "bool";
    case Kind::Null: return "null";
    case Kind::Any: return "any";
    case Kind::Literal: return literalText(schema.literal);
    case Kind::Ref: return schema.refName;
    case Kind::Union: {
      std::string out;
      for (const model::Schema& member : schema.members) out += (out.empty() ? "" : " | ") + schemaSummary(member);
      return out;
    }
    case Kind::Array: {
      if (!schema.element) return "any[]";
      const std::string element = schemaSummary(*schema.element);
      return schema.element->kind == Kind::Union ? "(" + element + ")[]" : element + "[]";
    }
    case Kind::Map: return "map<" + (schema.element ? schemaSummary(*schema.element) : std::string("any")) + ">";
    case Kind::Object: {
      std::string out;
      for (const model::SchemaField& field : schema.fields) {
        out += (out.empty() ? "" : ", ") + field.name + (field.optional ? "?: " : ": ") + schemaSummary(field.schema);
      }
      return out.empty() ? "{}" : "{ " + out + " }";
    }
  }
  return "any";
}

std::string constraintSummary(const model::Constraints& c) {
  std::vector<std::string> parts;
  if (c.format) parts.push_back("format " + *c.format);
  if (c.pattern) parts.push_back("pattern " + *c.pattern);
  if (c.minLength) parts.push_back(fmt::format("minLength {}", *c.minLength));
  if (c.maxLength) parts.push_back(fmt::format("maxLength {}", *c.maxLength));
  if (c.minimum) parts.push_back("minimum " + numberText(*c.minimum));
  if (c.maximum) parts.push_back("maximum " + numberText(*c.maximum));
  if (c.minItems) parts.push_back(fmt::format("minItems {}", *c.minItems));
  if (c.maxItems) parts.push_back(fmt::format("maxItems {}", *c.maxItems));
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : ", ") + part;
  return out;
}

}  // namespace jaws::stubs
