// jaws_models.py: the API's models as TypedDicts (`Literal` for literal
// types, `NotRequired` for optional fields where the runtime has it, Python
// 3.11+; older runtimes get the `total=False` base-class spelling). Inline
// records become TypedDicts of their own, named after where they appear.
// Rewritten on every run of `jaws stubs`.
#include <fmt/format.h>

#include <cmath>
#include <set>

#include "stubs/StubGenerators.h"
#include "stubs/StubNames.h"

namespace jaws::stubs {

namespace {

constexpr int kFirstMinorWithNotRequired = 11;

model::Schema primitive(model::Schema::Kind kind) {
  model::Schema schema;
  schema.kind = kind;
  return schema;
}

model::Schema container(model::Schema::Kind kind, model::Schema element) {
  model::Schema schema;
  schema.kind = kind;
  schema.element = std::make_shared<model::Schema>(std::move(element));
  return schema;
}

model::SchemaField field(std::string name, model::Schema schema, bool optional = false, std::string description = {}) {
  model::SchemaField out;
  out.name = std::move(name);
  out.schema = std::move(schema);
  out.optional = optional;
  out.description = std::move(description);
  return out;
}

model::Schema record(std::vector<model::SchemaField> fields) {
  model::Schema schema;
  schema.kind = model::Schema::Kind::Object;
  schema.fields = std::move(fields);
  return schema;
}

class PythonModelsWriter {
 public:
  PythonModelsWriter(const ModelNames& names, bool notRequired)
      : names_(names), taken_(names.taken), notRequired_(notRequired) {}

  // Emits one named declaration (a TypedDict or an alias) after whatever it
  // hoists.
  void declare(const std::string& name, const model::Schema& schema, const std::string& description) {
    const std::size_t first = blocks_.size();
    if (schema.kind == model::Schema::Kind::Object) {
      typedDict(name, schema.fields, description);
    } else {
      std::string block = comments(description, schema.constraints, "");
      block += fmt::format("{} = {}\n", name, type(schema, name, true));
      blocks_.push_back(std::move(block));
    }
    defined_.insert(name);
    if (!pending_.empty() && first < blocks_.size()) blocks_[first] = pending_ + blocks_[first];
    pending_.clear();
  }

  // The heading goes on top of the next declaration.
  void section(const std::string& title) { pending_ = "# ---- " + title + " ----\n\n\n"; }

  std::string text(const std::string& header) const {
    std::string out = header + "from __future__ import annotations\n\n";
    if (!typing_.empty()) {
      std::string names;
      for (const std::string& name : typing_) names += (names.empty() ? "" : ", ") + name;
      out += "from typing import " + names + "\n";
    }
    for (const std::string& block : blocks_) out += "\n\n" + block;
    return out;
  }

 private:
  std::string use(const std::string& typingName) {
    typing_.insert(typingName);
    return typingName;
  }

  // `eager`: the annotation is evaluated when the module loads (aliases and
  // the functional TypedDict form), so names not yet defined are quoted.
  std::string type(const model::Schema& schema, const std::string& owner, bool eager) {
    using Kind = model::Schema::Kind;
    switch (schema.kind) {
      case Kind::String: return "str";
      case Kind::Integer: return "int";
      case Kind::Number: return "float";
      case Kind::Boolean: return "bool";
      case Kind::Null: return "None";
      case Kind::Any: return use("Any");
      case Kind::Literal: return literalType({&schema});
      case Kind::Ref: {
        const std::string& name = names_.typeName(schema.refName);
        return eager && !defined_.count(name) ? quote(name) : name;
      }
      case Kind::Union: return unionType(schema, owner, eager);
      case Kind::Array:
        return use("List") + "[" + (schema.element ? type(*schema.element, owner + "Item", eager) : use("Any")) + "]";
      case Kind::Map:
        return use("Dict") + "[str, " + (schema.element ? type(*schema.element, owner + "Value", eager) : use("Any")) +
               "]";
      case Kind::Object: {
        const std::string name = taken_.claim(owner);
        typedDict(name, schema.fields, "");
        defined_.insert(name);
        return name;
      }
    }
    return use("Any");
  }

  static bool isLiteralMember(const model::Schema& schema) {
    if (schema.kind != model::Schema::Kind::Literal) return false;
    const auto kind = schema.literal.kind;
    return kind == model::Value::Kind::String || kind == model::Value::Kind::Int || kind == model::Value::Kind::Bool;
  }

  std::string literalType(const std::vector<const model::Schema*>& members) {
    std::string values;
    for (const model::Schema* member : members) {
      const model::Value& value = member->literal;
      std::string text;
      switch (value.kind) {
        case model::Value::Kind::String: text = quote(value.string); break;
        case model::Value::Kind::Int: text = std::to_string(value.integer); break;
        case model::Value::Kind::Bool: text = value.boolean ? "True" : "False"; break;
        default: return "float";  // Literal takes no floats
      }
      values += (values.empty() ? "" : ", ") + text;
    }
    return use("Literal") + "[" + values + "]";
  }

