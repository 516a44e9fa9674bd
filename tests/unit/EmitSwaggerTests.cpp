// Focused properties of the Swagger 2.0 body, its import variant and the
// OpenAPI 3.0 document.
#include <catch2/catch.hpp>

#include "emit/apidocs/JsonSchemaWriter.h"
#include "emit/apidocs/OpenApiEmitter.h"
#include "emit/StackFixtures.h"
#include "emit/apidocs/SwaggerEmitter.h"

using namespace jaws;
using namespace jaws::emit_test;
using emit::Json;
using model::HttpMethod;
using model::Schema;

namespace {

model::Stack stackWith(model::Api a, std::vector<std::string> functions) {
  model::Stack stack = baseStack("p", "dev", "us-east-1");
  for (const auto& name : functions) stack.functions.push_back(function(stack, name, "src/app." + name));
  stack.apis = {std::move(a)};
  return stack;
}

Json swaggerOf(const model::Stack& stack) { return emit::emitSwagger(stack, stack.apis.front()); }

model::RouteParameter query(std::string name, Schema schema, bool required) {
  model::RouteParameter p;
  p.where = model::ParamLocation::Query;
  p.name = std::move(name);
  p.schema = std::move(schema);
  p.required = required;
  return p;
}

}  // namespace

TEST_CASE("request validators: at most three, shared, only those used", "[emit][swagger]") {
  model::Api a = api("api");
  model::Route withBody = route(HttpMethod::Post, "/a", "f");
  withBody.body = refSchema("Thing");
  model::Route withQuery = route(HttpMethod::Get, "/a", "f");
  withQuery.parameters.push_back(query("q", stringSchema(), true));
  model::Route both = route(HttpMethod::Put, "/a/{id}", "f");
  both.body = refSchema("Thing");
  both.parameters.push_back(query("q", stringSchema(), false));
  model::Route pathOnly = route(HttpMethod::Get, "/a/{id}", "f");
  a.routes = {withBody, withQuery, both, pathOnly};
  auto stack = stackWith(a, {"f"});
  stack.types = {{"Thing", objectOf({field("x", stringSchema())}), "", {}}};

  const Json doc = swaggerOf(stack);
  CHECK(doc["x-amazon-apigateway-request-validators"] == Json::parse(R"({
    "all": {"validateRequestBody": true, "validateRequestParameters": true},
    "body": {"validateRequestBody": true, "validateRequestParameters": false},
    "params": {"validateRequestBody": false, "validateRequestParameters": true}})"));
  CHECK(doc["paths"]["/a"]["post"]["x-amazon-apigateway-request-validator"] == "body");
  CHECK(doc["paths"]["/a"]["get"]["x-amazon-apigateway-request-validator"] == "params");
  CHECK(doc["paths"]["/a/{id}"]["put"]["x-amazon-apigateway-request-validator"] == "all");
  CHECK(!doc["paths"]["/a/{id}"]["get"].contains("x-amazon-apigateway-request-validator"));

  stack.apis[0].validate = false;
  const Json off = swaggerOf(stack);
  CHECK(!off.contains("x-amazon-apigateway-request-validators"));
  CHECK(!off["paths"]["/a"]["post"].contains("x-amazon-apigateway-request-validator"));
}

TEST_CASE("CORS on: preflight mock per path without auth; off: nothing", "[emit][swagger]") {
  const Json on = swaggerOf(authStack());
  const Json& preflight = on["paths"]["/partner/feed"]["options"];
  CHECK(!preflight.contains("security"));  // no API key, no authorizer
  CHECK(preflight["x-amazon-apigateway-integration"]["type"] == "mock");
  CHECK(preflight["x-amazon-apigateway-integration"]["responses"]["default"]["responseParameters"]
                 ["method.response.header.Access-Control-Allow-Origin"] == "'*'");
  CHECK(on["paths"]["/partner/feed"]["get"]["security"] == Json::parse(R"([{"api_key": []}])"));
  CHECK(on["x-amazon-apigateway-gateway-responses"].contains("DEFAULT_4XX"));
  CHECK(on["x-amazon-apigateway-gateway-responses"].contains("DEFAULT_5XX"));

  const Json off = swaggerOf(corsOffStack());
  for (const auto& [path, item] : off["paths"].items()) CHECK(!item.contains("options"));
  CHECK(!off.contains("x-amazon-apigateway-gateway-responses"));
}

