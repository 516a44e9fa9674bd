// An HTTP API's resources (API Gateway v2): the AWS::ApiGatewayV2::Api
// carrying the OpenAPI 3 body (routes, integrations, authorizers and CORS are
// imported from it), the stage named after the jaws stage with automatic
// deployment (no Deployment resource: the stage redeploys whenever the body
// changes), and the invoke permissions (ApiPermissions.cpp).
#include "emit/apidocs/HttpApiBody.h"
#include "emit/apidocs/HttpCors.h"
#include "emit/cloudformation/CfnNames.h"
#include "emit/cloudformation/TemplateResources.h"

namespace jaws::emit {

namespace {

Json tagMap(const std::map<std::string, std::string>& tags) {
  Json out = Json::object();
  for (const auto& [key, value] : tags) out[key] = value;
  return out;
}

}  // namespace

void addHttpApiResources(const model::Stack& stack, const model::Api& api, ResourceMap& resources) {
  const std::string apiId = names::httpApi(api.name);
  const auto& tags = stack.project.tags;

  std::map<std::string, Json> properties;
  properties["Body"] = emitHttpApiBody(stack, api);
  // The body's x-amazon-apigateway-cors carries the same configuration: the
  // import reads one, the API's properties the other (docs/decisions.md).
  if (api.cors.enabled) properties["CorsConfiguration"] = corsConfiguration(api.cors, &api.routes, CorsSpelling::CloudFormation);
  if (!api.description.empty()) properties["Description"] = api.description;
  // The body's info.title names the API: `<project>-<stage>-<api>`.
  if (!tags.empty()) properties["Tags"] = tagMap(tags);
  resources[apiId] = Json{{"Type", "AWS::ApiGatewayV2::Api"}, {"Properties", sortedObject(std::move(properties))}};
  // As for a REST API (JW4037): an API without routes gets no stage; API
  // Gateway deploys no HTTP API without a route.
  if (api.routes.empty()) return;

  std::map<std::string, Json> stage;
  stage["ApiId"] = Json{{"Ref", apiId}};
  stage["AutoDeploy"] = true;
  if (api.throttle.rateLimit || api.throttle.burstLimit) {
    Json settings = Json::object();
    if (api.throttle.burstLimit) settings["ThrottlingBurstLimit"] = *api.throttle.burstLimit;
    if (api.throttle.rateLimit) settings["ThrottlingRateLimit"] = *api.throttle.rateLimit;
    stage["DefaultRouteSettings"] = settings;
  }
  stage["StageName"] = stack.stage.name;
  if (!tags.empty()) stage["Tags"] = tagMap(tags);
  resources[names::stage(api.name)] = Json{{"Type", "AWS::ApiGatewayV2::Stage"}, {"Properties", sortedObject(std::move(stage))}};

  addApiPermissions(api, resources);
}

}  // namespace jaws::emit
