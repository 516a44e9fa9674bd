#include "emit/apidocs/SwaggerEmitter.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <set>

#include "emit/JsonObjects.h"
#include "emit/apidocs/ApiSecurity.h"
#include "emit/apidocs/HttpStatus.h"
#include "emit/apidocs/JsonSchemaWriter.h"
#include "emit/apidocs/OpenApiOperations.h"
#include "emit/apidocs/SwaggerCors.h"
#include "emit/apidocs/SwaggerReferences.h"
#include "model/LogicalIds.h"

namespace jaws::emit {

using model::HttpMethod;
using model::ParamLocation;
using model::Route;

namespace {

// Path item keys in Swagger's own order, ANY last.
constexpr HttpMethod kMethodOrder[] = {HttpMethod::Get,     HttpMethod::Put,  HttpMethod::Post,  HttpMethod::Delete,
                                       HttpMethod::Options, HttpMethod::Head, HttpMethod::Patch, HttpMethod::Any};

std::string methodKey(HttpMethod method) {
  if (method == HttpMethod::Any) return "x-amazon-apigateway-any-method";
  std::string key = model::httpMethodName(method);
  for (char& c : key) c = static_cast<char>(c - 'A' + 'a');
  return key;
}

// Swagger 2.0 non-body parameters are flat (`type`, `format`, `enum`, ...),
// not schemas: primitives and arrays of primitives keep their constraints,
// anything else travels as a string. Appended to `out`, which holds none of
// these keys yet.
void addFlatParameterType(Json& out, const Json& schema) {
  static constexpr std::string_view kPrimitive[] = {"string", "integer", "number", "boolean"};
  static const char* const kKept[] = {"type", "format", "enum", "pattern", "minLength", "maxLength", "minimum", "maximum", "default"};
  const Json* type = nullptr;
  if (auto found = schema.find("type"); found != schema.end()) type = &*found;
  if (type != nullptr && type->is_array()) {  // a nullable primitive: the parameter is simply absent
    const Json* first = nullptr;
    for (const auto& t : *type) {
      if (t != "null") {
        first = &t;
        break;
      }
    }
    type = first;
  }
  const bool primitive = type != nullptr && type->is_string() &&
                         std::find(std::begin(kPrimitive), std::end(kPrimitive), type->get_ref<const std::string&>()) !=
                             std::end(kPrimitive);
  if (primitive) {
    for (const char* key : kKept) {
      auto found = schema.find(key);
      if (found == schema.end()) continue;
      if (std::string_view(key) == "enum") {
        Json values = Json::array();
        for (const auto& v : *found) {
          if (!v.is_null()) values.push_back(v);
        }
        appendMember(out, key, std::move(values));
      } else {
        appendMember(out, key, std::string_view(key) == "type" ? *type : *found);
      }
    }
    return;
  }
  if (type != nullptr && *type == "array" && schema.contains("items")) {
    appendMember(out, "type", "array");
    Json items = Json::object();
    addFlatParameterType(items, schema["items"]);
    appendMember(out, "items", std::move(items));
    for (const char* key : {"minItems", "maxItems"}) {
      if (auto found = schema.find(key); found != schema.end()) appendMember(out, key, *found);
    }
    return;
  }
  appendMember(out, "type", "string");
}

class SwaggerBuilder {
 public:
  SwaggerBuilder(const model::Stack& stack, const model::Api& api, SwaggerReferences& refs)
      : stack_(stack), api_(api), refs_(refs), schemas_(stack, SchemaDialect::Swagger2), security_(api) {}

  Json build() {
    Json doc = Json::object();
    reserveMembers(doc, 10);  // growing would copy the paths
    doc["swagger"] = "2.0";
    Json info = Json{{"title", restApiName(stack_, api_)}, {"version", stack_.project.version.empty() ? "1.0.0" : stack_.project.version}};
    if (!api_.description.empty()) info["description"] = api_.description;
    doc["info"] = info;
    doc["consumes"] = Json::array({"application/json"});
    doc["produces"] = Json::array({"application/json"});
    doc["paths"] = paths();
    Json definitions = schemas_.definitions();
    if (!definitions.empty()) doc["definitions"] = definitions;
    Json securityDefinitions = this->securityDefinitions();
    if (!securityDefinitions.empty()) doc["securityDefinitions"] = securityDefinitions;
    if (!validators_.empty()) {
      Json validators = Json::object();
      for (const auto& name : validators_) {
        validators[name] = Json{{"validateRequestBody", name != "params"}, {"validateRequestParameters", name != "body"}};
      }
      doc["x-amazon-apigateway-request-validators"] = validators;
    }
    if (api_.cors.enabled) doc["x-amazon-apigateway-gateway-responses"] = corsGatewayResponses(api_.cors);
    if (!api_.binaryMediaTypes.empty()) doc["x-amazon-apigateway-binary-media-types"] = api_.binaryMediaTypes;
    return doc;
  }

