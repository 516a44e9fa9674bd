#pragma once
// The resources of one stack template, by declaration kind. Internal to the
// CloudFormation emitter: each adds its resources to a map keyed by logical
// ID, which sorts the template's Resources section.
#include <map>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "emit/cloudformation/CloudFormationEmitter.h"
#include "model/Model.h"

namespace jaws::emit {

using Json = nlohmann::ordered_json;
using ResourceMap = std::map<std::string, Json>;

// Suffix of the environment variable that carries the *name* of a @secure SSM
// parameter (CloudFormation cannot resolve ssm-secure in a Lambda
// environment; the function reads the parameter at run time).
inline constexpr const char* kSsmParameterSuffix = "_SSM_PARAMETER";

// Function, role, log group, schedules.
void addFunctionResources(const model::Stack& stack, const model::Function& fn, const std::string& codeKeyParameter,
                          ResourceMap& resources);
// RestApi, deployment, stage, permissions, API key and usage plan.
void addApiResources(const model::Stack& stack, const model::Api& api, ResourceMap& resources, ContentHashes hashes);
// Added (issue 11): an HTTP API's Api (OpenAPI 3 body) and auto-deployed
// stage with its permissions; a function's URL and the permissions it needs.
void addHttpApiResources(const model::Stack& stack, const model::Api& api, ResourceMap& resources);
void addFunctionUrlResources(const model::Stack& stack, const model::Function& fn, ResourceMap& resources);
// The invoke permissions of an API's routes and Lambda authorizers (REST or HTTP).
void addApiPermissions(const model::Api& api, ResourceMap& resources);
// An AWS::Lambda::Permission for lambda:InvokeFunction (APIs, function URLs,
// event sources); no SourceArn when null, a SourceAccount when given.
Json invokePermission(const std::string& functionId, const std::string& principal, Json sourceArn,
                      std::optional<Json> sourceAccount = std::nullopt);
// A `resource` declaration, as written.
void addRawResource(const model::Stack& stack, const model::Resource& resource, ResourceMap& resources);

// CloudFormation's tag list, sorted by key.
Json tagList(const std::map<std::string, std::string>& tags);
// An object from a map: keys sorted, for property sets whose order carries no meaning.
Json sortedObject(std::map<std::string, Json> entries);

}  // namespace jaws::emit
