#pragma once
// Evaluated values (model::Value) as CloudFormation template values: literals
// as JSON, deploy-time references as Ref / Fn::GetAtt / Fn::Sub, SSM
// parameters and secrets as dynamic references (`{{resolve:...}}`).
//
// Units: a size is written in megabytes and a duration in seconds, the units
// nearly every CloudFormation property uses (MemorySize, Timeout,
// VisibilityTimeout, ...); a value that is not whole becomes a decimal.
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "model/Model.h"

namespace jaws::emit {

using Json = nlohmann::ordered_json;

// Any property value: objects and lists keep their shape and order.
Json cfnValue(const model::Value& value, const model::Stack& stack);

// A value where CloudFormation expects a string (environment variables, tag
// values): scalars become their text, lists and objects compact JSON text
// (through Fn::Sub when they hold deploy-time parts).
Json cfnString(const model::Value& value, const model::Stack& stack);

// `{{resolve:ssm:NAME}}`, `{{resolve:ssm-secure:NAME}}` (when ref.secure),
// `{{resolve:secretsmanager:ID[:SecretString:KEY]}}`. Only for SsmParameter
// and Secret references.
std::string dynamicReference(const model::DeployRef& ref);

// A whole value that is a @secure SSM parameter: CloudFormation resolves
// `ssm-secure` only in a short list of properties (RDS and Redshift master
// passwords, ...), never in a Lambda environment; see docs/artifacts.md.
bool isSecureSsm(const model::Value& value);
// True when a secure SSM reference appears anywhere inside the value.
bool containsSecureSsm(const model::Value& value);

// The IAM resource ARN of an SSM parameter (a Fn::Sub object), for the
// ssm:GetParameter grant that replaces a secure value in an environment.
Json ssmParameterArn(const std::string& parameterName);

// `literal` as Fn::Sub text: every "${" becomes "${!", which Fn::Sub writes
// back as "${" instead of substituting.
std::string escapeSubText(std::string_view literal);

// `{"Fn::GetAtt": [id, attribute]}` and `{"Ref": id}`.
Json getAtt(std::string logicalId, std::string attribute);
Json refTo(std::string logicalId);

// Sizes and durations in CloudFormation units (see above).
Json megabytes(std::int64_t bytes);
Json seconds(std::int64_t milliseconds);

}  // namespace jaws::emit
