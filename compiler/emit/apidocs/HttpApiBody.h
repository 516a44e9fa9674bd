#pragma once
// The OpenAPI 3 body of an HTTP API (API Gateway v2), exactly as embedded in
// the stack's AWS::ApiGatewayV2::Api (`Body`) and written to
// `<stage>/<region>/<api>.openapi.json`: one operation per route (ANY as
// `x-amazon-apigateway-any-method`) with an `aws_proxy` integration of payload
// format 2.0, schemas from types, security schemes for IAM, JWT (`jwt(...)`,
// Cognito pools) and Lambda REQUEST authorizers (payload 2.0, simple
// responses), and the CORS configuration. See docs/http-apis.md.
#include <nlohmann/json.hpp>

#include "emit/apidocs/SwaggerEmitter.h"
#include "model/Model.h"

namespace jaws::emit {

using Json = nlohmann::ordered_json;

// The body for the template: ARNs are CloudFormation intrinsics.
Json emitHttpApiBody(const model::Stack& stack, const model::Api& api);

// `<api>.import.openapi.json` for a stage that sets `account`: literal ARNs,
// ready for `aws apigatewayv2 import-api`; what only exists after deployment
// stays an intrinsic and is listed in `unresolved`.
ImportSwagger emitImportHttpApiBody(const model::Stack& stack, const model::Api& api, const std::string& account);

// The issuer of a Cognito user pool's tokens, from its ARN:
// `https://cognito-idp.<region>.amazonaws.com/<pool id>` (literal when the
// ARN is, else built with Fn::Split/Fn::Select).
Json cognitoIssuer(const model::Value& userPoolArn, const model::Stack& stack);

}  // namespace jaws::emit
