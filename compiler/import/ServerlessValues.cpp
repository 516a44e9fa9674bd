// Serverless variables and CloudFormation intrinsics as .jaws expressions.
#include "import/ServerlessValues.h"

#include <algorithm>

#include "import/CfnConditions.h"
#include "import/CfnText.h"
#include "import/JawsText.h"

namespace jaws::importer {

namespace {

constexpr int kMaxDepth = 10;  // `${self:...}` chains deeper than this are a cycle

std::string trim(std::string text) {
  const auto begin = text.find_first_not_of(" \t");
  if (begin == std::string::npos) return "";
  const auto end = text.find_last_not_of(" \t");
  return text.substr(begin, end - begin + 1);
}

std::string unquote(std::string text) {
  text = trim(text);
  if (text.size() >= 2 && (text.front() == '\'' || text.front() == '"') && text.back() == text.front())
    return text.substr(1, text.size() - 2);
  return text;
}

// Splits `a, b` at its first top-level comma (a variable's fallback).
std::pair<std::string, std::string> splitFallback(const std::string& inner) {
  int depth = 0;
  for (std::size_t i = 0; i < inner.size(); ++i) {
    if (inner.compare(i, 2, "${") == 0) ++depth;
    if (inner[i] == '}') --depth;
    if (inner[i] == ',' && depth == 0) return {trim(inner.substr(0, i)), trim(inner.substr(i + 1))};
  }
  return {trim(inner), ""};
}

}  // namespace

ServerlessValues::ServerlessValues(const YAML::Node& root, ImportReport& report) : root_(root), report_(report) {
  if (root["service"] && root["service"].IsScalar()) service_ = root["service"].Scalar();
  if (root["service"] && root["service"].IsMap() && child(root["service"], "name")) service_ = child(root["service"], "name").Scalar();
  // The default stage and region: a plain value, or a variable's fallback.
  const auto plainOrFallback = [](const YAML::Node& node, std::string& out) {
    if (!node || !node.IsScalar()) return;
    const std::string text = node.Scalar();
    if (text.find("${") == std::string::npos) {
      out = text;
    } else {
      // `${opt:stage, 'dev'}`, also nested: `${opt:region, ${env:REGION, 'eu-west-1'}}`.
      std::string current = text;
      for (int depth = 0; depth < kMaxDepth && current.rfind("${", 0) == 0 && current.back() == '}'; ++depth)
        current = unquote(splitFallback(current.substr(2, current.size() - 3)).second);
      // Serverless v3 chains sources: `${opt:region, env:REGION, 'eu-west-1'}`.
      while (current.find(',') != std::string::npos && current.rfind("${", 0) != 0)
        current = unquote(splitFallback(current).second);
      if (!current.empty() && current.find("${") == std::string::npos) out = current;
    }
  };
  plainOrFallback(child(child(root, "provider"), "stage"), defaultStage_);
  plainOrFallback(child(child(root, "provider"), "region"), defaultRegion_);
}

void ServerlessValues::name(const std::string& logicalId, const std::string& declaration, const std::string& kind) {
  names_[logicalId] = Target{declaration, kind};
}

std::string ServerlessValues::addParam(ImportedParam param) {
  const std::string name = param.name;
  params_.emplace(name, std::move(param));
  return name;
}

std::optional<std::string> ServerlessValues::stageParam(const YAML::Node& at, const std::string& key,
                                                        const std::string& fallback, int depth) {
  const YAML::Node params = child(root_, "params");
  bool set = false;
  if (params && params.IsMap())
    for (const auto& stage : params) set = set || (stage.second.IsMap() && child(stage.second, key));
  if (!set) {
    if (!fallback.empty()) return fallbackValue(at, fallback, depth);
    report_.add(diag::ImportVariableUnsupported(report_.at(at), "${param:" + key + "}",
                                                "no stage of the file's `params` sets `" + key + "`"));
    return std::nullopt;
  }
  const std::string name = declarationName(key);
  if (stageParamsUsed_.insert(key).second && !params_.count(name)) {
    // Serverless puts a param's text where it is named; string is the type that
    // fits most uses (environment variables, names, ARNs), as for `custom` values.
    std::string initial;
    if (const YAML::Node value = child(child(params, "default"), key)) {
      auto expression = this->expression(value, true);
      if (!expression) return std::nullopt;
      initial = *expression;
    } else if (!fallback.empty()) {
      auto expression = fallbackValue(at, fallback, depth);
      if (!expression) return std::nullopt;
      initial = *expression;
    }
    addParam({name, "string", initial, "`params." + key + "` of the serverless.yml, set per stage"});
  }
  return name;
}

std::vector<ServerlessValues::StageValues> ServerlessValues::stages() {
  std::vector<StageValues> out{{defaultStage_, {}}};
  const YAML::Node params = child(root_, "params");
  if (!params || !params.IsMap()) return out;
  for (const auto& stage : params) {
    const std::string stageName = stage.first.Scalar();
    if (stageName != "default" && stageName != defaultStage_) out.push_back({stageName, {}});
  }
  // A stage's value may name another param (`${param:other}`), declared then:
  // translate until no new param appears.
  std::set<std::string> written;
  for (bool added = true; added;) {
    added = false;
    const std::set<std::string> used = stageParamsUsed_;
    for (const std::string& key : used) {
      if (!written.insert(key).second) continue;
      added = true;
      for (StageValues& stage : out) {
        const YAML::Node value = child(child(params, stage.stage), key);
        if (!value) continue;
        if (auto expression = this->expression(value, true))
          stage.values.emplace_back(declarationName(key), *expression);
      }
    }
  }
  for (const auto& stage : params) {
    if (!stage.second.IsMap()) continue;
    for (const auto& entry : stage.second)
      if (!stageParamsUsed_.count(entry.first.Scalar()))
        report_.add(diag::ImportSettingUnsupported(report_.at(entry.first), "params." + stage.first.Scalar() + "." + entry.first.Scalar(),
                                                   "no value of the file refers to it"));
  }
  return out;
}

std::optional<std::string> ServerlessValues::literal(const YAML::Node& node) {
  if (!node || !node.IsScalar()) return std::nullopt;
  if (node.Scalar().find("${") != std::string::npos) return std::nullopt;
  return node.Scalar();
}

std::optional<std::string> ServerlessValues::expression(const YAML::Node& node, bool asString) {
  return valueExpression(
      node, asString, [this](const YAML::Node& at, const std::string& function, const YAML::Node& argument) { return intrinsic(at, function, argument); },
      [this](const YAML::Node& text) -> std::optional<std::string> { return stringExpression(text); });
}

std::optional<std::string> ServerlessValues::stringExpression(const YAML::Node& node) {
  return stringWithVariables(node, node.Scalar(), 0);
}

std::optional<std::string> ServerlessValues::stringWithVariables(const YAML::Node& at, const std::string& text, int depth) {
  // A text that is exactly one variable keeps the variable's own type.
  if (text.rfind("${", 0) == 0 && closingBrace(text, 0) == text.size() - 1)
    return variable(at, text.substr(2, text.size() - 3), depth);
  std::string out = "\"";
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t open = text.find("${", i);
    if (open == std::string::npos) {
      out += escapedPiece(text.substr(i));
      break;
    }
    out += escapedPiece(text.substr(i, open - i));
    const std::size_t close = closingBrace(text, open);
    if (close == std::string::npos) {
      out += escapedPiece(text.substr(open));
      break;
    }
    auto value = variable(at, text.substr(open + 2, close - open - 2), depth);
    if (!value) return std::nullopt;
    out += interpolated(*value);
    i = close + 1;
  }
  return out + "\"";
}

