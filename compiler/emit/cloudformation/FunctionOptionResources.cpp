// The options of design §14 on a function's resources: the Lambda properties
// (TracingConfig, VpcConfig, EphemeralStorage, DeadLetterConfig, a given
// Role), the role statements each needs (least privilege: X-Ray and the VPC
// network-interface actions take only `*`, which AWS offers no narrower
// resource for; sending to a destination names it), and the
// AWS::Lambda::EventInvokeConfig of `async`.
#include "emit/cloudformation/CfnNames.h"
#include "emit/cloudformation/CfnValues.h"
#include "emit/cloudformation/FunctionOptions.h"
#include "emit/cloudformation/events/EventKinds.h"

namespace jaws::emit {

namespace {

// The ARN of a destination and the action that sends to it, by its
// resource's type or its ARN's service. A function named by `fn.arn` is
// invoked; an event bus receives events.
struct Destination {
  Json arn;
  std::string action;  // empty: a kind the rules report (JW3047)
};

Destination destinationOf(const model::Stack& stack, const model::Function& fn, const model::EventTarget& target) {
  const events::ResourceIndex index(stack);
  const model::Event none{};
  const events::EventContext c{stack, index, fn, none, ""};
  Destination d{events::targetArn(c, target), ""};
  std::string service = events::targetService(c, target);
  if (!target.isResource() && target.arn.kind == model::Value::Kind::Deploy &&
      target.arn.ref.kind == model::DeployRef::Kind::FunctionArn) {
    service = "lambda";
  }
  if (service == "sqs") d.action = "sqs:SendMessage";
  if (service == "sns") d.action = "sns:Publish";
  if (service == "lambda") d.action = "lambda:InvokeFunction";
  if (service == "events") d.action = "events:PutEvents";
  return d;
}

Json optionStatement(std::vector<std::string> actions, Json resource) {
  return Json{{"Effect", "Allow"}, {"Action", std::move(actions)}, {"Resource", std::move(resource)}};
}

Json valueList(const model::Stack& stack, const std::vector<model::Value>& values) {
  Json out = Json::array();
  for (const auto& v : values) out.push_back(cfnValue(v, stack));
  return out;
}

}  // namespace

void addFunctionOptionProperties(const model::Stack& stack, const model::Function& fn, JsonMembers& properties) {
  const model::FunctionOptions& o = fn.options;
  if (!o.tracing.empty()) properties["TracingConfig"] = Json{{"Mode", o.tracing == "active" ? "Active" : "PassThrough"}};
  if (!o.subnets.empty()) {
    properties["VpcConfig"] =
        Json{{"SecurityGroupIds", valueList(stack, o.securityGroups)}, {"SubnetIds", valueList(stack, o.subnets)}};
  }
  if (o.storageBytes) properties["EphemeralStorage"] = Json{{"Size", *o.storageBytes / (1024 * 1024)}};
  if (o.deadLetter) properties["DeadLetterConfig"] = Json{{"TargetArn", destinationOf(stack, fn, *o.deadLetter).arn}};
  if (o.role) properties["Role"] = cfnValue(*o.role, stack);
}

std::vector<Json> functionOptionStatements(const model::Stack& stack, const model::Function& fn) {
  const model::FunctionOptions& o = fn.options;
  std::vector<Json> statements;
  // X-Ray's write actions and EC2's network-interface actions support no
  // resource-level permissions: `*` is the only resource they take.
  if (!o.tracing.empty()) statements.push_back(optionStatement({"xray:PutTraceSegments", "xray:PutTelemetryRecords"}, "*"));
  if (!o.subnets.empty()) {
    statements.push_back(optionStatement({"ec2:AssignPrivateIpAddresses", "ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface",
                                "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets", "ec2:UnassignPrivateIpAddresses"},
                               "*"));
  }
  auto send = [&](const model::EventTarget& target) {
    Destination d = destinationOf(stack, fn, target);
    if (!d.action.empty()) statements.push_back(optionStatement({d.action}, std::move(d.arn)));
  };
  if (o.deadLetter) send(*o.deadLetter);
  if (o.async && o.async->onSuccess) send(*o.async->onSuccess);
  if (o.async && o.async->onFailure) send(*o.async->onFailure);
  return statements;
}

void addAsyncInvokeConfig(const model::Stack& stack, const model::Function& fn, ResourceMap& resources) {
  if (!fn.options.async) return;
  const model::AsyncInvoke& a = *fn.options.async;
  std::map<std::string, Json> properties;
  properties["FunctionName"] = refTo(names::function(fn.name));
  properties["Qualifier"] = "$LATEST";
  if (a.retries) properties["MaximumRetryAttempts"] = *a.retries;
  if (a.maxAgeMs) properties["MaximumEventAgeInSeconds"] = *a.maxAgeMs / 1000;
  Json destinations = Json::object();
  if (a.onFailure) destinations["OnFailure"] = Json{{"Destination", destinationOf(stack, fn, *a.onFailure).arn}};
  if (a.onSuccess) destinations["OnSuccess"] = Json{{"Destination", destinationOf(stack, fn, *a.onSuccess).arn}};
  if (!destinations.empty()) properties["DestinationConfig"] = destinations;
  resources[names::eventInvokeConfig(fn.name)] =
      Json{{"Type", "AWS::Lambda::EventInvokeConfig"}, {"Properties", sortedObject(std::move(properties))}};
}

}  // namespace jaws::emit
