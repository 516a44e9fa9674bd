#pragma once
// What the two OpenAPI 3 documents of an API share: the stage-independent
// documentation (OpenApiEmitter) and the body of an HTTP API
// (HttpApiBody): method keys, parameters, request bodies and responses of an
// operation. Security and integrations are each document's own.
#include <string>

#include <nlohmann/json.hpp>

#include "emit/apidocs/JsonSchemaWriter.h"
#include "model/Model.h"

namespace jaws::emit {

using Json = nlohmann::ordered_json;

// The methods of an OpenAPI path item, in the specification's order (ANY is
// not one of them).
inline constexpr model::HttpMethod kOpenApiMethods[] = {
    model::HttpMethod::Get,     model::HttpMethod::Put,  model::HttpMethod::Post,  model::HttpMethod::Delete,
    model::HttpMethod::Options, model::HttpMethod::Head, model::HttpMethod::Patch};

// A parameter's `in`: "path", "query" or "header" (Swagger 2.0 says the same).
const char* parameterIn(model::ParamLocation where);

// The start of an OpenAPI 3 document: `openapi` and `info` (the title, the
// project's version or 1.0.0, the API's description).
Json openApiDocument(const char* version, const std::string& title, const model::Stack& stack, const model::Api& api);

// `components` with the schemas and security schemes, when either has any.
void addComponents(Json& doc, Json schemas, Json securitySchemes);

// "get", "post", ... (ANY: "any").
std::string lowerMethod(model::HttpMethod method);

// `operationId`, `description`, `deprecated`, `parameters`, `requestBody`
// and `responses` of a route.
Json openApiOperation(const model::Route& route, const std::string& operationId, JsonSchemaWriter& schemas);

}  // namespace jaws::emit