std::optional<std::string> ServerlessValues::fallbackValue(const YAML::Node& at, const std::string& fallback, int depth) {
  // A quoted literal, or another source (`env:REGION, 'x'`), or a text with variables.
  if (!fallback.empty() && fallback[0] != '\'' && fallback[0] != '"' && fallback.rfind("${", 0) != 0 &&
      fallback.find(':') != std::string::npos)
    return variable(at, fallback, depth + 1);
  return stringWithVariables(at, unquote(fallback), depth + 1);
}

std::optional<std::string> ServerlessValues::variable(const YAML::Node& at, const std::string& inner, int depth) {
  const std::string whole = "${" + inner + "}";
  if (depth > kMaxDepth) {
    report_.add(diag::ImportVariableUnsupported(report_.at(at), whole, "its references form a cycle"));
    return std::nullopt;
  }
  const auto [address, fallback] = splitFallback(inner);
  const std::string source = address.substr(0, address.find(':'));
  const std::string path = address.find(':') == std::string::npos ? "" : trim(address.substr(address.find(':') + 1));
  if (address == "sls:stage" || address == "opt:stage" || address == "self:provider.stage") return std::string("stage");
  if (address == "opt:region" || address == "aws:region" || address == "self:provider.region") return std::string("region");
  if (address == "aws:accountId") return std::string("account");
  if (address == "self:service" || address == "self:service.name") return stringLiteral(service_);
  if (source == "param") return stageParam(at, path, fallback, depth);
  if (source == "self") {
    // `custom` values become params (scalars) or lets (objects), by name.
    if (path.rfind("custom.", 0) == 0) {
      const std::string key = path.substr(7, path.find('.', 7) == std::string::npos ? std::string::npos : path.find('.', 7) - 7);
      const YAML::Node value = child(child(root_, "custom"), key);
      if (value && value.IsScalar()) {
        customUsed_.insert(key);
        const std::string rest = path.substr(7 + key.size());
        if (rest.empty()) {
          if (!params_.count(declarationName(key))) {
            auto initial = stringWithVariables(value, value.Scalar(), depth + 1);
            if (!initial) return std::nullopt;
            addParam({declarationName(key), "string", *initial, "`custom." + key + "` of the serverless.yml"});
          }
          return declarationName(key);
        }
      }
    }
    // Any other path: the value it names, translated where it is written.
    // reset(), not `=`: assigning a yaml-cpp node writes into the tree.
    YAML::Node node;
    node.reset(root_);
    std::string remaining = path;
    while (!remaining.empty()) {
      const std::size_t dot = remaining.find('.');
      const YAML::Node next = child(node, remaining.substr(0, dot));
      node.reset(next);
      if (!node) break;
      remaining = dot == std::string::npos ? "" : remaining.substr(dot + 1);
    }
    if (node && node.IsDefined() && !node.IsNull()) {
      if (node.IsScalar()) return stringWithVariables(at, node.Scalar(), depth + 1);
      return expression(node);
    }
    if (!fallback.empty()) return fallbackValue(at, fallback, depth);
    report_.add(diag::ImportVariableUnsupported(report_.at(at), whole, "the file has no value at `" + path + "`"));
    return std::nullopt;
  }
  if (source == "ssm") {
    const std::string name = path.rfind("/aws/reference/secretsmanager/", 0) == 0 ? path : path;
    std::string paramName = declarationName(name.substr(name.find_last_of('/') + 1));
    if (paramName == "_" || paramName.empty()) paramName = "ssmValue";
    if (!params_.count(paramName)) {
      auto location = stringWithVariables(at, name, depth + 1);
      if (!location) return std::nullopt;
      addParam({paramName, "string", "ssm(" + *location + ")", "Read from SSM (`" + whole + "` in the serverless.yml)"});
    }
    return paramName;
  }
  if (source == "env") {
    const std::string paramName = declarationName(path);
    if (!params_.count(paramName)) {
      std::string initial;
      if (!fallback.empty()) {
        auto value = fallbackValue(at, fallback, depth);
        if (!value) return std::nullopt;
        initial = *value;
      } else {
        report_.add(diag::ImportVariableUnsupported(
            report_.at(at), whole, "the environment variable becomes the param `" + paramName + "`, which every stage must set"));
      }
      addParam({paramName, "string", initial, "The environment variable `" + path + "` when Serverless ran"});
    }
    return paramName;
  }
  if (source == "opt" && !fallback.empty()) return fallbackValue(at, fallback, depth);
  if (inner.find(':') == std::string::npos && inner.rfind("file(", 0) != 0) {
    // `${AWS::Region}`-style names outside Fn::Sub are CloudFormation's, not Serverless's.
    report_.add(diag::ImportVariableUnsupported(report_.at(at), whole, "it is not a Serverless variable"));
    return std::nullopt;
  }
  std::string why = "Jaws has no `" + source + "` variable source";
  if (inner.rfind("file(", 0) == 0) why = "another file's values are not read; copy them into params";
  if (source == "cf") why = "another stack's outputs are not read; pass the value as a param";
  report_.add(diag::ImportVariableUnsupported(report_.at(at), whole, why));
  return std::nullopt;
}

