#include "emit/apidocs/HttpCors.h"

#include <set>

#include "emit/apidocs/SwaggerCors.h"

namespace jaws::emit {

namespace {

std::vector<std::string> allowedMethods(const std::vector<model::Route>* routes) {
  if (routes == nullptr) return {"*"};
  std::set<std::string> methods;
  for (const auto& route : *routes) {
    if (route.method == model::HttpMethod::Any) return {"*"};
    methods.insert(model::httpMethodName(route.method));
  }
  return {methods.begin(), methods.end()};
}

}  // namespace

Json corsConfiguration(const model::Cors& cors, const std::vector<model::Route>* routes, CorsSpelling spelling) {
  const bool cfn = spelling == CorsSpelling::CloudFormation;
  Json out = Json::object();
  if (cors.credentials) out[cfn ? "AllowCredentials" : "allowCredentials"] = true;
  std::vector<const model::Route*> routeList;
  if (routes != nullptr) {
    for (const auto& route : *routes) routeList.push_back(&route);
  }
  out[cfn ? "AllowHeaders" : "allowHeaders"] = corsAllowedHeaders(cors, routeList);
  const auto methods = allowedMethods(routes);
  if (!methods.empty()) out[cfn ? "AllowMethods" : "allowMethods"] = methods;
  out[cfn ? "AllowOrigins" : "allowOrigins"] = cors.origins.empty() ? std::vector<std::string>{"*"} : cors.origins;
  if (cors.maxAgeSeconds) out[cfn ? "MaxAge" : "maxAge"] = *cors.maxAgeSeconds;
  return out;
}

}  // namespace jaws::emit
