// A raw `resource` block from source to template: `null` leaves a property,
// an object entry or a list item unset, as it does in every other block.
#include <catch2/catch.hpp>

#include "emit/cloudformation/CloudFormationEmitter.h"
#include "support/Parsing.h"
#include "support/TempDir.h"

using namespace jaws;

TEST_CASE("null in a resource property is left out of the template, at any depth", "[emit][cfn][resource]") {
  test::TempDir dir;
  dir.write("project/main.jaws",
            "project p { }\n"
            "stage dev { }\n"
            "stage prod { }\n"
            "resource queue: \"AWS::SQS::Queue\" {\n"
            "  QueueName     = null\n"
            "  DelaySeconds  = 5\n"
            "  Tags          = [{ Key = \"team\", Value = \"a\" }, stage == \"prod\" ? { Key = \"tier\", Value = \"1\" } : null]\n"
            "  RedrivePolicy = { deadLetterTargetArn = stage == \"prod\" ? \"arn:aws:sqs:us-east-1:123456789012:dlq\" : null, "
            "maxReceiveCount = 5 }\n"
            "  KmsMasterKeyId = stage == \"prod\" ? \"alias/aws/sqs\" : null\n"
            "}\n");
  const test::CompiledProject project = test::compileProject({dir.path() / "project"});
  REQUIRE_FALSE(hasErrors(project.diagnostics));
  const auto& stacks = project.compilation->stacks();
  REQUIRE(stacks.size() == 2);
  const emit::Json dev = emit::emitCloudFormation(stacks[0], {})["Resources"]["Queue"]["Properties"];
  INFO(dev.dump(2));
  CHECK_FALSE(dev.contains("QueueName"));
  CHECK_FALSE(dev.contains("KmsMasterKeyId"));
  CHECK(dev["DelaySeconds"] == 5);
  CHECK(dev["Tags"] == emit::Json::parse(R"([{"Key": "team", "Value": "a"}])"));
  CHECK(dev["RedrivePolicy"] == emit::Json::parse(R"({"maxReceiveCount": 5})"));
  CHECK(dev.dump().find("null") == std::string::npos);
  const emit::Json prod = emit::emitCloudFormation(stacks[1], {})["Resources"]["Queue"]["Properties"];
  INFO(prod.dump(2));
  CHECK(prod["KmsMasterKeyId"] == "alias/aws/sqs");
  CHECK(prod["Tags"].size() == 2);
  CHECK(prod["RedrivePolicy"]["deadLetterTargetArn"] == "arn:aws:sqs:us-east-1:123456789012:dlq");
}
