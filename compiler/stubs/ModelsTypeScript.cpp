// jaws_models.d.ts: the API's models as TypeScript declarations, for JSDoc
// in the generated .mjs modules (`@typedef {import('./jaws_models.js').Todo}`)
// and for editors. Rewritten on every run of `jaws stubs`.
#include <fmt/format.h>

#include <cmath>

#include "stubs/StubGenerators.h"
#include "stubs/StubNames.h"

namespace jaws::stubs {

namespace {

class TypeScriptWriter {
 public:
  explicit TypeScriptWriter(const ModelNames& names) : names_(names) {}

  std::string type(const model::Schema& schema, int indent) const {
    using Kind = model::Schema::Kind;
    switch (schema.kind) {
      case Kind::String: return "string";
      case Kind::Integer:
      case Kind::Number: return "number";
      case Kind::Boolean: return "boolean";
      case Kind::Null: return "null";
      case Kind::Any: return "unknown";
      case Kind::Literal: return literal(schema.literal);
      case Kind::Ref: return names_.typeName(schema.refName);
      case Kind::Union: {
        std::string out;
        for (const model::Schema& member : schema.members) out += (out.empty() ? "" : " | ") + type(member, indent);
        return out.empty() ? "never" : out;
      }
      case Kind::Array: {
        if (!schema.element) return "unknown[]";
        const std::string element = type(*schema.element, indent);
        return schema.element->kind == Kind::Union ? "(" + element + ")[]" : element + "[]";
      }
      case Kind::Map:
        return "{ [key: string]: " + (schema.element ? type(*schema.element, indent) : std::string("unknown")) + " }";
      case Kind::Object: return object(schema.fields, indent);
    }
    return "unknown";
  }

  std::string object(const std::vector<model::SchemaField>& fields, int indent) const {
    if (fields.empty()) return "{ [key: string]: never }";
    const std::string pad(static_cast<std::size_t>(indent + 2), ' ');
    std::string out = "{\n";
    for (const model::SchemaField& field : fields) {
      out += doc(field.description, field.schema.constraints, indent + 2);
      // Property names may be reserved words; anything else is quoted.
      const std::string name = isJsIdentifier(field.name + "_") ? field.name : quote(field.name);
      out += fmt::format("{}{}{}: {};\n", pad, name, field.optional ? "?" : "", type(field.schema, indent + 2));
    }
    return out + std::string(static_cast<std::size_t>(indent), ' ') + "}";
  }

  static std::string doc(const std::string& description, const model::Constraints& constraints, int indent) {
    std::vector<std::string> lines = commentLines(description);
    if (constraints.description && description.empty()) lines = commentLines(*constraints.description);
    const std::string summary = constraintSummary(constraints);
    if (!summary.empty()) {
      for (const std::string& line : commentLines(summary)) lines.push_back(line);
    }
    if (constraints.deprecated) lines.push_back("@deprecated");
    if (lines.empty()) return "";
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    if (lines.size() == 1) return pad + "/** " + lines.front() + " */\n";
    std::string out = pad + "/**\n";
    for (const std::string& line : lines) out += pad + (line.empty() ? " *\n" : " * " + line + "\n");
    return out + pad + " */\n";
  }

 private:
  static std::string literal(const model::Value& value) {
    switch (value.kind) {
      case model::Value::Kind::String: return quote(value.string);
      case model::Value::Kind::Int: return std::to_string(value.integer);
      case model::Value::Kind::Number:
        return std::isfinite(value.number) ? fmt::format("{}", value.number) : std::string("number");
      case model::Value::Kind::Bool: return value.boolean ? "true" : "false";
      default: return "null";
    }
  }

