#include "emit/apidocs/OpenApiOperations.h"

#include "emit/apidocs/HttpStatus.h"

namespace jaws::emit {

using model::ParamLocation;

const char* parameterIn(ParamLocation where) {
  switch (where) {
    case ParamLocation::Path: return "path";
    case ParamLocation::Query: return "query";
    case ParamLocation::Header: return "header";
  }
  return "query";
}

Json openApiDocument(const char* version, const std::string& title, const model::Stack& stack, const model::Api& api) {
  Json doc = Json::object();
  doc["openapi"] = version;
  Json info = Json{{"title", title}, {"version", stack.project.version.empty() ? "1.0.0" : stack.project.version}};
  if (!api.description.empty()) info["description"] = api.description;
  doc["info"] = std::move(info);
  return doc;
}

void addComponents(Json& doc, Json schemas, Json securitySchemes) {
  Json components = Json::object();
  if (!schemas.empty()) components["schemas"] = std::move(schemas);
  if (!securitySchemes.empty()) components["securitySchemes"] = std::move(securitySchemes);
  if (!components.empty()) doc["components"] = std::move(components);
}

std::string lowerMethod(model::HttpMethod method) {
  std::string key = model::httpMethodName(method);
  for (char& c : key) c = static_cast<char>(c - 'A' + 'a');
  return key;
}

Json openApiOperation(const model::Route& route, const std::string& operationId, JsonSchemaWriter& schemas) {
  Json op = Json::object();
  if (!operationId.empty()) op["operationId"] = operationId;
  if (!route.description.empty()) op["description"] = route.description;
  if (route.deprecated) op["deprecated"] = true;
  Json parameters = Json::array();
  for (const auto& p : route.parameters) {
    std::string name = p.name;
    if (!name.empty() && name.back() == '+') name.pop_back();
    Json parameter = Json{{"name", name}, {"in", parameterIn(p.where)}, {"required", p.where == ParamLocation::Path || p.required}};
    if (!p.description.empty()) parameter["description"] = p.description;
    parameter["schema"] = schemas.schema(p.schema);
    parameters.push_back(parameter);
  }
  if (!parameters.empty()) op["parameters"] = parameters;
  if (route.body) {
    op["requestBody"] = Json{{"required", true},
                             {"content", Json{{"application/json", Json{{"schema", schemas.schema(*route.body)}}}}}};
  }
  Json responses = Json::object();
  for (const auto& response : route.responses) {
    Json r = Json{{"description", response.description.empty() ? reasonPhrase(response.status) : response.description}};
    if (response.schema) r["content"] = Json{{"application/json", Json{{"schema", schemas.schema(*response.schema)}}}};
    responses[std::to_string(response.status)] = r;
  }
  if (responses.empty()) responses["200"] = Json{{"description", reasonPhrase(200)}};
  op["responses"] = responses;
  return op;
}

}  // namespace jaws::emit
