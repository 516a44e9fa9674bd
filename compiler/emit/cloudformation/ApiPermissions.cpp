// The invoke permissions of an API, REST or HTTP alike: one per route,
// scoped to the API, its method and its path (`…/*/GET/todos/*`, as SAM
// scopes them, never `/*/*`), and one per Lambda authorizer, scoped to the
// API's authorizers.
#include "emit/JsonObjects.h"
#include "emit/apidocs/ApiSecurity.h"
#include "emit/cloudformation/CfnNames.h"
#include "emit/cloudformation/CfnValues.h"
#include "emit/cloudformation/TemplateResources.h"

namespace jaws::emit {

namespace {

// `/todos/{id}` -> `todos/*`, `/files/{key+}` -> `files/*`, `/` -> ``: the
// resource part of an execute-api ARN, path parameters as wildcards (as SAM).
std::string arnPath(const std::string& path) {
  std::string out;
  std::size_t i = path.empty() || path.front() != '/' ? 0 : 1;
  while (i < path.size()) {
    std::size_t end = path.find('/', i);
    if (end == std::string::npos) end = path.size();
    const std::string segment = path.substr(i, end - i);
    if (!out.empty()) out += '/';
    out += !segment.empty() && segment.front() == '{' ? "*" : segment;
    i = end + 1;
  }
  return out;
}

}  // namespace

Json invokePermission(const std::string& functionId, const std::string& principal, Json sourceArn,
                      std::optional<Json> sourceAccount) {
  JsonMembers properties(5);  // in key order
  properties.append("Action", "lambda:InvokeFunction");
  properties.append("FunctionName", refTo(functionId));
  properties.append("Principal", principal);
  if (sourceAccount) properties.append("SourceAccount", std::move(*sourceAccount));
  if (!sourceArn.is_null()) properties.append("SourceArn", std::move(sourceArn));
  return jsonObject({{"Type", "AWS::Lambda::Permission"}, {"Properties", std::move(properties).inOrder()}});
}

void addApiPermissions(const model::Api& api, ResourceMap& resources) {
  const std::string arnPrefix = "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${" + names::api(api) + "}/";
  auto permission = [&](const std::string& function, const std::string& resource) {
    return invokePermission(names::function(function), "apigateway.amazonaws.com", jsonObject({{"Fn::Sub", arnPrefix + resource}}));
  };
  const auto permissionIds = names::routePermissions(api);
  for (std::size_t i = 0; i < api.routes.size(); ++i) {
    const auto& route = api.routes[i];
    const std::string method = route.method == model::HttpMethod::Any ? "*" : model::httpMethodName(route.method);
    resources[permissionIds[i]] = permission(route.function, "*/" + method + "/" + arnPath(route.path));
  }
  for (const auto& fn : ApiSecurity(api).authorizerFunctions()) {
    resources[names::authorizerPermission(api.name, fn)] = permission(fn, "authorizers/*");
  }
}

}  // namespace jaws::emit
