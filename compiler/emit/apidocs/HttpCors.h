#pragma once
// CORS as API Gateway HTTP APIs and Lambda function URLs take it: a
// configuration object (origins, headers, methods, credentials, max age)
// that the service applies itself, answering preflights and adding the
// headers to every response, so no OPTIONS route or handler code is needed.
#include <vector>

#include <nlohmann/json.hpp>

#include "model/Model.h"

namespace jaws::emit {

using Json = nlohmann::ordered_json;

enum class CorsSpelling : std::uint8_t {
  CloudFormation,  // AllowOrigins, ... (AWS::ApiGatewayV2::Api CorsConfiguration, AWS::Lambda::Url Cors)
  OpenApi,         // allowOrigins, ... (the body's x-amazon-apigateway-cors)
};

// The allowed methods are those of `routes` (`*` with an ANY route, or when
// `routes` is null: a function URL); the allowed headers `cors.headers`, else
// the REST preflight's defaults plus every header parameter of the routes.
Json corsConfiguration(const model::Cors& cors, const std::vector<model::Route>* routes, CorsSpelling spelling);

}  // namespace jaws::emit
