// The function options of a Serverless function (docs/functions.md): `name`,
// `tracing`, `vpc`, `role`, `onError`, `destinations` with the retry settings,
// `ephemeralStorageSize`; `tracing`, `vpc` and `role` of the provider apply to
// every function that does not set its own.
#include "import/JawsText.h"
#include "import/ServerlessParts.h"

namespace jaws::importer {

namespace {

// A role or destination written as a name of the file (`myRole`, a function
// `hello`), else the value as written.
std::optional<std::string> targetOf(ServerlessImport& import, const YAML::Node& node, bool function) {
  if (node.IsScalar() && node.Tag().size() <= 1 && node.Scalar().rfind("arn:", 0) != 0 && node.Scalar().find("${") == std::string::npos) {
    if (function && import.functionNames.count(node.Scalar())) return import.functionNames.at(node.Scalar()) + ".arn";
    if (!function && import.resourceNames.count(node.Scalar())) return import.resourceNames.at(node.Scalar()) + ".arn";
  }
  if (node.IsMap() && child(node, "arn")) return import.values.expression(child(node, "arn"), true);
  return import.values.expression(node, true);
}

std::optional<std::string> tracingOf(ServerlessImport& import, const YAML::Node& node) {
  const std::string text = node.IsScalar() ? node.Scalar() : "";
  if (text == "true" || text == "Active") return std::string("\"active\"");
  if (text == "PassThrough") return std::string("\"passthrough\"");
  if (text == "false") return std::nullopt;
  import.report.add(diag::ImportSettingUnsupported(import.report.at(node), "tracing", "tracing is `Active`, `PassThrough` or a boolean"));
  return std::nullopt;
}

std::optional<std::string> vpcOf(ServerlessImport& import, const YAML::Node& vpc) {
  const YAML::Node subnets = child(vpc, "subnetIds");
  const YAML::Node groups = child(vpc, "securityGroupIds");
  if (!subnets || !groups) {
    import.report.add(diag::ImportSettingUnsupported(import.report.at(vpc), "vpc", "a VPC needs `subnetIds` and `securityGroupIds`"));
    return std::nullopt;
  }
  auto subnetList = import.values.expression(subnets, true);
  auto groupList = subnetList ? import.values.expression(groups, true) : std::nullopt;
  if (!subnetList || !groupList) return std::nullopt;
  return "{ subnets = " + *subnetList + ", securityGroups = " + *groupList + " }";
}

}  // namespace

void importFunctionOptions(ServerlessImport& import, const YAML::Node& fn, std::vector<std::string>& lines) {
  const YAML::Node provider = child(import.root, "provider");
  if (const YAML::Node name = child(fn, "name")) {
    if (auto v = import.values.expression(name, true)) lines.push_back("name = " + *v);
  }
  const YAML::Node tracing = child(fn, "tracing") ? child(fn, "tracing") : child(child(provider, "tracing"), "lambda");
  if (tracing) {
    if (auto v = tracingOf(import, tracing)) lines.push_back("tracing = " + *v);
  }
  if (const YAML::Node vpc = child(fn, "vpc") ? child(fn, "vpc") : child(provider, "vpc")) {
    if (auto v = vpcOf(import, vpc)) lines.push_back("vpc = " + *v);
  }
  YAML::Node role;
  role.reset(child(fn, "role") ? child(fn, "role") : child(provider, "role"));
  if (!role && child(child(provider, "iam"), "role") && !child(child(provider, "iam"), "role").IsMap()) role.reset(child(child(provider, "iam"), "role"));
  if (role) {
    if (auto v = targetOf(import, role, false)) lines.push_back("role = " + *v);
  }
  if (const YAML::Node onError = child(fn, "onError")) {
    if (auto v = targetOf(import, onError, false)) lines.push_back("deadLetter = " + *v);
  }
  std::vector<std::string> async;
  if (const YAML::Node retries = child(fn, "maximumRetryAttempts")) {
    if (auto v = import.values.expression(retries)) async.push_back("retries = " + *v);
  }
  if (const YAML::Node age = child(fn, "maximumEventAge")) {
    if (auto v = import.values.expression(age)) async.push_back("maxAge = " + *v + "s");
  }
  for (const auto& entry : child(fn, "destinations")) {
    const std::string key = entry.first.Scalar();
    if (key != "onSuccess" && key != "onFailure") {
      import.report.add(diag::ImportSettingUnsupported(import.report.at(entry.first), "destinations." + key, "destinations are onSuccess and onFailure"));
      continue;
    }
    if (auto v = targetOf(import, entry.second, true)) async.push_back(key + " = " + *v);
  }
  if (!async.empty()) {
    std::string text = "{ ";
    for (std::size_t i = 0; i < async.size(); ++i) text += (i ? ", " : "") + async[i];
    lines.push_back("async = " + text + " }");
  }
  if (const YAML::Node storage = child(fn, "ephemeralStorageSize")) {
    if (storage.IsScalar() && !plainLiteral(storage.Scalar()).empty()) lines.push_back("storage = " + storage.Scalar() + "MB");
    else import.report.add(diag::ImportSettingUnsupported(import.report.at(storage), "ephemeralStorageSize", "only a plain number is translated"));
  }
}

}  // namespace jaws::importer
