#pragma once
// How a Swagger body names AWS things. In the template's RestApi body they are
// CloudFormation intrinsics (`Fn::Sub` on `${ListTodosFunction.Arn}`), which
// CloudFormation resolves inside `Body`; in the import file of a stage that
// sets `account` they are literal ARNs, ready for API Gateway's import.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/Model.h"

namespace jaws::emit {

using Json = nlohmann::ordered_json;

class SwaggerReferences {
 public:
  static SwaggerReferences forTemplate(const model::Stack& stack);
  // `account` is the stage's literal account id.
  static SwaggerReferences literal(const model::Stack& stack, std::string account);

  // The Lambda invocation URI of a function (integrations and authorizers).
  Json lambdaInvocationUri(const std::string& function) const;
  // Any other value the body holds (a Cognito user pool ARN).
  Json value(const model::Value& value);

  // Literal mode: the values that have no literal form before deployment
  // (`pool.arn` of a pool the stack creates), left as intrinsics; described.
  const std::vector<std::string>& unresolved() const { return unresolved_; }

 private:
  SwaggerReferences(const model::Stack& stack, bool literal, std::string account);
  std::string functionArn(const std::string& function) const;
  bool literalText(const model::Value& value, std::string& out) const;

  const model::Stack& stack_;
  bool literal_;
  std::string account_;
  std::string partition_;
  std::vector<std::string> unresolved_;
};

}  // namespace jaws::emit
