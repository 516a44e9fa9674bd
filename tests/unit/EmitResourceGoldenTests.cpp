// Golden template of `res.arn` per resource type, compiled from
// tests/emit/resources/arns.jaws and written where `jaws build` would
// (tests/emit/golden/resource-arns/<stage>/<region>/). The validation test
// runs cfn-lint on it. JAWS_UPDATE_BASELINES=1 rewrites it.
#include <catch2/catch.hpp>

#include "emit/StackFixtures.h"
#include "emit/YamlWriter.h"
#include "emit/cloudformation/CloudFormationEmitter.h"
#include "support/Parsing.h"

using namespace jaws;

namespace {


}  // namespace

TEST_CASE("emit golden: the ARN of each resource type", "[emit][golden][resources]") {
  const auto path = std::filesystem::path(JAWS_SOURCE_DIR) / "tests/emit/resources/arns.jaws";
  test::CompiledProject project = test::compileProject({path});
  for (const auto& d : project.diagnostics) {
    INFO(test::locationOf(d, project.compilation->sources()) + ": " + d.message);
    CHECK(d.severity != Severity::Error);
  }
  const auto stacks = project.compilation->stacks();
  REQUIRE(stacks.size() == 1);
  const auto document = emit::emitCloudFormation(stacks.front(), emit_test::kGoldenCodeKeys);
  const auto& outputs = document["Outputs"];
  // An SNS topic and a secret return their ARN by Ref; a queue and a rule by
  // GetAtt Arn; a domain name by the attribute named after it; a REST API
  // and a security group have none, so the ARN is built.
  CHECK(outputs["AlertsArn"]["Value"] == emit::Json{{"Ref", "Alerts"}});
  CHECK(outputs["TokenArn"]["Value"] == emit::Json{{"Ref", "Token"}});
  CHECK(outputs["JobsArn"]["Value"] == emit::Json{{"Fn::GetAtt", {"Jobs", "Arn"}}});
  CHECK(outputs["DomainArn"]["Value"] == emit::Json{{"Fn::GetAtt", {"Domain", "DomainNameArn"}}});
  CHECK(outputs["LegacyArn"]["Value"].contains("Fn::Sub"));
  CHECK(outputs["FirewallArn"]["Value"].contains("Fn::Sub"));
  const std::string dir = "resource-arns/dev/us-east-1/";
  CHECK(emit_test::checkGolden(dir + "template.json", emit::serializeJson(document)) == "");
  CHECK(emit_test::checkGolden(dir + "template.yaml", emit::emitYaml(document)) == "");
}
