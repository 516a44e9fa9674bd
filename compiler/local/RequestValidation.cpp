#define VALIJSON_USE_EXCEPTIONS 1
#include "local/RequestValidation.h"

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <regex>

#include "emit/apidocs/SwaggerEmitter.h"

namespace jaws::local {

namespace {

std::string methodKey(model::HttpMethod method) {
  if (method == model::HttpMethod::Any) return "x-amazon-apigateway-any-method";
  return asciiLower(model::httpMethodName(method));
}

}  // namespace

struct RequestValidator::BodySchema {
  nlohmann::json document;  // the schema, with the Swagger's definitions beside it
  valijson::Schema schema;
};

RequestValidator::RequestValidator(const model::Stack& stack, const model::Api& api) : enabled_(api.validate) {
  if (!enabled_) return;
  const nlohmann::json swagger = nlohmann::json::parse(emit::emitSwagger(stack, api).dump());
  for (const model::Route& route : api.routes) {
    if (!route.body) continue;
    const auto path = swagger["paths"].find(route.path);
    if (path == swagger["paths"].end() || !path->contains(methodKey(route.method))) continue;
    const nlohmann::json& operation = (*path)[methodKey(route.method)];
    if (!operation.contains("parameters")) continue;
    for (const auto& parameter : operation["parameters"]) {
      if (parameter.value("in", "") != "body") continue;
      auto body = std::make_unique<BodySchema>();
      body->document = parameter["schema"];
      if (swagger.contains("definitions")) body->document["definitions"] = swagger["definitions"];
      try {
        valijson::SchemaParser parser(valijson::SchemaParser::kDraft4);
        valijson::adapters::NlohmannJsonAdapter adapter(body->document);
        parser.populateSchema(adapter, body->schema);
        bodies_[&route] = std::move(body);
      } catch (const std::exception&) {
        // A schema valijson cannot read is not checked locally (none known).
      }
    }
  }
}

RequestValidator::~RequestValidator() = default;
RequestValidator::RequestValidator(RequestValidator&&) noexcept = default;
RequestValidator& RequestValidator::operator=(RequestValidator&&) noexcept = default;

std::optional<ValidationFailure> RequestValidator::validate(const model::Route& route, const HttpRequest& request) const {
  if (!enabled_) return std::nullopt;
  std::vector<std::string> missing;
  const auto query = parseQuery(request.query);
  for (const auto& p : route.parameters) {
    if (!p.required || p.where == model::ParamLocation::Path) continue;
    bool present = false;
    if (p.where == model::ParamLocation::Query) {
      for (const auto& [name, value] : query) present = present || (name == p.name && !value.empty());
    } else {
      const std::string* value = request.header(p.name);
      present = value != nullptr && !value->empty();
    }
    if (!present) missing.push_back(p.name);
  }
  if (!missing.empty()) {
    std::string list;
    for (const auto& name : missing) list += (list.empty() ? "" : ", ") + name;
    return ValidationFailure{"Missing required request parameters: [" + list + "]", "missing " + list};
  }
  const auto body = bodies_.find(&route);
  if (body == bodies_.end()) return std::nullopt;
  // API Gateway applies the model to JSON bodies (a request without a
  // Content-Type counts as application/json).
  const std::string* contentType = request.header("Content-Type");
  if (contentType != nullptr && asciiLower(*contentType).find("application/json") == std::string::npos) return std::nullopt;
  const nlohmann::json parsed = nlohmann::json::parse(request.body, nullptr, false);
  if (parsed.is_discarded()) {
    return ValidationFailure{"Invalid request body", request.body.empty() ? "the body is empty" : "the body is not JSON"};
  }
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(parsed);
  if (validator.validate(body->second->schema, target, &results)) return std::nullopt;
  std::string detail;
  valijson::ValidationResults::Error error;
  // The innermost error says most; valijson lists the outer ones first.
  while (results.popError(error)) {
    std::string where;
    for (const auto& piece : error.context) where += piece == "<root>" ? "" : piece;
    detail = (where.empty() ? "" : where + ": ") + error.description;
  }
  return ValidationFailure{"Invalid request body", detail};
}

std::vector<std::string> RequestValidator::parameterWarnings(
    const model::Route& route, const HttpRequest& request,
    const std::vector<std::pair<std::string, std::string>>& pathParameters) const {
  std::vector<std::string> out;
  const auto query = parseQuery(request.query);
  for (const auto& p : route.parameters) {
    std::optional<std::string> value;
    if (p.where == model::ParamLocation::Path) {
      std::string name = p.name;
      if (!name.empty() && name.back() == '+') name.pop_back();
      for (const auto& [n, v] : pathParameters) if (n == name) value = v;
    } else if (p.where == model::ParamLocation::Query) {
      for (const auto& [n, v] : query) if (n == p.name) value = v;
    } else if (const std::string* v = request.header(p.name)) {
      value = *v;
    }
    if (!value) continue;
    const model::Schema& s = p.schema;
    const model::Constraints& c = s.constraints;
    std::string problem;
    if (s.kind == model::Schema::Kind::Integer || s.kind == model::Schema::Kind::Number) {
      static const std::regex kInteger("^-?[0-9]+$"), kNumber("^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$");
      if (!std::regex_match(*value, s.kind == model::Schema::Kind::Integer ? kInteger : kNumber)) {
        problem = "is not a number";
      } else {
        const double number = std::stod(*value);
        if ((c.minimum && number < *c.minimum) || (c.maximum && number > *c.maximum)) problem = "is out of range";
      }
    } else if (s.kind == model::Schema::Kind::Boolean && *value != "true" && *value != "false") {
      problem = "is not true or false";
    } else if (c.pattern) {
      try {
        if (!std::regex_search(*value, std::regex(*c.pattern, std::regex::ECMAScript))) problem = "does not match " + *c.pattern;
      } catch (const std::regex_error&) {
      }
    }
    if (!problem.empty()) out.push_back(p.name + " = \"" + *value + "\" " + problem);
  }
  return out;
}

}  // namespace jaws::local
