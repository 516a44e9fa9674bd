#include "emit/apidocs/OpenApiEmitter.h"

#include <map>
#include <set>

#include "emit/JsonObjects.h"
#include "emit/apidocs/ApiSecurity.h"
#include "emit/apidocs/JsonSchemaWriter.h"
#include "emit/apidocs/OpenApiOperations.h"

namespace jaws::emit {

using model::HttpMethod;
using model::Route;

namespace {

// `/files/{key+}` -> `/files/{key}`.
std::string openApiPath(const std::string& path) {
  std::string out;
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '+' && i + 1 < path.size() && path[i + 1] == '}') continue;
    out += path[i];
  }
  return out;
}

class OpenApiBuilder {
 public:
  OpenApiBuilder(const model::Stack& stack, const model::Api& api)
      : stack_(stack), api_(api), schemas_(stack, SchemaDialect::OpenApi3), security_(api) {}

  Json build() {
    Json doc = openApiDocument("3.0.3", stack_.project.name + " " + api_.name, stack_, api_);
    doc["paths"] = paths();
    addComponents(doc, schemas_.definitions(), securitySchemes());
    return doc;
  }

 private:
  Json paths() {
    std::map<std::string, int> seenIds;
    std::map<std::string, std::vector<const Route*>> byPath;
    for (const auto& route : api_.routes) byPath[openApiPath(route.path)].push_back(&route);
    Json out = Json::object();
    for (const auto& [path, routes] : byPath) {
      std::map<HttpMethod, std::pair<const Route*, bool>> operations;  // method -> (route, from ANY)
      for (const auto* route : routes) {
        if (route->method != HttpMethod::Any) operations[route->method] = {route, false};
      }
      for (const auto* route : routes) {
        if (route->method != HttpMethod::Any) continue;
        for (HttpMethod method : kOpenApiMethods) operations.try_emplace(method, route, true);
      }
      Json item = Json::object();
      for (HttpMethod method : kOpenApiMethods) {
        auto found = operations.find(method);
        if (found == operations.end()) continue;
        const auto& [route, fromAny] = found->second;
        std::string id = route->operationId;
        if (!id.empty() && fromAny) id += model::httpMethodName(method)[0] + lowerMethod(method).substr(1);
        if (!id.empty() && ++seenIds[id] > 1) id += std::to_string(seenIds[id]);
        item[lowerMethod(method)] = operation(*route, id);
      }
      appendMember(out, path, std::move(item));
    }
    return out;
  }

  Json operation(const Route& route, const std::string& operationId) {
    Json op = openApiOperation(route, operationId, schemas_);
    if (const SecurityScheme* scheme = security_.schemeFor(route.auth)) {
      op["security"] = Json::array({Json{{scheme->name, Json::array()}}});
    }
    return op;
  }

  Json securitySchemes() {
    std::map<std::string, Json> sorted;
    for (const auto& scheme : security_.schemes()) {
      Json out = Json{{"type", "apiKey"}, {"in", "header"}, {"name", "Authorization"}};
      switch (scheme.auth.kind) {
        case model::AuthKind::Iam: out["description"] = "AWS Signature Version 4 (IAM credentials)"; break;
        case model::AuthKind::ApiKey:
          out["name"] = "x-api-key";
          out["description"] = "API Gateway API key";
          break;
        case model::AuthKind::Cognito:
          if (api_.kind == model::ApiKind::Http) {
            out = bearerJwt("An Amazon Cognito user pool token (a JWT)");
          } else {
            out["description"] = "Amazon Cognito user pool token";
          }
          break;
        case model::AuthKind::Jwt: out = bearerJwt("A JSON Web Token from the API's issuer"); break;
        case model::AuthKind::Authorizer:
          if (!scheme.auth.identityHeaders.empty()) out["name"] = scheme.auth.identityHeaders.front();
          out["description"] = "Checked by the Lambda authorizer " + scheme.auth.authorizerFunction;
          break;
        case model::AuthKind::None: break;
      }
      sorted[scheme.name] = out;
    }
    Json out = Json::object();
    for (auto& [name, scheme] : sorted) appendMember(out, name, std::move(scheme));
    return out;
  }

  static Json bearerJwt(const char* description) {
    return Json{{"type", "http"}, {"scheme", "bearer"}, {"bearerFormat", "JWT"}, {"description", description}};
  }

  const model::Stack& stack_;
  const model::Api& api_;
  JsonSchemaWriter schemas_;
  ApiSecurity security_;
};

}  // namespace

Json emitOpenApi(const model::Stack& stack, const model::Api& api) { return OpenApiBuilder(stack, api).build(); }

}  // namespace jaws::emit
