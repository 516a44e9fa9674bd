#include "emit/apidocs/SwaggerCors.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "emit/JsonObjects.h"

namespace jaws::emit {

using model::HttpMethod;

bool allowsAnyOrigin(const model::Cors& cors) {
  return cors.origins.empty() || std::find(cors.origins.begin(), cors.origins.end(), "*") != cors.origins.end();
}

// Several origins: the static header names the first, and the request's
// Origin is echoed when it is in the list (in VTL for the preflight, from
// the request header for gateway responses).
bool echoesOrigin(const model::Cors& cors) { return !allowsAnyOrigin(cors) && cors.origins.size() > 1; }

namespace {

std::string quoted(const std::string& value) { return "'" + value + "'"; }

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace

std::string allowedHeaders(const model::Cors& cors, const std::vector<const model::Route*>& routes) {
  std::string joined;
  for (const auto& header : corsAllowedHeaders(cors, routes)) joined += (joined.empty() ? "" : ",") + header;
  return joined;
}

std::string allowedMethods(const std::vector<const model::Route*>& routes) {
  std::set<std::string> methods{"OPTIONS"};
  for (const auto* route : routes) {
    if (route->method == HttpMethod::Any) {
      for (const char* m : {"DELETE", "GET", "HEAD", "PATCH", "POST", "PUT"}) methods.insert(m);
    } else {
      methods.insert(model::httpMethodName(route->method));
    }
  }
  std::string joined;
  for (const auto& method : methods) joined += (joined.empty() ? "" : ",") + method;
  return joined;
}

namespace {

std::string originTemplate(const model::Cors& cors) {
  if (!echoesOrigin(cors)) return "";
  // Header names reach VTL as sent; browsers send `Origin`, some proxies lower-case it.
  std::string condition;
  for (const auto& origin : cors.origins) {
    std::string escaped;
    for (char c : origin) escaped += c == '"' ? std::string("\\\"") : std::string(1, c);
    condition += (condition.empty() ? "" : " || ") + std::string("$origin == \"") + escaped + "\"";
  }
  return "#set($origin = $input.params().header.get(\"Origin\"))\n"
         "#if(!$origin)#set($origin = $input.params().header.get(\"origin\"))#end\n"
         "#if(" + condition + ")#set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)#end\n";
}

}  // namespace

std::vector<std::string> corsAllowedHeaders(const model::Cors& cors, const std::vector<const model::Route*>& routes) {
  if (!cors.headers.empty()) return cors.headers;
  std::vector<std::string> headers(std::begin(kDefaultCorsHeaders), std::end(kDefaultCorsHeaders));
  std::set<std::string> extra;  // sorted: routes on one path are not ordered by meaning
  for (const auto* route : routes) {
    for (const auto& parameter : route->parameters) {
      if (parameter.where == model::ParamLocation::Header) extra.insert(parameter.name);
    }
  }
  for (const auto& header : extra) {
    const bool present = std::any_of(headers.begin(), headers.end(), [&](const std::string& h) { return lower(h) == lower(header); });
    if (!present) headers.push_back(header);
  }
  return headers;
}

Json corsOptionsOperation(const model::Cors& cors, const std::vector<const model::Route*>& routes, Json pathParameters) {
  const std::string origin = allowsAnyOrigin(cors) ? "*" : cors.origins.front();
  JsonMembers headers(6), parameters(6);
  auto add = [&](const char* header, const std::string& value) {
    headers.append(header, jsonObject({{"type", "string"}}));
    parameters.append(std::string("method.response.header.") + header, quoted(value));
  };
  add("Access-Control-Allow-Headers", allowedHeaders(cors, routes));
  add("Access-Control-Allow-Methods", allowedMethods(routes));
  add("Access-Control-Allow-Origin", origin);
  if (cors.credentials) add("Access-Control-Allow-Credentials", "true");
  if (cors.maxAgeSeconds) add("Access-Control-Max-Age", std::to_string(*cors.maxAgeSeconds));
  if (echoesOrigin(cors)) add("Vary", "Origin");

  JsonMembers operation(3);
  if (!pathParameters.empty()) operation.append("parameters", std::move(pathParameters));
  operation.append("responses", jsonObject({{"200", jsonObject({{"description", "CORS preflight response"},
                                                                 {"headers", std::move(headers).inOrder()}})}}));
  operation.append("x-amazon-apigateway-integration",
                   jsonObject({
                       {"type", "mock"},
                       {"requestTemplates", jsonObject({{"application/json", "{\"statusCode\": 200}"}})},
                       {"passthroughBehavior", "when_no_match"},
                       {"responses", jsonObject({{"default", jsonObject({{"statusCode", "200"},
                                                                         {"responseParameters", std::move(parameters).inOrder()},
                                                                         {"responseTemplates", jsonObject({{"application/json", originTemplate(cors)}})}})}})},
                   }));
  return std::move(operation).inOrder();
}

Json corsGatewayResponses(const model::Cors& cors) {
  Json parameters = Json::object();
  if (echoesOrigin(cors)) {
    parameters["gatewayresponse.header.Access-Control-Allow-Origin"] = "method.request.header.Origin";
    parameters["gatewayresponse.header.Vary"] = "'Origin'";
  } else {
    parameters["gatewayresponse.header.Access-Control-Allow-Origin"] = quoted(allowsAnyOrigin(cors) ? "*" : cors.origins.front());
  }
  if (cors.credentials) parameters["gatewayresponse.header.Access-Control-Allow-Credentials"] = "'true'";
  // API Gateway's own default body, restated because a gateway response
  // defined without templates has none.
  const Json templates = Json{{"application/json", "{\"message\":$context.error.messageString}"}};
  const Json response = Json{{"responseParameters", parameters}, {"responseTemplates", templates}};
  return Json{{"DEFAULT_4XX", response}, {"DEFAULT_5XX", response}};
}

}  // namespace jaws::emit
