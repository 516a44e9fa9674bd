// CloudFormation intrinsics of a SAM template as .jaws expressions.
#include "import/SamValues.h"

#include <regex>

#include "import/CfnText.h"
#include "import/CfnConditions.h"
#include "import/JawsText.h"

namespace jaws::importer {

void SamValues::name(const std::string& logicalId, const std::string& declaration, Kind kind) {
  names_[logicalId] = Target{declaration, kind};
}

std::string SamValues::declaration(const std::string& logicalId) const {
  const auto found = names_.find(logicalId);
  return found == names_.end() ? "" : found->second.declaration;
}

std::optional<SamValues::Kind> SamValues::kind(const std::string& logicalId) const {
  const auto found = names_.find(logicalId);
  if (found == names_.end()) return std::nullopt;
  return found->second.kind;
}

std::optional<std::string> SamValues::expression(const YAML::Node& node, bool asString) {
  return valueExpression(
      node, asString, [this](const YAML::Node& at, const std::string& function, const YAML::Node& argument) { return intrinsic(at, function, argument); },
      [](const YAML::Node& text) -> std::optional<std::string> { return stringLiteral(text.Scalar()); });
}

std::optional<std::string> SamValues::reference(const YAML::Node& at, const std::string& target, const std::string& attribute) {
  if (attribute.empty()) {
    if (target == "AWS::Region") return std::string("region");
    if (target == "AWS::AccountId") return std::string("account");
    if (target == "AWS::StackName") return "\"" + escapedPiece(stackName_) + "-${stage}\"";
    if (target == "AWS::Partition") return std::string("\"aws\"");  // Jaws deploys to the aws partition
    if (target == "AWS::URLSuffix") return std::string("\"amazonaws.com\"");
    if (target == "AWS::NoValue") return std::string("null");
  }
  std::string id = target;
  std::string member;
  // What SAM generates for a function: its role and its URL.
  const auto generated = [&](const char* suffix) {
    const std::string s = suffix;
    if (id.size() > s.size() && id.compare(id.size() - s.size(), s.size(), s) == 0) {
      const std::string owner = id.substr(0, id.size() - s.size());
      if (kind(owner) == Kind::Function) return owner;
    }
    return std::string();
  };
  if (!names_.count(id)) {
    if (const std::string owner = generated("Role"); !owner.empty() && (attribute == "Arn" || attribute.empty())) {
      if (attribute.empty()) {
        report_.add(diag::ImportIntrinsicUnsupported(report_.at(at), "Ref " + target, "the role's name is not known; `fn.role` is its ARN"));
        return std::nullopt;
      }
      return declaration(owner) + ".role";
    }
    if (const std::string owner = generated("Url"); !owner.empty() && attribute == "FunctionUrl") return declaration(owner) + ".url";
  }
  const auto found = names_.find(id);
  if (found == names_.end()) {
    report_.add(diag::ImportIntrinsicUnsupported(report_.at(at), attribute.empty() ? "Ref " + target : "Fn::GetAtt " + target + "." + attribute,
                                                 "`" + target + "` is not a parameter or resource of this template"));
    return std::nullopt;
  }
  const Target& t = found->second;
  switch (t.kind) {
    case Kind::Stage: return std::string("stage");
    case Kind::Param: return t.declaration;
    case Kind::Condition: break;
    case Kind::Function:
      if (attribute.empty()) return t.declaration + ".name";
      if (attribute == "Arn") return t.declaration + ".arn";
      break;
    case Kind::RestApi:
    case Kind::HttpApi:
      if (attribute.empty() || attribute == "ApiId") return t.declaration + ".id";
      break;
    case Kind::Resource:
      if (attribute.empty()) return t.declaration + ".ref";
      if (attribute == "Arn") return t.declaration + ".arn";
      member = attribute;
      break;
  }
  if (member.empty() || !isIdentifier(member)) {
    report_.add(diag::ImportIntrinsicUnsupported(report_.at(at), attribute.empty() ? "Ref " + target : "Fn::GetAtt " + target + "." + attribute,
                                                 "Jaws has no member expression for it"));
    return std::nullopt;
  }
  return t.declaration + "." + member;
}

std::optional<std::string> SamValues::substitution(const YAML::Node& at, std::string text, const YAML::Node& variables) {
  // An API's invoke URL spelt out (`https://${Api}.execute-api.${AWS::Region}.${AWS::URLSuffix}/Prod`) is `api.url`:
  // Jaws names the API's stage after the stage being deployed.
  static const std::regex apiUrl(R"(^https://\$\{(\w+)\}\.execute-api\.\$\{AWS::Region\}\.(\$\{AWS::URLSuffix\}|amazonaws\.com)/(\$\{\w+\}|[A-Za-z0-9_-]+))");
  std::smatch match;
  std::string prefix;
  if (std::regex_search(text, match, apiUrl)) {
    const auto api = kind(match[1].str());
    if (api == Kind::RestApi || api == Kind::HttpApi) {
      prefix = "${" + declaration(match[1].str()) + ".url}";
      text = text.substr(static_cast<std::size_t>(match.length(0)));
    }
  }
  return substitutedString(
      text,
      [&](const std::string& name) -> std::optional<std::string> {
        if (const YAML::Node bound = child(variables, name)) return expression(bound, true);
        const auto parts = referenceParts(name);
        return reference(at, parts.first, parts.second);
      },
      prefix);
}

std::optional<std::string> SamValues::intrinsic(const YAML::Node& node, const std::string& function, const YAML::Node& argument) {
  if (function == "Ref" && argument.IsScalar()) return reference(node, argument.Scalar(), "");
  if (function == "Fn::GetAtt") {
    if (const auto target = getAttTarget(argument)) return reference(node, target->first, target->second);
  }
  if (function == "Fn::Sub" && argument.IsScalar()) return substitution(node, argument.Scalar(), YAML::Node(YAML::NodeType::Undefined));
  if (function == "Fn::Sub" && argument.IsSequence() && argument.size() == 2 && argument[0].IsScalar() && argument[1].IsMap())
    return substitution(node, argument[0].Scalar(), argument[1]);
  if (function == "Fn::Join" && argument.IsSequence() && argument.size() == 2 && argument[0].IsScalar() && argument[1].IsSequence()) {
    auto items = expression(argument[1], true);
    if (!items) return std::nullopt;
    return "join(" + stringLiteral(argument[0].Scalar()) + ", " + *items + ")";
  }
  if (function == "Fn::If")
    return ifExpression(report_, node, argument, conditionOperands(), [this](const YAML::Node& branch) { return expression(branch); });
  if (function == "Fn::FindInMap")
    return mappings_.findInMap(report_, node, argument, conditionOperands(), [this](const YAML::Node& cell) { return expression(cell); });
  std::string why = "it has no expression in Jaws";
  if (function == "Fn::ImportValue") why = "another stack's exports are not read; pass the value as a param";
  report_.add(diag::ImportIntrinsicUnsupported(report_.at(node), function, why));
  return std::nullopt;
}

ConditionOperands SamValues::conditionOperands() {
  ConditionOperands operands;
  // A leaf: a plain value, the stage or region, a param known when compiling.
  operands.operand = [this](const YAML::Node& node, bool& deployTime) -> std::optional<std::string> {
    const auto call = intrinsicOf(node);
    if (!call) return node.IsScalar() ? std::optional<std::string>(stringLiteral(node.Scalar())) : std::nullopt;
    if (call->first != "Ref" || !call->second.IsScalar()) {
      deployTime = true;
      return std::nullopt;
    }
    const std::string target = call->second.Scalar();
    if (target == "AWS::Region") return std::string("region");
    const auto found = names_.find(target);
    if (found == names_.end() || (found->second.kind != Kind::Param && found->second.kind != Kind::Stage)) {
      deployTime = true;
      return std::nullopt;
    }
    if (deployTime_.count(target)) deployTime = true;
    return found->second.kind == Kind::Stage ? "stage" : found->second.declaration;
  };
  operands.let = [this](const std::string& name) -> std::optional<std::string> {
    const auto found = names_.find(name);
    if (found == names_.end() || found->second.kind != Kind::Condition) return std::nullopt;
    return found->second.declaration;
  };
  return operands;
}

}  // namespace jaws::importer
