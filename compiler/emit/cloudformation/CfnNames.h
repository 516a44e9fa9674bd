#pragma once
// The logical IDs of every resource the CloudFormation emitter generates, in
// one place so the checker can predict them (logical-ID collisions) and the
// Swagger emitter can reference them (`${ListTodosFunction.Arn}`). All follow
// model::logicalId: PascalCase of the declaration name plus a kind suffix.
#include <string>
#include <string_view>
#include <vector>

#include "model/Model.h"

namespace jaws::emit::names {

std::string function(std::string_view fn);        // ListTodosFunction
std::string role(std::string_view fn);            // ListTodosRole
std::string logGroup(std::string_view fn);        // ListTodosLogGroup
// `index` counts the function's schedules from 0: ListTodosScheduleRule,
// ListTodosSchedule2Rule, ...; the permission likewise.
std::string scheduleRule(std::string_view fn, std::size_t index);
std::string schedulePermission(std::string_view fn, std::size_t index);
std::string scheduleStem(std::string_view fn, std::size_t index);  // ListTodosSchedule, ListTodosSchedule2

std::string restApi(std::string_view api);  // TodoApiRestApi
std::string deployment(std::string_view api, std::string_view bodyHash);  // TodoApiDeployment<hash>
std::string stage(std::string_view api);         // TodoApiStage
std::string apiKey(std::string_view api);        // TodoApiApiKey
std::string usagePlan(std::string_view api);     // TodoApiUsagePlan
std::string usagePlanKey(std::string_view api);  // TodoApiUsagePlanKey
std::string authorizerPermission(std::string_view api, std::string_view fn);  // TodoApiCheckTokenAuthorizerPermission

// One permission per route, in the API's route order: TodoApiGetTodosIdPermission.
// Two routes whose names would collide (`/a-b` and `/ab`) get 2, 3, ... appended
// in route order.
std::vector<std::string> routePermissions(const model::Api& api);

// Added (issue 11): HTTP APIs and function URLs. The stage, route and
// authorizer permissions of an HTTP API are named as a REST API's.
std::string httpApi(std::string_view api);                 // ShopHttpApi
std::string api(const model::Api& api);                    // restApi or httpApi, by kind
std::string functionUrl(std::string_view fn);              // HelloUrl
std::string functionUrlPermission(std::string_view fn);    // HelloUrlPermission: lambda:InvokeFunctionUrl
std::string functionUrlInvokePermission(std::string_view fn);  // HelloUrlInvokePermission: lambda:InvokeFunction

// Added (issue 12): a function's `async` settings.
std::string eventInvokeConfig(std::string_view fn);  // WorkerEventInvokeConfig

std::string resource(std::string_view name);  // a raw `resource`: Todos
std::string output(std::string_view name);    // ApiUrl

// The Swagger security scheme names.
inline constexpr const char* kIamScheme = "sigv4";
inline constexpr const char* kApiKeyScheme = "api_key";
std::string authorizerScheme(std::string_view fn);  // CheckTokenAuthorizer

}  // namespace jaws::emit::names
