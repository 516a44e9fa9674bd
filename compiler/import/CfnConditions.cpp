// CloudFormation's condition functions as bool expressions (CfnConditions.h).
#include "import/CfnConditions.h"

#include "import/CfnText.h"
#include "import/JawsText.h"

namespace jaws::importer {

namespace {

std::optional<std::string> conditionPart(const YAML::Node& node, const ConditionOperands& operands, bool& deployTime) {
  const auto call = intrinsicOf(node);
  const std::string function = call ? call->first : "";
  const YAML::Node argument = call ? call->second : YAML::Node();
  const auto combined = [&](const char* separator, bool negate) -> std::optional<std::string> {
    if (!argument.IsSequence() || argument.size() == 0) return std::nullopt;
    std::vector<std::string> parts;
    for (const YAML::Node& item : argument) {
      auto part = conditionPart(item, operands, deployTime);
      if (!part) return std::nullopt;
      parts.push_back(*part);
    }
    if (negate && parts.size() != 1) return std::nullopt;
    if (negate) return parts[0].front() == '(' ? "!" + parts[0] : "!(" + parts[0] + ")";  // a group already has its parentheses
    return "(" + joinText(parts, separator) + ")";
  };
  if (function == "Fn::Equals") {
    if (!argument.IsSequence() || argument.size() != 2) return std::nullopt;
    return combined(" == ", false);
  }
  if (function == "Fn::Not") return combined("", true);
  if (function == "Fn::And") return combined(" && ", false);
  if (function == "Fn::Or") return combined(" || ", false);
  if (function == "Condition") return argument.IsScalar() ? operands.let(argument.Scalar()) : std::nullopt;
  return operands.operand(node, deployTime);
}

std::optional<std::string> condition(ImportReport& report, const std::string& name, const YAML::Node& node, const ConditionOperands& operands) {
  bool deployTime = false;
  auto text = conditionPart(node, operands, deployTime);
  if (text && !deployTime) {
    // The outer parentheses of `(a == b)` are the formatter's to drop; keep them simple.
    if (text->size() > 2 && text->front() == '(' && text->back() == ')' && text->find('(', 1) == std::string::npos)
      *text = text->substr(1, text->size() - 2);
    return text;
  }
  report.add(diag::ImportConditionUnsupported(report.at(node), name,
                                              deployTime ? "it tests a value known only at deploy time (a resource, an SSM parameter, the account)"
                                                         : "it uses a function Jaws conditions do not have"));
  return std::nullopt;
}

}  // namespace

std::string conditionLets(ImportReport& report, const YAML::Node& conditions, const ConditionOperands& operands,
                          const std::function<std::string(const std::string&)>& declaration,
                          const std::function<void(const std::string&)>& leftOut) {
  std::string out;
  if (!conditions || !conditions.IsMap()) return out;
  for (const auto& entry : conditions) {
    const std::string id = entry.first.Scalar();
    auto text = condition(report, id, entry.second, operands);
    if (!text) {
      leftOut(id);
      continue;
    }
    out += "/// The template's condition `" + id + "`.\nlet " + declaration(id) + " = " + *text + "\n\n";
  }
  return out;
}

std::string whenDecorator(ImportReport& report, const YAML::Node& condition, const ConditionOperands& operands) {
  const std::string name = condition.IsScalar() ? condition.Scalar() : "";
  if (auto let = operands.let(name)) return "@when(" + *let + ")\n";
  report.add(diag::ImportConditionUnsupported(report.at(condition), name, "the declaration is written for every stage"));
  return "";
}

std::optional<std::string> ifExpression(ImportReport& report, const YAML::Node& at, const YAML::Node& argument,
                                        const ConditionOperands& operands,
                                        const std::function<std::optional<std::string>(const YAML::Node&)>& expression) {
  if (argument.IsSequence() && argument.size() == 3 && argument[0].IsScalar()) {
    if (auto let = operands.let(argument[0].Scalar())) {
      auto yes = expression(argument[1]);
      auto no = yes ? expression(argument[2]) : std::nullopt;
      if (!yes || !no) return std::nullopt;
      return "(" + *let + " ? " + *yes + " : " + *no + ")";
    }
  }
  report.add(diag::ImportIntrinsicUnsupported(report.at(at), "Fn::If" + (argument.IsSequence() && argument.size() && argument[0].IsScalar() ? " " + argument[0].Scalar() : std::string()),
                                              "its condition is not one the import carried over"));
  return std::nullopt;
}

}  // namespace jaws::importer