std::optional<std::string> ServerlessValues::reference(const YAML::Node& at, const std::string& target, const std::string& attribute) {
  if (attribute.empty()) {
    if (target == "AWS::Region") return std::string("region");
    if (target == "AWS::AccountId") return std::string("account");
    if (target == "AWS::StackName") return "\"" + escapedPiece(declarationName(service_)) + "-${stage}\"";
  }
  const auto found = names_.find(target);
  if (found == names_.end()) {
    report_.add(diag::ImportIntrinsicUnsupported(report_.at(at), attribute.empty() ? "Ref " + target : "Fn::GetAtt " + target + "." + attribute,
                                                 "`" + target + "` is not a resource of this file"));
    return std::nullopt;
  }
  const Target& t = found->second;
  if (t.kind == "function") return t.declaration + (attribute.empty() ? ".name" : attribute == "Arn" ? ".arn" : "");
  if (t.kind == "api") return t.declaration + ".id";
  if (attribute.empty()) return t.declaration + ".ref";
  if (attribute == "Arn") return t.declaration + ".arn";
  if (!isIdentifier(attribute)) {
    report_.add(diag::ImportIntrinsicUnsupported(report_.at(at), "Fn::GetAtt " + target + "." + attribute,
                                                 "an attribute with a dot has no member expression"));
    return std::nullopt;
  }
  return t.declaration + "." + attribute;
}