TEST_CASE("CORS: allowed methods and headers of a path", "[emit][swagger]") {
  model::Api a = api("api");
  a.cors.enabled = true;
  a.cors.origins = {"*"};
  model::Route get = route(HttpMethod::Get, "/x", "f");
  model::RouteParameter header;
  header.where = model::ParamLocation::Header;
  header.name = "X-Trace";
  header.schema = stringSchema();
  get.parameters.push_back(header);
  a.routes = {get, route(HttpMethod::Delete, "/x", "f")};
  const Json params = swaggerOf(stackWith(a, {"f"}))["paths"]["/x"]["options"]["x-amazon-apigateway-integration"]["responses"]
                                                     ["default"]["responseParameters"];
  CHECK(params["method.response.header.Access-Control-Allow-Methods"] == "'DELETE,GET,OPTIONS'");
  CHECK(params["method.response.header.Access-Control-Allow-Headers"] ==
        "'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,X-Trace'");
}

TEST_CASE("CORS with several origins echoes an allowed Origin", "[emit][swagger]") {
  const Json doc = swaggerOf(corsMultiOriginStack());
  const Json& response = doc["paths"]["/items"]["options"]["x-amazon-apigateway-integration"]["responses"]["default"];
  CHECK(response["responseParameters"]["method.response.header.Vary"] == "'Origin'");
  CHECK(response["responseParameters"]["method.response.header.Access-Control-Allow-Credentials"] == "'true'");
  CHECK(response["responseParameters"]["method.response.header.Access-Control-Max-Age"] == "'600'");
  const std::string vtl = response["responseTemplates"]["application/json"];
  CHECK(vtl.find("$origin == \"https://b.example.com\"") != std::string::npos);
  CHECK(vtl.find("responseOverride.header.Access-Control-Allow-Origin") != std::string::npos);
  CHECK(doc["x-amazon-apigateway-gateway-responses"]["DEFAULT_4XX"]["responseParameters"]
           ["gatewayresponse.header.Access-Control-Allow-Origin"] == "method.request.header.Origin");
}

TEST_CASE("greedy path parameters, ANY, and unique operation IDs", "[emit][swagger]") {
  const Json doc = swaggerOf(corsOffStack());
  CHECK(doc["paths"]["/files/{key+}"]["get"]["parameters"][0] ==
        Json::parse(R"({"name":"key","in":"path","required":true,"type":"string"})"));
  CHECK(doc["paths"]["/files/{key+}"]["get"]["parameters"][1]["required"] == false);
  CHECK(doc["paths"]["/proxy/{path+}"].contains("x-amazon-apigateway-any-method"));
  CHECK(doc["paths"]["/proxy/{path+}"]["x-amazon-apigateway-any-method"]["operationId"] == "proxy");
  CHECK(doc["paths"]["/"]["get"]["operationId"] == "proxy2");
  CHECK(doc["paths"]["/proxy/{path+}"]["x-amazon-apigateway-any-method"]["deprecated"] == true);
  CHECK(!doc["paths"]["/"]["get"].contains("deprecated"));
  CHECK(doc["x-amazon-apigateway-binary-media-types"] == Json::array({"application/octet-stream", "image/*"}));

  const auto stack = corsOffStack();
  const Json openapi = emit::emitOpenApi(stack, stack.apis.front());
  CHECK(openapi["paths"].contains("/files/{key}"));
  CHECK(openapi["paths"]["/proxy/{path}"]["patch"]["operationId"] == "proxyPatch");  // ANY: every method
  CHECK(openapi["paths"]["/proxy/{path}"].size() == 7);
  CHECK(openapi.dump().find("x-amazon") == std::string::npos);
}

