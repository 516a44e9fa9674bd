// The resource specification's reader (compiler/cfnspec/): the embedded
// data, lookups by binary search, records parsed on demand, and data from
// --stdlib that is malformed (null, never a crash or a partial type).
#include <catch2/catch.hpp>

#include "cfnspec/ResourceSpec.h"
#include "cfnspec/ShapePaths.h"

using namespace jaws::cfnspec;

TEST_CASE("the embedded specification: its source, its index and a parsed type", "[cfnspec]") {
  const ResourceSpec& spec = ResourceSpec::shared();
  REQUIRE(spec.valid());
  CHECK(spec.source() == "cfn-lint 1.51.0");
  const auto names = spec.typeNames();
  CHECK(names.size() > 1500);
  CHECK(std::is_sorted(names.begin(), names.end()));
  CHECK(spec.contains("AWS::SQS::Queue"));
  CHECK_FALSE(spec.contains("AWS::SQS::Queu"));
  CHECK_FALSE(spec.contains(""));
  CHECK(spec.find("AWS::SQS::Queu") == nullptr);

  const ResourceType* topic = spec.find("AWS::SNS::Topic");
  REQUIRE(topic != nullptr);
  CHECK(topic->arn == ArnSource::Ref);
  CHECK(topic->attribute("TopicArn") != nullptr);
  CHECK(topic->attribute("Arn") == nullptr);
  CHECK(spec.find("AWS::SNS::Topic") == topic);  // parsed once

  const ResourceType* table = spec.find("AWS::DynamoDB::Table");
  REQUIRE(table != nullptr);
  CHECK(table->arn == ArnSource::Attribute);
  CHECK(table->arnAttribute == "Arn");
  const Field* keySchema = table->property("KeySchema");
  REQUIRE(keySchema != nullptr);
  CHECK(keySchema->required);
  const Field* keyType = fieldAtPath(*table, {"KeySchema", "KeyType"});
  REQUIRE(keyType != nullptr);
  CHECK(keyType->required);
  CHECK(fieldAtPath(*table, {"KeySchema", "Nope"}) == nullptr);
  CHECK(documentationUrl("AWS::DynamoDB::Table") ==
        "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-dynamodb-table.html");
  CHECK(documentationUrl("Custom::Thing").empty());
}

TEST_CASE("a specification from --stdlib that is malformed yields nothing, not a partial type", "[cfnspec]") {
  CHECK_FALSE(ResourceSpec(std::string("not a specification\n")).valid());
  CHECK_FALSE(ResourceSpec(std::string("V x\nI 3\nA::B::C 0 5\n")).valid());  // fewer index lines than announced
  // An index entry whose record runs past the end of the data.
  ResourceSpec past(std::string("V x\nI 1\nA::B::C 0 500\nT A::B::C\n"));
  REQUIRE(past.valid());
  CHECK(past.find("A::B::C") == nullptr);
  // Records that do not parse: an unknown line, a broken shape, a name that is not the indexed one.
  for (const char* record : {"T A::B::C\nZ what\n", "T A::B::C\nP X [s\n", "T A::B::D\n", "T A::B::C\nP X q\n"}) {
    const std::string body = record;
    ResourceSpec spec("V x\nI 1\nA::B::C 0 " + std::to_string(body.size()) + "\n" + body);
    INFO(record);
    CHECK(spec.find("A::B::C") == nullptr);
  }
  // A well-formed one, with a definition that refers to itself.
  const std::string body = "T A::B::C\nN a Arn\nA Arn s\nP Rule! #Rule\nD Rule {Not:#Rule,Name:s}\n";
  ResourceSpec spec("V x\nI 1\nA::B::C 0 " + std::to_string(body.size()) + "\n" + body);
  const ResourceType* type = spec.find("A::B::C");
  REQUIRE(type != nullptr);
  CHECK(fieldAtPath(*type, {"Rule", "Not", "Not", "Name"}) != nullptr);
  CHECK(describeShape(*type, type->property("Rule")->shape) == "`Rule` object");
}