  const ModelNames& names_;
};

void appendDeclaration(std::string& out, const TypeScriptWriter& writer, const std::string& name,
                       const model::Schema& schema, const std::string& description) {
  out += TypeScriptWriter::doc(description, schema.constraints, 0);
  if (schema.kind == model::Schema::Kind::Object) {
    out += fmt::format("export interface {} {}\n\n", name, writer.object(schema.fields, 0));
  } else {
    out += fmt::format("export type {} = {};\n\n", name, writer.type(schema, 0));
  }
}

}  // namespace

std::string generateTypeScriptModels(const model::Stack& stack, const ModelsGroup& group, const ModelNames& names) {
  const TypeScriptWriter writer(names);
  std::string out;
  out += fmt::format("// {} from project {}. Do not edit: every run of `jaws stubs`\n", kGeneratedMarker,
                     stack.project.name);
  out += "// rewrites this file (remove this line to keep your own version instead).\n";
  out += "// Use the types from JSDoc in the handler modules beside it:\n";
  out += "//   /** @typedef {import('./jaws_models.js').Name} Name */\n\n";

  if (!stack.types.empty()) out += "// ---- The `type` declarations of the project ----\n\n";
  for (const model::NamedSchema& type : stack.types) {
    appendDeclaration(out, writer, names.typeName(type.name), type.schema, type.description);
  }

  const std::vector<RouteBinding> routes = routesOf(group.functions);
  if (!routes.empty()) out += "// ---- What each route's handler receives ----\n\n";
  for (const RouteBinding& binding : routes) {
    const model::Route& route = *binding.route;
    const std::string description = fmt::format("The request of {} {} (function {}, api {}).",
                                                model::httpMethodName(route.method), route.path, route.function,
                                                binding.api->name);
    appendDeclaration(out, writer, names.requests.at(&route), requestSchema(route), description);
  }

  out += "// ---- Lambda shapes the handler modules use ----\n\n";
  out += fmt::format(
      "/** What a route's plain function returns; `body` is sent as JSON. */\n"
      "export interface {} {{\n"
      "  statusCode: number;\n"
      "  headers?: {{ [name: string]: string }};\n"
      "  body?: unknown;\n"
      "}}\n\n",
      names.httpResult);
  out += fmt::format(
      "/** The event EventBridge sends on a schedule. */\n"
      "export interface {} {{\n"
      "  version: string;\n"
      "  id: string;\n"
      "  \"detail-type\": \"Scheduled Event\";\n"
      "  source: \"aws.events\";\n"
      "  account: string;\n"
      "  /** ISO 8601, e.g. 2024-01-01T12:00:00Z */\n"
      "  time: string;\n"
      "  region: string;\n"
      "  /** The ARN of the rule that fired. */\n"
      "  resources: string[];\n"
      "  detail: {{ [key: string]: unknown }};\n"
      "}}\n\n",
      names.scheduledEvent);
  out += fmt::format(
      "/** What an authorizer's plain function receives (header names in lower case). */\n"
      "export interface {} {{\n"
      "  /** The token of a TOKEN authorizer. */\n"
      "  token?: string;\n"
      "  headers: {{ [name: string]: string }};\n"
      "  methodArn: string;\n"
      "}}\n\n",
      names.authorizerRequest);
  out += fmt::format(
      "/** What an authorizer's plain function returns to allow a request. */\n"
      "export interface {} {{\n"
      "  principalId: string;\n"
      "  context?: {{ [key: string]: string | number | boolean }};\n"
      "}}\n",
      names.authorizerResult);
  if (takesHttpEvents(group.functions)) {
    out += fmt::format(
        "\n/** An HTTP API or function URL event (payload format 2.0). */\n"
        "export interface {} {{\n"
        "  version: \"2.0\";\n"
        "  /** \"GET /items/{{id}}\" for an HTTP API route, \"$default\" for a function URL. */\n"
        "  routeKey: string;\n"
        "  rawPath: string;\n"
        "  rawQueryString: string;\n"
        "  cookies?: string[];\n"
        "  /** Header names in lower case; the values of a repeated header joined with commas. */\n"
        "  headers: {{ [name: string]: string }};\n"
        "  /** The values of a repeated parameter joined with commas. */\n"
        "  queryStringParameters?: {{ [name: string]: string }};\n"
        "  pathParameters?: {{ [name: string]: string }};\n"
        "  requestContext: {{\n"
        "    accountId: string;\n"
        "    apiId: string;\n"
        "    domainName: string;\n"
        "    requestId: string;\n"
        "    routeKey: string;\n"
        "    stage: string;\n"
        "    time: string;\n"
        "    timeEpoch: number;\n"
        "    http: {{ method: string; path: string; protocol: string; sourceIp: string; userAgent: string }};\n"
        "    /** What the route's authorizer found: `jwt.claims`, `iam`, or a Lambda authorizer's `lambda` context. */\n"
        "    authorizer?: {{ [key: string]: unknown }};\n"
        "  }};\n"
        "  body?: string;\n"
        "  isBase64Encoded: boolean;\n"
        "}}\n",
        names.httpEvent);
  }
  if (takesUrlRequests(group.functions)) {
    out += fmt::format(
        "\n/** What a function URL's plain function receives (header names in lower case). */\n"
        "export interface {} {{\n"
        "  method: string;\n"
        "  path: string;\n"
        "  query: {{ [name: string]: string }};\n"
        "  headers: {{ [name: string]: string }};\n"
        "  cookies: string[];\n"
        "  /** The body as text, decoded when it arrived base64-encoded. */\n"
        "  body?: string;\n"
        "}}\n",
        names.urlRequest);
  }
  // The events the functions of this folder take (stubs/events/).
  const std::vector<const EventStub*> events = eventKindsOf(group.functions);
  if (!events.empty()) out += "\n// ---- The events the handlers take ----\n\n";
  bool batch = false;
  for (const EventStub* stub : events) {
    batch = batch || stub->batch;
    for (const EventModel& shape : stub->models) {
      appendDeclaration(out, writer, names.eventType(shape.name), shape.schema, shape.description);
    }
  }
  if (batch) {
    const EventModel result = batchResultModel();
    appendDeclaration(out, writer, names.eventType(result.name), result.schema, result.description);
  }
  while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

}  // namespace jaws::stubs