 private:
  Json paths() {
    // Operation IDs must be unique in a document; the evaluator derives them
    // from function names, which two routes may share.
    std::map<std::string, int> operationIds;
    for (const auto& route : api_.routes) {
      std::string id = route.operationId;
      if (!id.empty()) {
        int& seen = operationIds[id];
        if (++seen > 1) id += std::to_string(seen);
      }
      uniqueOperationIds_.push_back(id);
    }

    std::map<std::string, std::vector<std::size_t>> byPath;  // sorted: path order carries no meaning
    for (std::size_t i = 0; i < api_.routes.size(); ++i) byPath[api_.routes[i].path].push_back(i);

    Json out = Json::object();
    reserveMembers(out, byPath.size());
    for (const auto& [path, indexes] : byPath) {
      std::vector<const Route*> routes;
      for (auto i : indexes) routes.push_back(&api_.routes[i]);
      JsonMembers item(indexes.size() + 1);
      bool hasOptions = false;
      std::size_t optionsAt = 0;  // Swagger's key order: `options` after `delete`
      for (HttpMethod method : kMethodOrder) {
        if (method == HttpMethod::Options) optionsAt = item.size();
        for (auto i : indexes) {
          if (api_.routes[i].method != method) continue;
          item[methodKey(method)] = operation(api_.routes[i], uniqueOperationIds_[i]);
          hasOptions = hasOptions || method == HttpMethod::Options;
        }
      }
      if (api_.cors.enabled && !hasOptions) {
        item.insert(optionsAt, "options", corsOptionsOperation(api_.cors, routes, pathParameters(*routes.front())));
      }
      appendMember(out, path, std::move(item).inOrder());
    }
    return out;
  }

  Json parameter(const model::RouteParameter& p) {
    std::string name = p.name;
    if (!name.empty() && name.back() == '+') name.pop_back();  // a greedy `{key+}` is the parameter `key`
    const Json schema = schemas_.schema(schemas_.resolveAliases(p.schema));
    Json out = Json::object();
    reserveMembers(out, 13);  // these four and at most the nine of a flat type
    appendMember(out, "name", std::move(name));
    appendMember(out, "in", parameterIn(p.where));
    appendMember(out, "required", p.where == ParamLocation::Path || p.required);
    if (!p.description.empty()) {
      appendMember(out, "description", p.description);
    } else if (auto found = schema.find("description"); found != schema.end()) {
      appendMember(out, "description", *found);
    }
    addFlatParameterType(out, schema);  // `type`, `format`, ...: none of the above
    return out;
  }

  Json pathParameters(const Route& route) {
    Json out = Json::array();
    for (const auto& p : route.parameters) {
      if (p.where == ParamLocation::Path) out.push_back(parameter(p));
    }
    return out;
  }

