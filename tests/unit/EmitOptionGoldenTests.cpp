// Golden artifacts of resource options, per-target declarations and function
// options (issue 12), compiled from tests/emit/projects/<case>/ (see
// emit/ProjectGoldens.h). JAWS_UPDATE_BASELINES=1 rewrites them;
// tests/emit/validate_artifacts.py runs cfn-lint on every one.
#include <catch2/catch.hpp>

#include "emit/ProjectGoldens.h"
#include "emit/cloudformation/CloudFormationEmitter.h"

using namespace jaws;
using namespace jaws::emit_test;

TEST_CASE("emit golden: resource policies, DependsOn and @when", "[emit][golden][options]") { checkCase("resource-options"); }
TEST_CASE("emit golden: name, tracing, vpc, storage, deadLetter, async and role", "[emit][golden][options]") {
  checkCase("function-options");
}

TEST_CASE("@when: a declaration exists only in the targets where its condition holds", "[emit][options]") {
  const auto stacks = compiled("resource-options");
  REQUIRE(stacks.size() == 2);
  auto has = [](const model::Stack& s, const std::string& name) {
    return std::any_of(s.resources.begin(), s.resources.end(), [&](const auto& r) { return r.name == name; }) ||
           std::any_of(s.functions.begin(), s.functions.end(), [&](const auto& f) { return f.name == name; }) ||
           std::any_of(s.outputs.begin(), s.outputs.end(), [&](const auto& o) { return o.name == name; });
  };
  const model::Stack& dev = stacks[0].stage.name == "dev" ? stacks[0] : stacks[1];
  const model::Stack& prod = stacks[0].stage.name == "dev" ? stacks[1] : stacks[0];
  for (const char* name : {"audit", "auditor", "auditQueue"}) {
    INFO(name);
    CHECK_FALSE(has(dev, name));
    CHECK(has(prod, name));
  }
  CHECK(dev.apis.front().routes.size() == 1);
  CHECK(prod.apis.front().routes.size() == 2);
}

TEST_CASE("resource and function options: twice, and in reversed declaration order, the same bytes",
          "[emit][determinism][options]") {
  for (const char* name : {"resource-options", "function-options"}) {
    INFO(name);
    const auto stacks = compiled(name);
    CHECK(everything(stacks) == everything(compiled(name)));
    CHECK(everything(reversed(stacks)) == everything(stacks));
  }
}

namespace {

// The statements of a generated role's policy.
const emit::Json& statementsOf(const emit::Json& tmpl, const std::string& role) {
  return tmpl["Resources"][role]["Properties"]["Policies"][0]["PolicyDocument"]["Statement"];
}

bool grants(const emit::Json& statements, const std::string& action, const emit::Json& resource) {
  for (const auto& s : statements) {
    const bool hasAction = std::find(s["Action"].begin(), s["Action"].end(), emit::Json(action)) != s["Action"].end();
    if (hasAction && s["Resource"] == resource) return true;
  }
  return false;
}

emit::Json getAtt(const std::string& id, const std::string& attribute) {
  return emit::Json{{"Fn::GetAtt", emit::Json::array({id, attribute})}};
}

}  // namespace

TEST_CASE("function options: each grants exactly what it needs, on what it names", "[emit][options]") {
  const auto stacks = compiled("function-options");
  REQUIRE(stacks.size() == 1);
  const emit::Json tmpl = emit::emitCloudFormation(stacks.front(), kGoldenCodeKeys);
  const emit::Json& resources = tmpl["Resources"];

  // tracing and vpc: the actions that take only `*`.
  const emit::Json& invoice = statementsOf(tmpl, "InvoiceRole");
  CHECK(grants(invoice, "xray:PutTraceSegments", "*"));
  CHECK(grants(invoice, "ec2:CreateNetworkInterface", "*"));
  CHECK(resources["InvoiceFunction"]["Properties"]["FunctionName"] == "billing-invoice-dev");
  CHECK(resources["InvoiceLogGroup"]["Properties"]["LogGroupName"] == "/aws/lambda/billing-invoice-dev");
  CHECK(resources["InvoiceFunction"]["Properties"]["EphemeralStorage"]["Size"] == 2048);
  CHECK(resources["InvoiceFunction"]["Properties"]["TracingConfig"]["Mode"] == "Active");

  // deadLetter and destinations: one action each, on that target only (a topic by Ref).
  const emit::Json& charge = statementsOf(tmpl, "ChargeRole");
  CHECK(grants(charge, "sns:Publish", emit::Json{{"Ref", "Alerts"}}));
  CHECK(grants(charge, "sqs:SendMessage", getAtt("Failed", "Arn")));
  CHECK(grants(charge, "events:PutEvents", getAtt("Bus", "Arn")));
  CHECK(grants(charge, "xray:PutTraceSegments", "*"));  // passthrough traces too
  CHECK(resources["ChargeFunction"]["Properties"]["DeadLetterConfig"]["TargetArn"] == emit::Json{{"Ref", "Alerts"}});
  const emit::Json& config = resources["ChargeEventInvokeConfig"]["Properties"];
  CHECK(config["MaximumRetryAttempts"] == 1);
  CHECK(config["MaximumEventAgeInSeconds"] == 3600);
  CHECK(config["Qualifier"] == "$LATEST");
  CHECK(config["DestinationConfig"]["OnFailure"]["Destination"] == getAtt("Failed", "Arn"));
  CHECK(grants(statementsOf(tmpl, "NotifyRole"), "lambda:InvokeFunction", getAtt("AuditFunction", "Arn")));
  // Nothing else: a function without options has only its log statement.
  CHECK(statementsOf(tmpl, "AuditRole").size() == 1);

  // role: no role generated, the given ARN used, fn.role is it.
  CHECK_FALSE(resources.contains("LegacyRole"));
  CHECK(resources["LegacyFunction"]["Properties"]["Role"] == "arn:aws:iam::123456789012:role/billing-legacy");
  CHECK(tmpl["Outputs"]["LegacyRole"]["Value"] == "arn:aws:iam::123456789012:role/billing-legacy");
  CHECK(tmpl["Outputs"]["InvoiceRole"]["Value"] == getAtt("InvoiceRole", "Arn"));
}

TEST_CASE("resource options: policies per stage and DependsOn by declaration kind", "[emit][options]") {
  const auto stacks = compiled("resource-options");
  REQUIRE(stacks.size() == 2);
  for (const auto& stack : stacks) {
    INFO(stack.stage.name);
    const emit::Json tmpl = emit::emitCloudFormation(stack, kGoldenCodeKeys);
    const emit::Json& r = tmpl["Resources"];
    CHECK(r["Orders"]["DeletionPolicy"] == "Retain");
    CHECK(r["Orders"]["UpdateReplacePolicy"] == "Retain");
    CHECK(r["Jobs"]["DeletionPolicy"] == (stack.stage.name == "prod" ? "Retain" : "Delete"));
    CHECK(r["Jobs"]["UpdateReplacePolicy"] == "Delete");
    CHECK(r["Graph"]["DeletionPolicy"] == "Snapshot");
    // An api stands for its stage, a function for its Lambda function.
    CHECK(r["Graph"]["DependsOn"] == emit::Json::array({"ShopStage", "WorkerFunction"}));
    CHECK(r.contains("Audit") == (stack.stage.name == "prod"));
    CHECK(r.contains("AuditorFunction") == (stack.stage.name == "prod"));
  }
}
