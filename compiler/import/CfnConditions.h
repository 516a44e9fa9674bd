#pragma once
// CloudFormation `Conditions` as the language's own bool expressions, for both
// importers: `Fn::Equals`, `Fn::Not`, `Fn::And`, `Fn::Or` and `Condition` over
// values known when compiling (the stage, the region, params) become
// `let isProd = stage == "prod"`, a `Condition:` `@when(isProd)`, and `Fn::If`
// `isProd ? a : b`. What the leaves are differs by format (a SAM parameter, a
// serverless.yml's `${sls:stage}`): each importer gives them.
#include <functional>
#include <optional>
#include <string>
#include <yaml-cpp/yaml.h>

#include "import/ImportReport.h"

namespace jaws::importer {

struct ConditionOperands {
  // A leaf of a condition (a `Ref`, a plain value) as an expression; nullopt,
  // with `deployTime` set when the value is known only at deploy time.
  std::function<std::optional<std::string>(const YAML::Node& node, bool& deployTime)> operand;
  // The let a condition of the file became, or nullopt when it was not carried over.
  std::function<std::optional<std::string>(const std::string& name)> let;
};

// The `let` declarations of a `Conditions` map, each named by `declaration(id)`;
// a condition that cannot be translated is reported (JW6012) and passed to
// `leftOut(id)` (its uses are then reported where they are).
std::string conditionLets(ImportReport& report, const YAML::Node& conditions, const ConditionOperands& operands,
                          const std::function<std::string(const std::string&)>& declaration,
                          const std::function<void(const std::string&)>& leftOut);

// `Condition: Name` on a declaration as `@when(name)\n`; "" and reported (JW6012)
// when the condition was not carried over.
std::string whenDecorator(ImportReport& report, const YAML::Node& condition, const ConditionOperands& operands);

// `Fn::If [condition, yes, no]` as `(condition ? yes : no)`, the branches through
// `expression`; reported (JW6008) when the condition was not carried over.
std::optional<std::string> ifExpression(ImportReport& report, const YAML::Node& at, const YAML::Node& argument,
                                        const ConditionOperands& operands,
                                        const std::function<std::optional<std::string>(const YAML::Node&)>& expression);

}  // namespace jaws::importer
