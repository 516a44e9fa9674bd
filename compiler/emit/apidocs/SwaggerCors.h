#pragma once
// CORS for a REST API body: an OPTIONS mock integration per path (no
// authorizer, no API key: browsers send preflights without credentials) and
// CORS headers on the DEFAULT_4XX/DEFAULT_5XX gateway responses, so errors
// API Gateway itself produces (auth, throttling, validation) reach the page.
// Responses from functions carry their own headers (the handler stubs add them).
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/Model.h"

namespace jaws::emit {

using Json = nlohmann::ordered_json;

// The headers a preflight allows when `cors.headers` is not set: API Gateway's
// console default plus every header parameter the path's routes declare.
inline constexpr const char* kDefaultCorsHeaders[] = {"Content-Type", "X-Amz-Date", "Authorization", "X-Api-Key",
                                                      "X-Amz-Security-Token"};

// The policy, shared with the local API (compiler/local/) so that `jaws serve`
// answers as the deployed API does:
bool allowsAnyOrigin(const model::Cors& cors);
// Several origins: the static header names the first, and the request's
// Origin is echoed when it is in the list.
bool echoesOrigin(const model::Cors& cors);
// Access-Control-Allow-Headers and -Methods of a preflight on a path.
std::string allowedHeaders(const model::Cors& cors, const std::vector<const model::Route*>& routes);
std::string allowedMethods(const std::vector<const model::Route*>& routes);
// The headers a preflight allows: `cors.headers`, else the defaults above
// plus the header parameters of `routes` (sorted, case-insensitively new).
std::vector<std::string> corsAllowedHeaders(const model::Cors& cors, const std::vector<const model::Route*>& routes);

// The `options` operation of a path; `pathParameters` are the path's
// parameters as Swagger parameter objects (each operation must declare them).
Json corsOptionsOperation(const model::Cors& cors, const std::vector<const model::Route*>& routes, Json pathParameters);

// `x-amazon-apigateway-gateway-responses`.
Json corsGatewayResponses(const model::Cors& cors);

}  // namespace jaws::emit
