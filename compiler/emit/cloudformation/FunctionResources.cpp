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

Json allowStatement(Json actions, Json resource) {
  return jsonObject({{"Effect", "Allow"}, {"Action", std::move(actions)}, {"Resource", std::move(resource)}});
}

// `tags` is the function's tag list (null: none), copied into the role.
Json roleResource(const model::Stack& stack, const model::Function& fn, const std::set<std::string>& secureParameters,
                  const Json& tags) {
  std::vector<Json> options = functionOptionStatements(stack, fn);
  Json statements = Json::array();
  statements.get_ref<Json::array_t&>().reserve(2 + fn.permissions.size() + options.size());
  statements.push_back(allowStatement(Json::array({"logs:CreateLogStream", "logs:PutLogEvents"}),
                                      getAtt(names::logGroup(fn.name), "Arn")));
  for (const auto& permission : fn.permissions) {
    Json resources = Json::array();
    resources.get_ref<Json::array_t&>().reserve(permission.resources.size());
    for (const auto& resource : permission.resources) resources.push_back(cfnValue(resource, stack));
    statements.push_back(allowStatement(permission.actions, std::move(resources)));
  }
  for (auto& statement : options) statements.push_back(std::move(statement));
  if (!secureParameters.empty()) {
    Json resources = Json::array();
    for (const auto& name : secureParameters) resources.push_back(ssmParameterArn(name));
    statements.push_back(allowStatement(Json::array({"ssm:GetParameter"}), std::move(resources)));
  }
  JsonMembers properties(3);  // in key order
  properties.append("AssumeRolePolicyDocument",
                    jsonObject({{"Version", "2012-10-17"},
                                {"Statement", Json::array({jsonObject({{"Effect", "Allow"},
                                                                       {"Principal", jsonObject({{"Service", "lambda.amazonaws.com"}})},
                                                                       {"Action", "sts:AssumeRole"}})})}}));
  properties.append("Policies", Json::array({jsonObject(
                                    {{"PolicyName", "function"},
                                     {"PolicyDocument", jsonObject({{"Version", "2012-10-17"}, {"Statement", std::move(statements)}})}})}));
  if (!tags.is_null()) properties.append("Tags", tags);
  return jsonObject({{"Type", "AWS::IAM::Role"}, {"Properties", std::move(properties).inOrder()}});
}

Json logGroupResource(const model::Function& fn, const Json& tags) {
  JsonMembers properties(3);  // in key order
  properties.append("LogGroupName", "/aws/lambda/" + fn.functionName);
  if (fn.logRetentionDays) properties.append("RetentionInDays", *fn.logRetentionDays);
  if (!tags.is_null()) properties.append("Tags", tags);
  return jsonObject({{"Type", "AWS::Logs::LogGroup"}, {"Properties", std::move(properties).inOrder()}});
}

}  // namespace

Json tagList(const std::map<std::string, std::string>& tags) {
  Json out = Json::array();
  out.get_ref<Json::array_t&>().reserve(tags.size());
  for (const auto& [key, value] : tags) out.push_back(jsonObject({{"Key", key}, {"Value", value}}));
  return out;
}

Json sortedObject(std::map<std::string, Json> entries) {
  Json out = Json::object();
  reserveMembers(out, entries.size());
  while (!entries.empty()) {
    auto node = entries.extract(entries.begin());  // its key moves, not copied
    appendMember(out, std::move(node.key()), std::move(node.mapped()));
  }
  return out;
}

void addFunctionResources(const model::Stack& stack, const model::Function& fn, const std::string& codeKeyParameter,
                          ResourceMap& resources) {
  const std::string functionId = names::function(fn.name);

  // A @secure SSM value cannot be resolved into an environment variable
  // (ssm-secure is refused there): the function gets the parameter's name in
  // NAME_SSM_PARAMETER and the right to read it. See docs/artifacts.md.
  JsonMembers variables(fn.environment.size());
  std::set<std::string> secureParameters;
  for (const auto& [name, value] : fn.environment) {
    if (isSecureSsm(value)) {
      variables[name + kSsmParameterSuffix] = value.ref.name;
      secureParameters.insert(value.ref.name);
    } else {
      variables[name] = cfnString(value, stack);
    }
  }
  const auto tagMap = mergedTags(stack, fn);
  const Json tags = tagMap.empty() ? Json() : tagList(tagMap);  // the function's, its role's and its log group's

  JsonMembers properties(20);  // appended in key order; the options may add more
  properties.append("Architectures", Json::array({fn.architecture.empty() ? "x86_64" : fn.architecture}));
  properties.append("Code", jsonObject({{"S3Bucket", refTo(kCodeBucketParameter)}, {"S3Key", refTo(codeKeyParameter)}}));
  if (!fn.description.empty()) properties.append("Description", fn.description);
  if (!variables.empty()) properties.append("Environment", jsonObject({{"Variables", std::move(variables).sorted()}}));
  properties.append("FunctionName", fn.functionName);
  // As written, for every runtime: Node.js and Python both take
  // `path/module.export` (Node resolves the file from the package root, Python
  // imports `path/module` with `/` read as `.`), and a custom runtime's
  // handler is whatever its bootstrap expects.
  properties.append("Handler", fn.handler.empty() ? fn.handlerModule + "." + fn.handlerExport : fn.handler);
  if (!fn.layers.empty()) {
    Json layers = Json::array();
    for (const auto& layer : fn.layers) layers.push_back(cfnValue(layer, stack));
    properties.append("Layers", std::move(layers));
  }
  properties.append("MemorySize", fn.memoryMb);
  if (fn.reservedConcurrency) properties.append("ReservedConcurrentExecutions", *fn.reservedConcurrency);
  properties.append("Role", getAtt(names::role(fn.name), "Arn"));
  properties.append("Runtime", fn.runtime);
  if (!tags.is_null()) properties.append("Tags", tags);
  properties.append("Timeout", fn.timeoutSeconds);
  addFunctionOptionProperties(stack, fn, properties);  // may replace Role with a given one

  // The log group must exist before the function can first write to it, or
  // Lambda creates it itself (unmanaged, never expiring) and the stack fails.
  const std::string logGroupId = names::logGroup(fn.name);
  resources[functionId] = jsonObject(
      {{"Type", "AWS::Lambda::Function"}, {"DependsOn", logGroupId}, {"Properties", std::move(properties).sorted()}});
  // With `role`, the function runs under that role: none is generated.
  if (!fn.options.role) resources[names::role(fn.name)] = roleResource(stack, fn, secureParameters, tags);
  resources[logGroupId] = logGroupResource(fn, tags);
  addAsyncInvokeConfig(stack, fn, resources);

  // The events (emit/cloudformation/events/) add theirs once every resource is in place.
  for (std::size_t i = 0; i < fn.schedules.size(); ++i) {
    addRuleResources(RuleTarget{names::scheduleRule(fn.name, i), names::schedulePermission(fn.name, i), functionId,
                                fn.schedules[i].expression, std::nullopt, std::nullopt, std::nullopt, true},
                     resources);
  }
}

}  // namespace jaws::emit
