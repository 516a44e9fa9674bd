#pragma once
// The Swagger 2.0 body of a REST API, exactly as embedded in the stack's
// AWS::ApiGateway::RestApi (`Body`) and written to `<api>.swagger.json`:
// aws_proxy integrations, definitions from types, parameters, shared request
// validators, CORS, and security definitions for iam, apiKey, Cognito and
// Lambda authorizers. See docs/artifacts.md.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/Model.h"

namespace jaws::emit {

using Json = nlohmann::ordered_json;

// The body for the template: ARNs are CloudFormation intrinsics.
Json emitSwagger(const model::Stack& stack, const model::Api& api);

// `<api>.import.swagger.json` for a stage that sets `account`: the same body
// with literal ARNs. Values that only exist once the stack is deployed (a
// Cognito pool the stack creates) stay intrinsics and are listed in
// `unresolved`, so the caller can warn that the file is not importable as is.
struct ImportSwagger {
  Json body;
  std::vector<std::string> unresolved;
};
ImportSwagger emitImportSwagger(const model::Stack& stack, const model::Api& api, const std::string& account);

// The RestApi's name, also the body's title: `<project>-<stage>-<api>`.
std::string restApiName(const model::Stack& stack, const model::Api& api);

}  // namespace jaws::emit