  std::string unionType(const model::Schema& schema, const std::string& owner, bool eager) {
    // Literal members merge into one Literal[...]; the rest follow in order.
    std::vector<const model::Schema*> literals;
    std::vector<std::string> parts;
    for (const model::Schema& member : schema.members) {
      if (isLiteralMember(member)) {
        literals.push_back(&member);
      } else {
        parts.push_back(type(member, owner, eager));
      }
    }
    if (!literals.empty()) parts.insert(parts.begin(), literalType(literals));
    if (parts.empty()) return use("Any");
    if (parts.size() == 1) return parts.front();
    std::string out;
    for (const std::string& part : parts) out += (out.empty() ? "" : ", ") + part;
    return use("Union") + "[" + out + "]";
  }

  std::string comments(const std::string& description, const model::Constraints& constraints,
                       const std::string& pad) const {
    std::vector<std::string> lines = commentLines(description);
    if (lines.empty() && constraints.description) lines = commentLines(*constraints.description);
    const std::string summary = constraintSummary(constraints);
    if (!summary.empty()) lines.push_back(summary);
    if (constraints.deprecated) lines.push_back("deprecated");
    std::string out;
    for (const std::string& line : lines) out += pad + (line.empty() ? "#" : "# " + line) + "\n";
    return out;
  }

  struct Member {
    std::string name, annotation, comments;
    bool optional = false;
  };

  void typedDict(const std::string& name, const std::vector<model::SchemaField>& fields, const std::string& description) {
    bool identifiers = true;
    for (const model::SchemaField& f : fields) identifiers = identifiers && isPythonIdentifier(f.name);
    const bool eager = !identifiers;
    std::vector<Member> all, required, optional;
    for (const model::SchemaField& f : fields) {
      Member member{f.name, type(f.schema, name + typeCase(f.name), eager),
                    comments(f.description, f.schema.constraints, "    "), f.optional};
      (f.optional ? optional : required).push_back(member);
      if (f.optional && notRequired_) member.annotation = use("NotRequired") + "[" + member.annotation + "]";
      all.push_back(std::move(member));
    }
    use("TypedDict");
    const std::string doc = docstringText(description);
    if (notRequired_ || optional.empty() || required.empty()) {
      // One TypedDict: NotRequired marks the optional fields, or all fields
      // share one totality.
      const bool total = notRequired_ || optional.empty();
      blocks_.push_back(identifiers ? classForm(name, {"TypedDict"}, all, total, doc)
                                    : functionalForm(name, all, total, doc));
      return;
    }
    // Before Python 3.11: required fields in a base, optional ones in a
    // `total=False` part.
    const std::string base = taken_.claim("_" + name + "Required");
    if (identifiers) {
      blocks_.push_back(classForm(base, {"TypedDict"}, required, true, ""));
      blocks_.push_back(classForm(name, {base}, optional, false, doc));
    } else {
      const std::string rest = taken_.claim("_" + name + "Optional");
      blocks_.push_back(functionalForm(base, required, true, ""));
      blocks_.push_back(functionalForm(rest, optional, false, ""));
      blocks_.push_back(classForm(name, {base, rest}, {}, true, doc));
    }
  }

  static std::string classForm(const std::string& name, const std::vector<std::string>& bases,
                               const std::vector<Member>& members, bool total, const std::string& doc) {
    std::string basesText;
    for (const std::string& base : bases) basesText += (basesText.empty() ? "" : ", ") + base;
    std::string out = fmt::format("class {}({}{}):\n", name, basesText, total ? "" : ", total=False");
    if (!doc.empty()) out += "    \"\"\"" + indented(doc) + "\"\"\"\n";
    if (!doc.empty() && !members.empty()) out += "\n";
    for (const Member& member : members) out += member.comments + fmt::format("    {}: {}\n", member.name, member.annotation);
    if (doc.empty() && members.empty()) out += "    pass\n";
    return out;
  }

  static std::string functionalForm(const std::string& name, const std::vector<Member>& members, bool total,
                                    const std::string& doc) {
    std::string out;
    for (const std::string& line : commentLines(doc)) out += "# " + line + "\n";
    out += fmt::format("{} = TypedDict({}, {{\n", name, quote(name));
    for (const Member& member : members) {
      out += member.comments + fmt::format("    {}: {},\n", quote(member.name), member.annotation);
    }
    return out + (total ? "})\n" : "}, total=False)\n");
  }

  static std::string indented(const std::string& doc) {
    std::string out;
    for (char c : doc) out += c == '\n' ? std::string("\n    ") : std::string(1, c);
    return doc.find('\n') == std::string::npos ? out : out + "\n    ";
  }

