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

// "get", "post", ... (ANY: "any").
std::string lowerMethod(model::HttpMethod method);

// `operationId`, `description`, `deprecated`, `parameters`, `requestBody`
// and `responses` of a route.
Json openApiOperation(const model::Route& route, const std::string& operationId, JsonSchemaWriter& schemas);

}  // namespace jaws::emit
