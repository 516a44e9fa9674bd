// The REST API proxy event, payload format 1.0 (API Gateway Developer Guide,
// "Input format of a Lambda function for proxy integration").
#include <ctime>

#include "local/Base64.h"
#include "local/events/ApiEvents.h"

namespace jaws::local {

namespace {

bool mediaTypeMatches(const std::string& pattern, const std::string& type) {
  if (pattern == "*/*") return true;
  if (pattern.size() > 2 && pattern.compare(pattern.size() - 2, 2, "/*") == 0) {
    return type.rfind(pattern.substr(0, pattern.size() - 1), 0) == 0;
  }
  return pattern == type;
}

}  // namespace

bool isBinaryMediaType(const std::string* contentType, const std::vector<std::string>& binaryMediaTypes) {
  if (contentType == nullptr || binaryMediaTypes.empty()) return false;
  std::string type = asciiLower(contentType->substr(0, contentType->find(';')));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  for (const std::string& pattern : binaryMediaTypes) {
    if (mediaTypeMatches(asciiLower(pattern), type)) return true;
  }
  return false;
}

std::string gatewayRequestTime(long long epochMillis) {
  const std::time_t seconds = static_cast<std::time_t>(epochMillis / 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%d/%b/%Y:%H:%M:%S +0000", &utc);
  return text;
}

EventJson requestContextBase(const HttpRequest& request, const ApiEventContext& context) {
  const std::string* host = request.header("Host");
  EventJson out = {{"accountId", context.accountId}, {"apiId", context.apiId}};
  if (!context.authorizer.is_null()) out["authorizer"] = context.authorizer;
  out["domainName"] = host ? *host : "localhost";
  out["domainPrefix"] = host ? host->substr(0, host->find_first_of(".:")) : "localhost";
  return out;
}

EventJson restProxyEvent(const HttpRequest& request, const ApiEventContext& context) {
  EventJson headers = EventJson::object(), multiHeaders = EventJson::object();
  for (const auto& [name, value] : request.headers) {
    headers[name] = value;  // the last value wins, as in API Gateway
    if (!multiHeaders.contains(name)) multiHeaders[name] = EventJson::array();
    multiHeaders[name].push_back(value);
  }
  EventJson query = nullptr, multiQuery = nullptr;
  for (const auto& [name, value] : parseQuery(request.query)) {
    if (query.is_null()) query = EventJson::object(), multiQuery = EventJson::object();
    query[name] = value;
    if (!multiQuery.contains(name)) multiQuery[name] = EventJson::array();
    multiQuery[name].push_back(value);
  }
  EventJson pathParameters = nullptr;
  for (const auto& [name, value] : context.pathParameters) {
    if (pathParameters.is_null()) pathParameters = EventJson::object();
    pathParameters[name] = value;
  }
  const std::string* userAgent = request.header("User-Agent");
  const bool binary = isBinaryMediaType(request.header("Content-Type"), context.binaryMediaTypes);

  EventJson identity = {
      {"accessKey", nullptr}, {"accountId", nullptr}, {"caller", nullptr}, {"cognitoAuthenticationProvider", nullptr},
      {"cognitoAuthenticationType", nullptr}, {"cognitoIdentityId", nullptr}, {"cognitoIdentityPoolId", nullptr},
      {"principalOrgId", nullptr}, {"sourceIp", request.sourceIp}, {"user", nullptr},
      {"userAgent", userAgent ? EventJson(*userAgent) : EventJson(nullptr)}, {"userArn", nullptr},
  };
  EventJson requestContext = requestContextBase(request, context);
  requestContext["extendedRequestId"] = context.requestId;
  requestContext["httpMethod"] = request.method;
  requestContext["identity"] = identity;
  requestContext["path"] = "/" + context.stage + percentDecode(request.path);
  requestContext["protocol"] = request.protocol;
  requestContext["requestId"] = context.requestId;
  requestContext["requestTime"] = gatewayRequestTime(context.epochMillis);
  requestContext["requestTimeEpoch"] = context.epochMillis;
  requestContext["resourceId"] = "local";
  requestContext["resourcePath"] = context.resourcePath;
  requestContext["stage"] = context.stage;

  EventJson event;
  event["resource"] = context.resourcePath;
  event["path"] = percentDecode(request.path);
  event["httpMethod"] = request.method;
  event["headers"] = headers.empty() ? EventJson(nullptr) : headers;
  event["multiValueHeaders"] = multiHeaders.empty() ? EventJson(nullptr) : multiHeaders;
  event["queryStringParameters"] = query;
  event["multiValueQueryStringParameters"] = multiQuery;
  event["pathParameters"] = pathParameters;
  event["stageVariables"] = nullptr;
  event["requestContext"] = requestContext;
  if (request.body.empty()) {
    event["body"] = nullptr;
  } else {
    event["body"] = binary ? base64Encode(request.body) : request.body;
  }
  event["isBase64Encoded"] = binary && !request.body.empty();
  return event;
}

}  // namespace jaws::local
