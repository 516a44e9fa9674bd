// The HTTP API proxy event, payload format 2.0 (API Gateway Developer Guide,
// "Create AWS Lambda proxy integrations for HTTP APIs"): header names in
// lower case and repeated values joined by commas, cookies apart, the raw
// path and query, and a body base64-encoded unless it is text.
#include "local/Base64.h"
#include "local/events/ApiEvents.h"

namespace jaws::local {

namespace {

// HTTP APIs pass text as text and everything else base64-encoded.
bool isText(const std::string* contentType) {
  if (contentType == nullptr) return true;
  const std::string type = asciiLower(*contentType);
  for (const char* text : {"text/", "application/json", "application/javascript", "application/xml",
                           "application/x-www-form-urlencoded", "+json", "+xml"}) {
    if (type.find(text) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

EventJson httpApiEvent(const HttpRequest& request, const ApiEventContext& context) {
  EventJson headers = EventJson::object();
  EventJson cookies = EventJson::array();
  for (const auto& [name, value] : request.headers) {
    const std::string key = asciiLower(name);
    if (key == "cookie") {
      std::size_t start = 0;
      while (start < value.size()) {
        std::size_t end = value.find(';', start);
        if (end == std::string::npos) end = value.size();
        std::string cookie = value.substr(start, end - start);
        while (!cookie.empty() && cookie.front() == ' ') cookie.erase(0, 1);
        if (!cookie.empty()) cookies.push_back(cookie);
        start = end + 1;
      }
      continue;
    }
    headers[key] = headers.contains(key) ? headers[key].get<std::string>() + "," + value : value;
  }
  EventJson query = EventJson::object();
  for (const auto& [name, value] : parseQuery(request.query)) {
    query[name] = query.contains(name) ? query[name].get<std::string>() + "," + value : value;
  }
  EventJson pathParameters = EventJson::object();
  for (const auto& [name, value] : context.pathParameters) pathParameters[name] = value;
  const std::string* userAgent = request.header("User-Agent");
  const std::string routeKey = context.resourcePath.empty() ? "$default" : context.routeMethod + " " + context.resourcePath;
  const bool text = isText(request.header("Content-Type"));

  EventJson event;
  event["version"] = "2.0";
  event["routeKey"] = routeKey;
  event["rawPath"] = request.path;
  event["rawQueryString"] = request.query;
  if (!cookies.empty()) event["cookies"] = cookies;
  event["headers"] = headers;
  if (!query.empty()) event["queryStringParameters"] = query;
  EventJson requestContext = requestContextBase(request, context);
  requestContext["http"] = EventJson{
      {"method", request.method},
      {"path", percentDecode(request.path)},
      {"protocol", request.protocol},
      {"sourceIp", request.sourceIp},
      {"userAgent", userAgent ? *userAgent : ""},
  };
  requestContext["requestId"] = context.requestId;
  requestContext["routeKey"] = routeKey;
  requestContext["stage"] = context.stage;
  requestContext["time"] = gatewayRequestTime(context.epochMillis);
  requestContext["timeEpoch"] = context.epochMillis;
  event["requestContext"] = requestContext;
  if (!pathParameters.empty()) event["pathParameters"] = pathParameters;
  if (!request.body.empty()) event["body"] = text ? request.body : base64Encode(request.body);
  event["isBase64Encoded"] = !request.body.empty() && !text;
  return event;
}

}  // namespace jaws::local
