// A REST API's resources: the AWS::ApiGateway::RestApi carrying the Swagger
// body, a Deployment whose logical ID ends with a hash of that body (a new ID
// makes CloudFormation deploy the changed API), the Stage named after the
// jaws stage, the invoke permissions (ApiPermissions.cpp), and an API key
// with a usage plan when a route requires a key.
#include "emit/apidocs/ApiSecurity.h"
#include "emit/cloudformation/CfnNames.h"
#include "emit/StableHash.h"
#include "emit/apidocs/SwaggerEmitter.h"
#include "emit/cloudformation/CfnValues.h"
#include "emit/cloudformation/TemplateResources.h"

namespace jaws::emit {

namespace {


}  // namespace

void addApiResources(const model::Stack& stack, const model::Api& api, ResourceMap& resources, ContentHashes hashes) {
  const std::string restApiId = names::restApi(api.name);
  Json body = emitSwagger(stack, api);
  const std::string bodyHash = hashes == ContentHashes::Computed ? stableJsonHashHex(body) : std::string(10, '0');
  const std::string deploymentId = names::deployment(api.name, bodyHash);
  const std::string stageId = names::stage(api.name);
  const auto& tags = stack.project.tags;

  std::map<std::string, Json> restApi;
  restApi["Body"] = std::move(body);
  if (!api.description.empty()) restApi["Description"] = api.description;
  if (!api.endpoint.empty()) {
    restApi["EndpointConfiguration"] = Json{{"Types", Json::array({api.endpoint})}};
    // With a Body, API Gateway's import decides the endpoint type; pass it
    // along as SAM does, or an update may fall back to EDGE.
    restApi["Parameters"] = Json{{"endpointConfigurationTypes", api.endpoint}};
  }
  restApi["Name"] = restApiName(stack, api);
  if (!tags.empty()) restApi["Tags"] = tagList(tags);
  resources[restApiId] = Json{{"Type", "AWS::ApiGateway::RestApi"}, {"Properties", sortedObject(std::move(restApi))}};
  // API Gateway refuses to deploy an API without methods: an API with no
  // routes (yet) is created, not deployed.
  if (api.routes.empty()) return;

  resources[deploymentId] = Json{{"Type", "AWS::ApiGateway::Deployment"},
                                 {"Properties", Json{{"Description", "Deployment of " + restApiName(stack, api) + " (" +
                                                                         deploymentId.substr(deploymentId.size() - 10) + ")"},
                                                     {"RestApiId", refTo(restApiId)}}}};

  std::map<std::string, Json> stage;
  stage["DeploymentId"] = refTo(deploymentId);
  if (api.throttle.rateLimit || api.throttle.burstLimit) {
    Json setting = Json{{"HttpMethod", "*"}, {"ResourcePath", "/*"}};
    if (api.throttle.burstLimit) setting["ThrottlingBurstLimit"] = *api.throttle.burstLimit;
    if (api.throttle.rateLimit) setting["ThrottlingRateLimit"] = *api.throttle.rateLimit;
    stage["MethodSettings"] = Json::array({setting});
  }
  stage["RestApiId"] = refTo(restApiId);
  stage["StageName"] = stack.stage.name;
  if (!tags.empty()) stage["Tags"] = tagList(tags);
  resources[stageId] = Json{{"Type", "AWS::ApiGateway::Stage"}, {"Properties", sortedObject(std::move(stage))}};

  addApiPermissions(api, resources);

  const ApiSecurity security(api);
  if (security.usesApiKey()) {
    std::map<std::string, Json> key;
    key["Description"] = "API key of " + restApiName(stack, api);
    key["Enabled"] = true;
    if (!tags.empty()) key["Tags"] = tagList(tags);
    resources[names::apiKey(api.name)] = Json{{"Type", "AWS::ApiGateway::ApiKey"}, {"Properties", sortedObject(std::move(key))}};

    std::map<std::string, Json> plan;
    plan["ApiStages"] = Json::array({Json{{"ApiId", refTo(restApiId)}, {"Stage", refTo(stageId)}}});
    plan["Description"] = "Usage plan of " + restApiName(stack, api);
    if (!tags.empty()) plan["Tags"] = tagList(tags);
    resources[names::usagePlan(api.name)] = Json{{"Type", "AWS::ApiGateway::UsagePlan"}, {"Properties", sortedObject(std::move(plan))}};

    resources[names::usagePlanKey(api.name)] =
        Json{{"Type", "AWS::ApiGateway::UsagePlanKey"},
             {"Properties", Json{{"KeyId", refTo(names::apiKey(api.name))},
                                 {"KeyType", "API_KEY"},
                                 {"UsagePlanId", refTo(names::usagePlan(api.name))}}}};
  }
}

}  // namespace jaws::emit
