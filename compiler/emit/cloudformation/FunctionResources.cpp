// A function's resources: the AWS::Lambda::Function, its own
// AWS::IAM::Role (least privilege: write to its own log group, plus exactly
// its `permissions` and what its options need; none with `role`), its
// AWS::Logs::LogGroup, its options (FunctionOptionResources.cpp), and per schedule an
// AWS::Events::Rule with the permission to invoke the function. Its `events`
// are emitted by emit/cloudformation/events/.
#include <set>

#include "emit/JsonObjects.h"
#include "emit/cloudformation/CfnNames.h"
#include "emit/cloudformation/CfnValues.h"
#include "emit/cloudformation/CodeParameters.h"
#include "emit/cloudformation/FunctionOptions.h"
#include "emit/cloudformation/TemplateResources.h"
#include "emit/cloudformation/events/EventResources.h"

namespace jaws::emit {

namespace {

std::map<std::string, std::string> mergedTags(const model::Stack& stack, const model::Function& fn) {
  std::map<std::string, std::string> tags = stack.project.tags;
  for (const auto& [key, value] : fn.tags) tags[key] = value;
  return tags;
}

Json roleResource(const model::Stack& stack, const model::Function& fn, const std::set<std::string>& secureParameters) {
  Json statements = Json::array();
  statements.push_back(Json{{"Effect", "Allow"},
                            {"Action", Json::array({"logs:CreateLogStream", "logs:PutLogEvents"})},
                            {"Resource", getAtt(names::logGroup(fn.name), "Arn")}});
  for (const auto& permission : fn.permissions) {
    Json resources = Json::array();
    for (const auto& resource : permission.resources) resources.push_back(cfnValue(resource, stack));
    statements.push_back(Json{{"Effect", "Allow"}, {"Action", permission.actions}, {"Resource", std::move(resources)}});
  }
  for (auto& statement : functionOptionStatements(stack, fn)) statements.push_back(std::move(statement));
  if (!secureParameters.empty()) {
    Json resources = Json::array();
    for (const auto& name : secureParameters) resources.push_back(ssmParameterArn(name));
    statements.push_back(Json{{"Effect", "Allow"}, {"Action", Json::array({"ssm:GetParameter"})}, {"Resource", std::move(resources)}});
  }
  std::map<std::string, Json> properties;
  properties["AssumeRolePolicyDocument"] =
      Json{{"Version", "2012-10-17"},
           {"Statement", Json::array({Json{{"Effect", "Allow"},
                                           {"Principal", Json{{"Service", "lambda.amazonaws.com"}}},
                                           {"Action", "sts:AssumeRole"}}})}};
  properties["Policies"] = Json::array(
      {Json{{"PolicyName", "function"}, {"PolicyDocument", Json{{"Version", "2012-10-17"}, {"Statement", std::move(statements)}}}}});
  const auto tags = mergedTags(stack, fn);
  if (!tags.empty()) properties["Tags"] = tagList(tags);
  return Json{{"Type", "AWS::IAM::Role"}, {"Properties", sortedObject(std::move(properties))}};
}

Json logGroupResource(const model::Stack& stack, const model::Function& fn) {
  std::map<std::string, Json> properties;
  properties["LogGroupName"] = "/aws/lambda/" + fn.functionName;
  if (fn.logRetentionDays) properties["RetentionInDays"] = *fn.logRetentionDays;
  const auto tags = mergedTags(stack, fn);
  if (!tags.empty()) properties["Tags"] = tagList(tags);
  return Json{{"Type", "AWS::Logs::LogGroup"}, {"Properties", sortedObject(std::move(properties))}};
}

}  // namespace

Json tagList(const std::map<std::string, std::string>& tags) {
  Json out = Json::array();
  for (const auto& [key, value] : tags) out.push_back(Json{{"Key", key}, {"Value", value}});
  return out;
}

Json sortedObject(std::map<std::string, Json> entries) {
  Json out = Json::object();
  reserveMembers(out, entries.size());
  for (auto& [key, value] : entries) appendMember(out, key, std::move(value));
  return out;
}

void addFunctionResources(const model::Stack& stack, const model::Function& fn, const std::string& codeKeyParameter,
                          ResourceMap& resources) {
  const std::string functionId = names::function(fn.name);

  // A @secure SSM value cannot be resolved into an environment variable
  // (ssm-secure is refused there): the function gets the parameter's name in
  // NAME_SSM_PARAMETER and the right to read it. See docs/artifacts.md.
  std::map<std::string, Json> variables;
  std::set<std::string> secureParameters;
  for (const auto& [name, value] : fn.environment) {
    if (isSecureSsm(value)) {
      variables[name + kSsmParameterSuffix] = value.ref.name;
      secureParameters.insert(value.ref.name);
    } else {
      variables[name] = cfnString(value, stack);
    }
  }

  std::map<std::string, Json> properties;
  properties["Architectures"] = Json::array({fn.architecture.empty() ? "x86_64" : fn.architecture});
  properties["Code"] = Json{{"S3Bucket", refTo(kCodeBucketParameter)}, {"S3Key", refTo(codeKeyParameter)}};
  if (!fn.description.empty()) properties["Description"] = fn.description;
  if (!variables.empty()) properties["Environment"] = Json{{"Variables", sortedObject(std::move(variables))}};
  properties["FunctionName"] = fn.functionName;
  // As written, for every runtime: Node.js and Python both take
  // `path/module.export` (Node resolves the file from the package root, Python
  // imports `path/module` with `/` read as `.`), and a custom runtime's
  // handler is whatever its bootstrap expects.
  properties["Handler"] = fn.handler.empty() ? fn.handlerModule + "." + fn.handlerExport : fn.handler;
  if (!fn.layers.empty()) {
    Json layers = Json::array();
    for (const auto& layer : fn.layers) layers.push_back(cfnValue(layer, stack));
    properties["Layers"] = layers;
  }
  properties["MemorySize"] = fn.memoryMb;
  if (fn.reservedConcurrency) properties["ReservedConcurrentExecutions"] = *fn.reservedConcurrency;
  properties["Role"] = getAtt(names::role(fn.name), "Arn");
  properties["Runtime"] = fn.runtime;
  const auto tags = mergedTags(stack, fn);
  if (!tags.empty()) properties["Tags"] = tagList(tags);
  properties["Timeout"] = fn.timeoutSeconds;
  addFunctionOptionProperties(stack, fn, properties);  // may replace Role with a given one

  // The log group must exist before the function can first write to it, or
  // Lambda creates it itself (unmanaged, never expiring) and the stack fails.
  resources[functionId] = Json{{"Type", "AWS::Lambda::Function"},
                               {"DependsOn", names::logGroup(fn.name)},
                               {"Properties", sortedObject(std::move(properties))}};
  // With `role`, the function runs under that role: none is generated.
  if (!fn.options.role) resources[names::role(fn.name)] = roleResource(stack, fn, secureParameters);
  resources[names::logGroup(fn.name)] = logGroupResource(stack, fn);
  addAsyncInvokeConfig(stack, fn, resources);

  // The events (emit/cloudformation/events/) add theirs once every resource is in place.
  for (std::size_t i = 0; i < fn.schedules.size(); ++i) {
    addRuleResources(RuleTarget{names::scheduleRule(fn.name, i), names::schedulePermission(fn.name, i), functionId,
                                fn.schedules[i].expression, std::nullopt, std::nullopt, std::nullopt, true},
                     resources);
  }
}

}  // namespace jaws::emit