TEST_CASE("security definitions for each auth kind", "[emit][swagger]") {
  const Json defs = swaggerOf(authStack())["securityDefinitions"];
  CHECK(defs["sigv4"]["x-amazon-apigateway-authtype"] == "awsSigv4");
  CHECK(defs["api_key"] == Json::parse(R"({"type":"apiKey","name":"x-api-key","in":"header"})"));
  CHECK(defs["CognitoAuthorizer"]["x-amazon-apigateway-authorizer"]["providerARNs"][0] ==
        "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbCdEf123");
  CHECK(defs["CognitoAuthorizer2"]["x-amazon-apigateway-authorizer"]["providerARNs"][0] ==
        Json::parse(R"({"Fn::GetAtt":["Users","Arn"]})"));
  CHECK(defs["CheckTokenAuthorizer"]["x-amazon-apigateway-authorizer"]["type"] == "token");
  CHECK(defs["VerifySignatureAuthorizer"]["x-amazon-apigateway-authorizer"]["identitySource"] ==
        "method.request.header.X-Signature, method.request.header.X-Timestamp");
  CHECK(defs["VerifySignatureAuthorizer"]["x-amazon-apigateway-authorizer"]["type"] == "request");
}

TEST_CASE("the import variant has literal ARNs in the stage's partition", "[emit][swagger]") {
  model::Stack stack = todoStack("prod", "cn-north-1");
  const auto imported = emit::emitImportSwagger(stack, stack.apis.front(), "123456789012");
  CHECK(imported.unresolved.empty());
  CHECK(imported.body["paths"]["/todos"]["get"]["x-amazon-apigateway-integration"]["uri"] ==
        "arn:aws-cn:apigateway:cn-north-1:lambda:path/2015-03-31/functions/"
        "arn:aws-cn:lambda:cn-north-1:123456789012:function:todo-prod-listTodos/invocations");
  CHECK(imported.body.dump().find("Fn::") == std::string::npos);

  // A pool the stack itself creates has no ARN before deployment.
  const auto stackWithPool = authStack();
  const auto partial = emit::emitImportSwagger(stackWithPool, stackWithPool.apis.front(), "123456789012");
  CHECK(partial.unresolved == std::vector<std::string>{"<users.Arn>"});
}

TEST_CASE("schemas: unions, nullables and aliases in both dialects", "[emit][schema]") {
  model::Stack stack = baseStack("p", "dev", "us-east-1");
  Schema id = stringSchema();
  id.constraints.pattern = "^[a-z]+$";
  stack.types = {{"Id", id, "An identifier.", {}}, {"my_type", objectOf({field("a", stringSchema())}), "", {}}};

  Schema nullable;
  nullable.kind = Schema::Kind::Union;
  Schema null;
  null.kind = Schema::Kind::Null;
  nullable.members = {stringSchema(), null};
  Schema mixed;
  mixed.kind = Schema::Kind::Union;
  mixed.members = {stringSchema(), intSchema()};
  Schema models;
  models.kind = Schema::Kind::Union;
  models.members = {refSchema("my_type"), objectOf({field("b", intSchema())})};

  emit::JsonSchemaWriter swagger(stack, emit::SchemaDialect::Swagger2);
  CHECK(swagger.schema(nullable) == Json::parse(R"({"type":["string","null"]})"));
  CHECK(swagger.schema(mixed) == Json::parse(R"({"type":["string","integer"]})"));
  CHECK(swagger.schema(models) == Json::object());  // Swagger 2.0 cannot say "one of"
  CHECK(swagger.schema(refSchema("my_type")) == Json::parse(R"({"$ref":"#/definitions/mytype"})"));  // API Gateway model names
  CHECK(swagger.schema(enumOf({"a", "b"})) == Json::parse(R"({"type":"string","enum":["a","b"]})"));
  const Schema resolved = swagger.resolveAliases(refSchema("Id"));
  CHECK(resolved.kind == Schema::Kind::String);
  CHECK(resolved.constraints.pattern == std::optional<std::string>("^[a-z]+$"));

  emit::JsonSchemaWriter openapi(stack, emit::SchemaDialect::OpenApi3);
  CHECK(openapi.schema(nullable) == Json::parse(R"({"type":"string","nullable":true})"));
  CHECK(openapi.schema(mixed) == Json::parse(R"({"anyOf":[{"type":"string"},{"type":"integer"}]})"));
  CHECK(openapi.schema(models)["anyOf"][0] == Json::parse(R"({"$ref":"#/components/schemas/my_type"})"));
  Schema described = refSchema("Id");
  described.constraints.description = "The owner.";
  CHECK(openapi.schema(described) == Json::parse(R"({"allOf":[{"$ref":"#/components/schemas/Id"}],"description":"The owner."})"));
  CHECK(openapi.definitions()["Id"] == Json::parse(R"({"type":"string","pattern":"^[a-z]+$","description":"An identifier."})"));
}
