#include "emit/cloudformation/CfnNames.h"

#include <cctype>
#include <unordered_set>

#include "model/LogicalIds.h"

namespace jaws::emit::names {

using model::logicalId;
using model::pascalCase;

std::string function(std::string_view fn) { return logicalId(fn, "Function"); }
std::string role(std::string_view fn) { return logicalId(fn, "Role"); }
std::string logGroup(std::string_view fn) { return logicalId(fn, "LogGroup"); }
std::string eventInvokeConfig(std::string_view fn) { return logicalId(fn, "EventInvokeConfig"); }

std::string scheduleStem(std::string_view fn, std::size_t index) {
  return logicalId(fn, "Schedule") + (index == 0 ? "" : std::to_string(index + 1));
}
std::string scheduleRule(std::string_view fn, std::size_t index) { return scheduleStem(fn, index) + "Rule"; }
std::string schedulePermission(std::string_view fn, std::size_t index) { return scheduleStem(fn, index) + "Permission"; }

std::string restApi(std::string_view api) { return logicalId(api, "RestApi"); }
std::string deployment(std::string_view api, std::string_view bodyHash) {
  return logicalId(api, "Deployment") + std::string(bodyHash);
}
std::string stage(std::string_view api) { return logicalId(api, "Stage"); }
std::string apiKey(std::string_view api) { return logicalId(api, "ApiKey"); }
std::string usagePlan(std::string_view api) { return logicalId(api, "UsagePlan"); }
std::string usagePlanKey(std::string_view api) { return logicalId(api, "UsagePlanKey"); }
std::string authorizerPermission(std::string_view api, std::string_view fn) {
  return pascalCase(api) + logicalId(fn, "AuthorizerPermission");
}

std::vector<std::string> routePermissions(const model::Api& api) {
  // Two routes can share a base name (`/a-b` and `/ab`, or `/todos/{id}` and
  // `/todos/id`); later ones get the first free number, so a base that itself
  // ends in a digit (`/todos/id2`) cannot collide either.
  std::vector<std::string> ids;
  ids.reserve(api.routes.size());
  std::unordered_set<std::string> used;
  used.reserve(api.routes.size());
  const std::string apiBase = pascalCase(api.name);
  for (const auto& route : api.routes) {
    std::string base = apiBase;
    const std::string_view method = model::httpMethodName(route.method);
    for (std::size_t i = 0; i < method.size(); ++i) {
      base += i == 0 ? method[i] : static_cast<char>(std::tolower(static_cast<unsigned char>(method[i])));
    }
    const std::string path = pascalCase(route.path);  // `{id}` and `{key+}` keep their names
    base += path.empty() ? "Root" : path;
    std::string id = base + "Permission";
    for (int n = 2; used.count(id) != 0; ++n) id = base + std::to_string(n) + "Permission";
    used.insert(id);
    ids.push_back(id);
  }
  return ids;
}

std::string httpApi(std::string_view api) { return logicalId(api, "HttpApi"); }
std::string api(const model::Api& api) { return api.kind == model::ApiKind::Http ? httpApi(api.name) : restApi(api.name); }
std::string functionUrl(std::string_view fn) { return logicalId(fn, "Url"); }
std::string functionUrlPermission(std::string_view fn) { return logicalId(fn, "UrlPermission"); }
std::string functionUrlInvokePermission(std::string_view fn) { return logicalId(fn, "UrlInvokePermission"); }

std::string resource(std::string_view name) { return logicalId(name, ""); }
std::string output(std::string_view name) { return logicalId(name, ""); }

std::string authorizerScheme(std::string_view fn) { return logicalId(fn, "Authorizer"); }

}  // namespace jaws::emit::names