std::optional<std::string> ServerlessValues::substitution(const YAML::Node& at, const std::string& text) {
  return substitutedString(text, [&](const std::string& name) -> std::optional<std::string> {
    if (name.find(':') != std::string::npos && name.rfind("AWS::", 0) != 0) return variable(at, name, 0);  // a Serverless variable inside Fn::Sub
    const auto parts = referenceParts(name);
    return reference(at, parts.first, parts.second);
  });
}

std::optional<std::string> ServerlessValues::intrinsic(const YAML::Node& node, const std::string& function, const YAML::Node& argument) {
  if (function == "Ref" && argument.IsScalar()) return reference(node, argument.Scalar(), "");
  if (function == "Fn::GetAtt") {
    if (const auto target = getAttTarget(argument)) return reference(node, target->first, target->second);
  }
  if (function == "Fn::Sub" && argument.IsScalar()) return substitution(node, argument.Scalar());
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

ConditionOperands ServerlessValues::conditionOperands() {
  ConditionOperands operands;
  // A leaf: a plain value, or one with variables known when compiling
  // (`${sls:stage}`, `${opt:stage}`, `${self:provider.stage}`, `${param:...}`,
  // `${self:custom...}`); `Ref AWS::Region`.
  operands.operand = [this](const YAML::Node& node, bool& deployTime) -> std::optional<std::string> {
    if (const auto call = intrinsicOf(node)) {
      if (call->first == "Ref" && call->second.IsScalar() && call->second.Scalar() == "AWS::Region") return std::string("region");
      deployTime = true;
      return std::nullopt;
    }
    if (!node.IsScalar()) return std::nullopt;
    const std::string& text = node.Scalar();
    for (const char* source : {"${ssm:", "${cf:", "${s3:", "${aws:accountId"}) {
      if (text.find(source) != std::string::npos) {
        deployTime = true;
        return std::nullopt;
      }
    }
    return text.find("${") == std::string::npos ? stringLiteral(text) : stringExpression(node);
  };
  operands.let = [this](const std::string& name) -> std::optional<std::string> {
    const auto found = names_.find(name);
    if (found == names_.end() || found->second.kind != "condition") return std::nullopt;
    return found->second.declaration;
  };
  return operands;
}

}  // namespace jaws::importer
