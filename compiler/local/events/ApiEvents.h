#pragma once
// The events API Gateway sends a Lambda proxy integration, one file each:
// REST APIs, payload format 1.0 (RestProxyEvent.cpp), and HTTP APIs, payload
// format 2.0 (HttpApiEvent.cpp). Built from the request as sent and what the
// gateway decided (the route, its path parameters, the authorizer's context).
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "local/HttpExchange.h"

namespace jaws::local {

using EventJson = nlohmann::ordered_json;

struct ApiEventContext {
  std::string apiId = "local";
  std::string stage;           // the jaws stage, as the API's stage name
  std::string accountId;
  std::string requestId;       // the gateway's request id
  std::string routeMethod;     // the route's method as declared ("ANY" for ANY)
  std::string resourcePath;    // the route's path: "/todos/{id}"
  std::vector<std::pair<std::string, std::string>> pathParameters;
  EventJson authorizer;        // null, or what the authorizer or the JWT gave
  std::vector<std::string> binaryMediaTypes;
  long long epochMillis = 0;   // when the request arrived
};

EventJson restProxyEvent(const HttpRequest& request, const ApiEventContext& context);
EventJson httpApiEvent(const HttpRequest& request, const ApiEventContext& context);

// Whether a body of this Content-Type reaches the function base64-encoded
// (REST: it matches one of the API's binaryMediaTypes, wildcards allowed).
bool isBinaryMediaType(const std::string* contentType, const std::vector<std::string>& binaryMediaTypes);

// The first fields of both payloads' requestContext: accountId, apiId, the
// authorizer's context (when there is one), domainName, domainPrefix.
EventJson requestContextBase(const HttpRequest& request, const ApiEventContext& context);

// "09/Apr/2015:12:34:56 +0000", the request time API Gateway writes.
std::string gatewayRequestTime(long long epochMillis);

}  // namespace jaws::local
