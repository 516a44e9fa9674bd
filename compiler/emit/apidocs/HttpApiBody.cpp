#include "emit/apidocs/HttpApiBody.h"

#include <map>
#include <optional>

#include "emit/JsonObjects.h"
#include "emit/apidocs/ApiSecurity.h"
#include "emit/apidocs/HttpCors.h"
#include "emit/apidocs/JsonSchemaWriter.h"
#include "emit/apidocs/OpenApiOperations.h"
#include "emit/apidocs/SwaggerReferences.h"
#include "emit/cloudformation/CfnNames.h"

namespace jaws::emit {

using model::AuthKind;
using model::HttpMethod;
using model::Route;

namespace {

// Path item keys: OpenAPI's method order, ANY last as API Gateway's extension.
std::string methodKey(HttpMethod method) {
  return method == HttpMethod::Any ? "x-amazon-apigateway-any-method" : lowerMethod(method);
}

// A Cognito pool ARN `arn:<partition>:cognito-idp:<region>:<account>:userpool/<id>`.
bool splitPoolArn(const std::string& arn, std::string& region, std::string& id) {
  std::size_t colons[5];
  std::size_t at = 0;
  for (auto& c : colons) {
    at = arn.find(':', at);
    if (at == std::string::npos) return false;
    c = at++;
  }
  region = arn.substr(colons[2] + 1, colons[3] - colons[2] - 1);
  const std::size_t slash = arn.find('/', colons[4]);
  if (slash == std::string::npos || region.empty()) return false;
  id = arn.substr(slash + 1);
  return !id.empty();
}

std::optional<std::string> literalIssuer(const std::string& userPoolArn) {
  std::string region, id;
  if (!splitPoolArn(userPoolArn, region, id)) return std::nullopt;
  const bool china = region.rfind("cn-", 0) == 0;
  return "https://cognito-idp." + region + (china ? ".amazonaws.com.cn/" : ".amazonaws.com/") + id;
}

class HttpApiBodyBuilder {
 public:
  HttpApiBodyBuilder(const model::Stack& stack, const model::Api& api, SwaggerReferences& refs)
      : stack_(stack), api_(api), refs_(refs), schemas_(stack, SchemaDialect::OpenApi3), security_(api) {}

  Json build() {
    Json doc = openApiDocument("3.0.1", restApiName(stack_, api_), stack_, api_);
    doc["paths"] = paths();
    addComponents(doc, schemas_.definitions(), securitySchemes());
    if (api_.cors.enabled) doc["x-amazon-apigateway-cors"] = corsConfiguration(api_.cors, &api_.routes, CorsSpelling::OpenApi);
    return doc;
  }

 private:
  Json paths() {
    // Operation IDs are unique in a document; two routes may share a function.
    std::map<std::string, int> seenIds;
    std::vector<std::string> ids;
    for (const auto& route : api_.routes) {
      std::string id = route.operationId;
      if (!id.empty() && ++seenIds[id] > 1) id += std::to_string(seenIds[id]);
      ids.push_back(id);
    }
    std::map<std::string, std::vector<std::size_t>> byPath;  // sorted: path order carries no meaning
    for (std::size_t i = 0; i < api_.routes.size(); ++i) byPath[api_.routes[i].path].push_back(i);
    Json out = Json::object();
    reserveMembers(out, byPath.size());
    for (const auto& [path, indexes] : byPath) {
      Json item = Json::object();
      for (HttpMethod method : kOpenApiMethods) addOperations(item, method, indexes, ids);
      addOperations(item, HttpMethod::Any, indexes, ids);
      appendMember(out, path, std::move(item));
    }
    return out;
  }

  void addOperations(Json& item, HttpMethod method, const std::vector<std::size_t>& indexes, const std::vector<std::string>& ids) {
    for (std::size_t i : indexes) {
      if (api_.routes[i].method == method) item[methodKey(method)] = operation(api_.routes[i], ids[i]);
    }
  }

  Json operation(const Route& route, const std::string& operationId) {
    Json op = openApiOperation(route, operationId, schemas_);
    if (const SecurityScheme* scheme = security_.schemeFor(route.auth)) {
      // A JWT authorizer checks the route's scopes, listed in its requirement.
      const bool scoped = route.auth.kind == AuthKind::Jwt || route.auth.kind == AuthKind::Cognito;
      op["security"] = Json::array({Json{{scheme->name, scoped ? Json(route.auth.jwt().scopes) : Json::array()}}});
    }
    op["x-amazon-apigateway-integration"] = Json{
        {"type", "aws_proxy"},
        {"httpMethod", "POST"},
        {"uri", refs_.lambdaInvocationUri(route.function)},
        {"payloadFormatVersion", "2.0"},
    };
    return op;
  }

  Json securitySchemes() {
    std::map<std::string, Json> sorted;
    for (const auto& scheme : security_.schemes()) sorted[scheme.name] = securityScheme(scheme.auth);
    Json out = Json::object();
    for (auto& [name, definition] : sorted) appendMember(out, name, std::move(definition));
    return out;
  }