  const ModelNames& names_;
  UniqueNames taken_;
  bool notRequired_;
  std::set<std::string> defined_;
  std::set<std::string> typing_;
  std::vector<std::string> blocks_;
  std::string pending_;
};

}  // namespace

std::string generatePythonModels(const model::Stack& stack, const ModelsGroup& group, const ModelNames& names) {
  const bool notRequired = group.pythonMinor >= kFirstMinorWithNotRequired;
  PythonModelsWriter writer(names, notRequired);

  if (!stack.types.empty()) writer.section("The `type` declarations of the project");
  for (const model::NamedSchema& type : stack.types) {
    writer.declare(names.typeName(type.name), type.schema, type.description);
  }
  const std::vector<RouteBinding> routes = routesOf(group.functions);
  if (!routes.empty()) writer.section("What each route's handler receives");
  for (const RouteBinding& binding : routes) {
    const model::Route& route = *binding.route;
    writer.declare(names.requests.at(&route), requestSchema(route),
                   fmt::format("The request of {} {} (function {}, api {}).", model::httpMethodName(route.method),
                               route.path, route.function, binding.api->name));
  }

  using Kind = model::Schema::Kind;
  const model::Schema string = primitive(Kind::String);
  const model::Schema stringMap = container(Kind::Map, string);
  writer.section("Lambda shapes the handler modules use");
  writer.declare(names.httpResult,
                 record({field("statusCode", primitive(Kind::Integer)), field("headers", stringMap, true),
                         field("body", primitive(Kind::Any), true)}),
                 "What a route's plain function returns; `body` is sent as JSON.");
  writer.declare(names.scheduledEvent,
                 record({field("version", string), field("id", string), field("detail-type", string),
                         field("source", string), field("account", string),
                         field("time", string, false, "ISO 8601, e.g. 2024-01-01T12:00:00Z"), field("region", string),
                         field("resources", container(Kind::Array, string), false, "The ARN of the rule that fired."),
                         field("detail", container(Kind::Map, primitive(Kind::Any)))}),
                 "The event EventBridge sends on a schedule.");
  model::Schema optionalString;
  optionalString.kind = Kind::Union;
  optionalString.members = {string, primitive(Kind::Null)};
  writer.declare(names.authorizerRequest,
                 record({field("token", optionalString, false, "The token of a TOKEN authorizer."),
                         field("headers", stringMap), field("methodArn", string)}),
                 "What an authorizer's plain function receives (header names in lower case).");
  model::Schema contextValue;
  contextValue.kind = Kind::Union;
  contextValue.members = {string, primitive(Kind::Integer), primitive(Kind::Number), primitive(Kind::Boolean)};
  writer.declare(names.authorizerResult,
                 record({field("principalId", string), field("context", container(Kind::Map, contextValue), true)}),
                 "What an authorizer's plain function returns to allow a request.");
  if (takesHttpEvents(group.functions)) {
    const model::Schema anyMap = container(Kind::Map, primitive(Kind::Any));
    writer.declare(names.httpEvent,
                   record({field("version", string), field("routeKey", string, false,
                                                             "\"GET /items/{id}\" for an HTTP API route, \"$default\" for a function URL."),
                           field("rawPath", string), field("rawQueryString", string),
                           field("cookies", container(Kind::Array, string), true),
                           field("headers", stringMap, false,
                                 "Header names in lower case; the values of a repeated header joined with commas."),
                           field("queryStringParameters", stringMap, true), field("pathParameters", stringMap, true),
                           field("requestContext", anyMap, false, "requestContext.http holds the method, path and source IP."),
                           field("body", string, true), field("isBase64Encoded", primitive(Kind::Boolean))}),
                   "An HTTP API or function URL event (payload format 2.0).");
  }
  if (takesUrlRequests(group.functions)) {
    writer.declare(names.urlRequest,
                   record({field("method", string), field("path", string), field("query", stringMap),
                           field("headers", stringMap), field("cookies", container(Kind::Array, string)),
                           field("body", string, true, "The body as text, decoded when it arrived base64-encoded.")}),
                   "What a function URL's plain function receives (header names in lower case).");
  }
  // The events the functions of this folder take (stubs/events/).
  const std::vector<const EventStub*> events = eventKindsOf(group.functions);
  if (!events.empty()) writer.section("The events the handlers take");
  bool batch = false;
  for (const EventStub* stub : events) {
    batch = batch || stub->batch;
    for (const EventModel& shape : stub->models) writer.declare(names.eventType(shape.name), shape.schema, shape.description);
  }
  if (batch) {
    const EventModel result = batchResultModel();
    writer.declare(names.eventType(result.name), result.schema, result.description);
  }

  std::string header = fmt::format("# {} from project {}. Do not edit: every run of `jaws stubs`\n",
                                    kGeneratedMarker, stack.project.name);
  header += "# rewrites this file (remove this line to keep your own version instead).\n";
  header += notRequired ? "# Written for Python 3.11+ (typing.NotRequired).\n"
                        : "# Written for Python 3.8+ (optional fields in `total=False` TypedDicts).\n";
  return writer.text(header);
}

}  // namespace jaws::stubs
