#include "emit/apidocs/SwaggerReferences.h"

#include "emit/apidocs/ApiSecurity.h"
#include "emit/cloudformation/CfnNames.h"
#include "emit/cloudformation/CfnValues.h"

namespace jaws::emit {

using model::DeployRef;
using model::Value;

SwaggerReferences::SwaggerReferences(const model::Stack& stack, bool literal, std::string account)
    : stack_(stack), literal_(literal), account_(std::move(account)), partition_(partitionOf(stack.stage.region)) {}

SwaggerReferences SwaggerReferences::forTemplate(const model::Stack& stack) { return SwaggerReferences(stack, false, ""); }

SwaggerReferences SwaggerReferences::literal(const model::Stack& stack, std::string account) {
  return SwaggerReferences(stack, true, std::move(account));
}

std::string SwaggerReferences::functionArn(const std::string& function) const {
  std::string functionName = function;
  for (const auto& fn : stack_.functions) {
    if (fn.name == function) functionName = fn.functionName;
  }
  return "arn:" + partition_ + ":lambda:" + stack_.stage.region + ":" + account_ + ":function:" + functionName;
}

Json SwaggerReferences::lambdaInvocationUri(const std::string& function) const {
  constexpr const char* kPath = ":lambda:path/2015-03-31/functions/";
  if (literal_) {
    return "arn:" + partition_ + ":apigateway:" + stack_.stage.region + kPath + functionArn(function) + "/invocations";
  }
  return Json{{"Fn::Sub", std::string("arn:${AWS::Partition}:apigateway:${AWS::Region}") + kPath + "${" +
                              names::function(function) + ".Arn}/invocations"}};
}

bool SwaggerReferences::literalText(const Value& value, std::string& out) const {
  switch (value.kind) {
    case Value::Kind::String: out += value.string; return true;
    case Value::Kind::Deploy:
      switch (value.ref.kind) {
        case DeployRef::Kind::FunctionArn: out += functionArn(value.ref.target); return true;
        case DeployRef::Kind::AccountId: out += account_; return true;
        case DeployRef::Kind::FunctionName:
          for (const auto& fn : stack_.functions) {
            if (fn.name == value.ref.target) {
              out += fn.functionName;
              return true;
            }
          }
          return false;
        default: return false;
      }
    case Value::Kind::Concat:
      for (const auto& part : value.items) {
        if (!literalText(part, out)) return false;
      }
      return true;
    default: return false;
  }
}

Json SwaggerReferences::value(const Value& value) {
  if (!literal_) return cfnValue(value, stack_);
  std::string text;
  if (literalText(value, text)) return text;
  unresolved_.push_back(model::describe(value));
  return cfnValue(value, stack_);
}

}  // namespace jaws::emit