  Json securityScheme(const model::Auth& auth) {
    Json out = Json{{"type", "apiKey"}, {"name", "Authorization"}, {"in", "header"}};
    switch (auth.kind) {
      case AuthKind::Iam: out["x-amazon-apigateway-authtype"] = "awsSigv4"; break;
      case AuthKind::Jwt:
      case AuthKind::Cognito: {
        // API Gateway's own spelling of a JWT authorizer (an OAuth 2 scheme);
        // `flows` is empty: the issuer, not this document, defines them.
        Json audience = Json::array();
        for (const auto& value : auth.jwt().audience) audience.push_back(refs_.value(value));
        const Json issuer = auth.kind == AuthKind::Jwt ? refs_.value(auth.jwt().issuer) : cognitoIssuerOf(auth.cognitoUserPoolArn);
        out = Json{{"type", "oauth2"},
                   {"flows", Json::object()},
                   {"x-amazon-apigateway-authorizer",
                    Json{{"type", "jwt"},
                         {"jwtConfiguration", Json{{"issuer", issuer}, {"audience", audience}}},
                         {"identitySource", "$request.header.Authorization"}}}};
        break;
      }
      case AuthKind::Authorizer: {
        // HTTP APIs call Lambda authorizers with REQUEST events; payload 2.0
        // with simple responses (`{ isAuthorized, context }`).
        std::string identitySource;
        for (const auto& header : auth.identityHeaders) {
          identitySource += (identitySource.empty() ? "" : ", ") + std::string("$request.header.") + header;
        }
        if (!auth.identityHeaders.empty()) out["name"] = auth.identityHeaders.front();
        Json authorizer = Json{{"type", "request"},
                               {"authorizerUri", refs_.lambdaInvocationUri(auth.authorizerFunction)},
                               {"authorizerPayloadFormatVersion", "2.0"},
                               {"enableSimpleResponses", true}};
        if (!identitySource.empty()) authorizer["identitySource"] = identitySource;
        if (auth.authorizerTtlSeconds) authorizer["authorizerResultTtlInSeconds"] = *auth.authorizerTtlSeconds;
        out["x-amazon-apigateway-authorizer"] = authorizer;
        break;
      }
      case AuthKind::ApiKey:  // HTTP APIs have no API keys (JW4060): never reached
      case AuthKind::None: break;
    }
    return out;
  }

  Json cognitoIssuerOf(const model::Value& userPoolArn) {
    const Json arn = refs_.value(userPoolArn);
    if (arn.is_string()) {
      if (auto issuer = literalIssuer(arn.get<std::string>())) return *issuer;
    }
    return cognitoIssuer(userPoolArn, stack_);
  }

  const model::Stack& stack_;
  const model::Api& api_;
  SwaggerReferences& refs_;
  JsonSchemaWriter schemas_;
  ApiSecurity security_;
};

}  // namespace

Json cognitoIssuer(const model::Value& userPoolArn, const model::Stack& stack) {
  if (userPoolArn.kind == model::Value::Kind::String) {
    if (auto issuer = literalIssuer(userPoolArn.string)) return *issuer;
  }
  // A pool this stack creates: its ProviderURL is the issuer without the scheme.
  if (userPoolArn.kind == model::Value::Kind::Deploy && userPoolArn.ref.kind == model::DeployRef::Kind::ResourceAttr &&
      userPoolArn.ref.attribute == "Arn") {
    for (const auto& resource : stack.resources) {
      if (resource.name == userPoolArn.ref.target && resource.type == "AWS::Cognito::UserPool") {
        return Json{{"Fn::Sub", "https://${" + names::resource(resource.name) + ".ProviderURL}"}};
      }
    }
  }
  // arn:aws:cognito-idp:REGION:ACCOUNT:userpool/ID, known at deploy time.
  const Json arn = SwaggerReferences::forTemplate(stack).value(userPoolArn);
  const Json region = Json{{"Fn::Select", Json::array({3, Json{{"Fn::Split", Json::array({":", arn})}}})}};
  const Json id = Json{{"Fn::Select", Json::array({1, Json{{"Fn::Split", Json::array({"/", arn})}}})}};
  return Json{{"Fn::Join", Json::array({"", Json::array({"https://cognito-idp.", region, ".", Json{{"Ref", "AWS::URLSuffix"}}, "/", id})})}};
}

Json emitHttpApiBody(const model::Stack& stack, const model::Api& api) {
  SwaggerReferences refs = SwaggerReferences::forTemplate(stack);
  return HttpApiBodyBuilder(stack, api, refs).build();
}

ImportSwagger emitImportHttpApiBody(const model::Stack& stack, const model::Api& api, const std::string& account) {
  SwaggerReferences refs = SwaggerReferences::literal(stack, account);
  Json body = HttpApiBodyBuilder(stack, api, refs).build();
  return ImportSwagger{std::move(body), refs.unresolved()};
}

}  // namespace jaws::emit