  Json operation(const Route& route, const std::string& operationId) {
    JsonMembers op(9);
    if (!operationId.empty()) op.append("operationId", operationId);
    if (!route.description.empty()) op.append("description", route.description);
    if (route.deprecated) op.append("deprecated", true);

    Json parameters = Json::array();
    parameters.get_ref<Json::array_t&>().reserve(route.parameters.size() + (route.body ? 1 : 0));
    bool hasParams = false;
    for (const auto& p : route.parameters) {
      parameters.push_back(parameter(p));
      hasParams = hasParams || p.where != ParamLocation::Path;
    }
    if (route.body) {
      Json schema;
      if (route.body->kind == model::Schema::Kind::Ref) {
        schema = schemas_.schema(*route.body);
      } else {
        // API Gateway validates a body against a model: give inline bodies one.
        const std::string base = model::pascalCase(operationId.empty() ? methodKey(route.method) + route.path : operationId);
        schema = jsonObject({{"$ref", "#/definitions/" + schemas_.addDefinition(base + "Body", *route.body)}});
      }
      parameters.push_back(jsonObject({{"in", "body"}, {"name", "body"}, {"required", true}, {"schema", std::move(schema)}}));
    }
    if (!parameters.empty()) op.append("parameters", std::move(parameters));

    JsonMembers responses(route.responses.size());
    for (const auto& response : route.responses) {
      std::string description = response.description.empty() ? reasonPhrase(response.status) : response.description;
      responses[std::to_string(response.status)] =
          response.schema ? jsonObject({{"description", std::move(description)}, {"schema", schemas_.schema(*response.schema)}})
                          : jsonObject({{"description", std::move(description)}});
    }
    if (responses.empty()) responses.append("200", jsonObject({{"description", reasonPhrase(200)}}));
    op.append("responses", std::move(responses).inOrder());

    if (const SecurityScheme* scheme = security_.schemeFor(route.auth)) {
      op.append("security", Json::array({jsonObject({{scheme->name, Json::array()}})}));
    }
    if (api_.validate && (route.body || hasParams)) {
      const std::string validator = route.body && hasParams ? "all" : route.body ? "body" : "params";
      validators_.insert(validator);
      op.append("x-amazon-apigateway-request-validator", validator);
    }
    op.append("x-amazon-apigateway-integration", jsonObject({
                                                     {"type", "aws_proxy"},
                                                     {"httpMethod", "POST"},
                                                     {"uri", refs_.lambdaInvocationUri(route.function)},
                                                 }));
    return std::move(op).inOrder();
  }

  Json securityDefinitions() {
    Json out = Json::object();
    std::map<std::string, Json> sorted;
    for (const auto& scheme : security_.schemes()) sorted[scheme.name] = securityDefinition(scheme.auth);
    for (auto& [name, definition] : sorted) appendMember(out, name, std::move(definition));
    return out;
  }

  Json securityDefinition(const model::Auth& auth) {
    Json out = Json{{"type", "apiKey"}, {"name", "Authorization"}, {"in", "header"}};
    switch (auth.kind) {
      case model::AuthKind::Iam: out["x-amazon-apigateway-authtype"] = "awsSigv4"; break;
      case model::AuthKind::ApiKey: out["name"] = "x-api-key"; break;
      case model::AuthKind::Cognito:
        out["x-amazon-apigateway-authtype"] = "cognito_user_pools";
        out["x-amazon-apigateway-authorizer"] =
            Json{{"type", "cognito_user_pools"}, {"providerARNs", Json::array({refs_.value(auth.cognitoUserPoolArn)})}};
        break;
      case model::AuthKind::Authorizer: {
        const bool request = auth.authorizerType == model::AuthorizerType::Request;
        std::string identitySource;
        for (const auto& header : auth.identityHeaders) {
          identitySource += (identitySource.empty() ? "" : ", ") + std::string("method.request.header.") + header;
        }
        if (!auth.identityHeaders.empty()) out["name"] = auth.identityHeaders.front();
        out["x-amazon-apigateway-authtype"] = "custom";
        Json authorizer = Json{{"type", request ? "request" : "token"},
                               {"authorizerUri", refs_.lambdaInvocationUri(auth.authorizerFunction)}};
        if (!identitySource.empty()) authorizer["identitySource"] = identitySource;
        if (auth.authorizerTtlSeconds) authorizer["authorizerResultTtlInSeconds"] = *auth.authorizerTtlSeconds;
        out["x-amazon-apigateway-authorizer"] = authorizer;
        break;
      }
      case model::AuthKind::Jwt:  // REST APIs have no JWT authorizers (JW4068): never reached
      case model::AuthKind::None: break;
    }
    return out;
  }

  const model::Stack& stack_;
  const model::Api& api_;
  SwaggerReferences& refs_;
  JsonSchemaWriter schemas_;
  ApiSecurity security_;
  std::set<std::string> validators_;
  std::vector<std::string> uniqueOperationIds_;
};

}  // namespace

std::string restApiName(const model::Stack& stack, const model::Api& api) { return stack.stackName + "-" + api.name; }

Json emitSwagger(const model::Stack& stack, const model::Api& api) {
  SwaggerReferences refs = SwaggerReferences::forTemplate(stack);
  return SwaggerBuilder(stack, api, refs).build();
}

ImportSwagger emitImportSwagger(const model::Stack& stack, const model::Api& api, const std::string& account) {
  SwaggerReferences refs = SwaggerReferences::literal(stack, account);
  Json body = SwaggerBuilder(stack, api, refs).build();
  return ImportSwagger{std::move(body), refs.unresolved()};
}

}  // namespace jaws::emit
