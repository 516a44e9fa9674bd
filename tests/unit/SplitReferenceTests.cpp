// The template reading and rewriting the splitter is built on
// (emit/split/TemplateReferences.h, ComputedAttributes.h, RootOrdering.h),
// the size measure (emit/JsonSize.h), and the manifest of a split stack.
#include <catch2/catch.hpp>

#include "emit/JsonSize.h"
#include "emit/ManifestEmitter.h"
#include "emit/StableHash.h"
#include "emit/cloudformation/CloudFormationEmitter.h"
#include "emit/split/ComputedAttributes.h"
#include "emit/split/PropertyUploads.h"
#include "emit/split/RootOrdering.h"
#include "emit/split/TemplateReferences.h"

using namespace jaws;
using emit::Json;
using emit::split::Reference;
using emit::split::Replacement;

namespace {

std::vector<Reference> referencesOf(const Json& value) {
  std::vector<Reference> out;
  emit::split::collectReferences(value, out);
  return out;
}

}  // namespace

TEST_CASE("references: Ref, both forms of GetAtt, Sub names; not pseudo parameters, variables or escapes", "[split][references]") {
  const Json value = Json::parse(R"({
    "a": {"Ref": "Table"},
    "b": {"Ref": "AWS::Region"},
    "c": {"Fn::GetAtt": ["Queue", "Arn"]},
    "d": {"Fn::GetAtt": "Topic.TopicName"},
    "e": {"Fn::Sub": "arn:${AWS::Partition}:x:${Bucket}/${Fn.Arn}/${!Literal}"},
    "f": {"Fn::Sub": ["${Var}-${Other}", {"Var": {"Ref": "Param"}}]},
    "g": [{"Fn::Join": ["", [{"Ref": "Deep"}]]}]
  })");
  CHECK(referencesOf(value) == std::vector<Reference>{{"Table", ""}, {"Queue", "Arn"}, {"Topic", "TopicName"}, {"Bucket", ""},
                                                      {"Fn", "Arn"}, {"Param", ""}, {"Other", ""}, {"Deep", ""}});
  CHECK(emit::split::dependsOn(Json::parse(R"({"DependsOn": "A"})")) == std::vector<std::string>{"A"});
  CHECK(emit::split::dependsOn(Json::parse(R"({"DependsOn": ["A", "B"]})")) == std::vector<std::string>{"A", "B"});
}

TEST_CASE("rewriting references: renamed, made parameters, nested outputs, written out", "[split][references]") {
  const Json value = Json::parse(R"({
    "ref": {"Ref": "Api"},
    "att": {"Fn::GetAtt": ["Table", "Arn"]},
    "sub": {"Fn::Sub": "https://${Api}.x/${Table.Arn}/${Fn.Arn}/${AWS::Region}"},
    "keep": {"Ref": "Local"}
  })");
  const Json out = emit::split::rewriteReferences(value, [](const Reference& ref) {
    if (ref.target == "Api") return Replacement::ref("ApiParameter");
    if (ref.target == "Table") return Replacement::getAtt("Part1", "Outputs.TableArn");
    if (ref.target == "Fn") return Replacement::subText("arn:${AWS::Partition}:lambda:fn");
    return Replacement::keep();
  });
  CHECK(out["ref"] == Json{{"Ref", "ApiParameter"}});
  CHECK(out["att"] == Json::parse(R"({"Fn::GetAtt": ["Part1", "Outputs.TableArn"]})"));
  // A nested stack's output inside Sub text becomes a variable of the Sub.
  CHECK(out["sub"] == Json::parse(R"({"Fn::Sub": ["https://${ApiParameter}.x/${Part1OutputsTableArn}/arn:${AWS::Partition}:lambda:fn/${AWS::Region}",
                                                   {"Part1OutputsTableArn": {"Fn::GetAtt": ["Part1", "Outputs.TableArn"]}}]})"));
  CHECK(out["keep"] == Json{{"Ref", "Local"}});
}

TEST_CASE("a Sub left without substitutions becomes its string, escapes undone", "[split][references]") {
  const Json value = Json::parse(R"({"Fn::Sub": "arn:${AWS::Region}:${!Kept}"})");
  const Json out = emit::split::rewriteReferences(value, [](const Reference& ref) {
    return ref.target == "AWS::Region" ? Replacement::subText("us-east-1") : Replacement::keep();
  });
  CHECK(out == "arn:us-east-1:${Kept}");
  CHECK(emit::escapeSubText("a${b}") == "a${!b}");
  std::string what;
  CHECK_FALSE(emit::split::holdsIntrinsic(out, what));
  CHECK(emit::split::holdsIntrinsic(value, what));
}

TEST_CASE("a function's ARN and name are computed from its literal FunctionName", "[split][references]") {
  const std::vector<model::ComputedAttribute> rules = {
      {"AWS::Lambda::Function", "Arn", "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:{FunctionName}"},
      {"AWS::Lambda::Function", "Ref", "{FunctionName}"}};
  const Json fn = Json::parse(R"({"Type": "AWS::Lambda::Function", "Properties": {"FunctionName": "shop-dev-list"}})");
  CHECK(emit::split::computedAttribute(rules, fn, "Arn") ==
        "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:shop-dev-list");
  CHECK(emit::split::computedAttribute(rules, fn, "") == "shop-dev-list");
  CHECK_FALSE(emit::split::computedAttribute(rules, fn, "SnapStartResponse").has_value());
  const Json unnamed = Json::parse(R"({"Type": "AWS::Lambda::Function", "Properties": {"FunctionName": {"Ref": "Name"}}})");
  CHECK_FALSE(emit::split::computedAttribute(rules, unnamed, "Arn").has_value());
}

TEST_CASE("what depended on a written-out reference waits for the nested stack, unless that is a cycle", "[split][order]") {
  Json root = Json::parse(R"({"Resources": {
    "Api": {"Type": "AWS::ApiGateway::RestApi"},
    "Deployment": {"Type": "AWS::ApiGateway::Deployment", "Properties": {"RestApiId": {"Ref": "Api"}}},
    "Stage": {"Type": "AWS::ApiGateway::Stage", "Properties": {"DeploymentId": {"Ref": "Deployment"}}},
    "Part": {"Type": "AWS::CloudFormation::Stack", "Properties": {"Parameters": {"Api": {"Ref": "Api"}}}},
    "Part1": {"Type": "AWS::CloudFormation::Stack", "Properties": {"Parameters": {"Api": {"Ref": "Api"}}}}
  }})");
  emit::split::keepOrder(root, {{"Api", "Part"}, {"Api", "Part1"}});
  CHECK(root["Resources"]["Deployment"]["DependsOn"] == Json::parse(R"(["Part", "Part1"])"));
  CHECK(root["Resources"]["Deployment"].begin().key() == "Type");
  CHECK_FALSE(root["Resources"]["Api"].contains("DependsOn"));
  CHECK_FALSE(root["Resources"]["Stage"].contains("DependsOn"));  // it waits through the deployment
  CHECK_FALSE(root["Resources"]["Part"].contains("DependsOn"));   // nested stacks never wait for each other
}

TEST_CASE("sizes are measured as serializeJson writes", "[split]") {
  const Json value = Json::parse(R"({"a": [1, 2, {"b": "é\n"}], "c": {}})");
  const std::string text = emit::serializeJson(value);
  const emit::JsonSize size = emit::measureJson(value);
  CHECK(size.bytes + 1 == text.size());
  CHECK(size.lines + 1 == static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')));
}

TEST_CASE("a split stack's capabilities are its templates', not a nested stack's worst case", "[split][manifest]") {
  const Json root = Json::parse(R"({"Resources": {"Part": {"Type": "AWS::CloudFormation::Stack"}}})");
  const Json nested = Json::parse(R"({"Resources": {"Role": {"Type": "AWS::IAM::Role", "Properties": {}}}})");
  CHECK(emit::requiredCapabilities(root) == std::vector<std::string>{"CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"});
  CHECK(emit::requiredCapabilities(root, {&nested}) == std::vector<std::string>{"CAPABILITY_IAM"});
}

TEST_CASE("sizes are measured as serializeJson writes, for every kind of value", "[split]") {
  Json value = Json::parse(R"({"quote\"d": ["tab\t", "bell\u0007", "back\\slash", "ünïcode", -42, 18446744073709551615,
                               1.5, 1e300, true, false, null, [], {}, [[{"deep": {"x": [0]}}]]], "": ""})");
  value["invalid"] = std::string("a\xff" "b\xc3");  // not UTF-8: replaced as the serializer does
  const std::string text = emit::serializeJson(value);
  const emit::JsonSize size = emit::measureJson(value);
  CHECK(size.bytes + 1 == text.size());
  CHECK(size.lines + 1 == static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')));
  // An object measured from its members' sizes is the object measured whole.
  std::vector<std::pair<std::string_view, emit::JsonSize>> members;
  for (const auto& [key, member] : value.get_ref<const Json::object_t&>()) members.emplace_back(key, emit::measureJson(member));
  const emit::JsonSize assembled = emit::measureObject(members);
  CHECK(assembled.bytes == size.bytes);
  CHECK(assembled.lines == size.lines);
  CHECK(emit::measureObject({}).bytes == emit::measureJson(Json::object()).bytes);
}

TEST_CASE("compact sizes are measured as dump(-1) writes, for every kind of value", "[split]") {
  Json value = Json::parse(R"({"quote\"d": ["tab\t", "bell\u0007", "back\\slash", "ünïcode", -42, 18446744073709551615,
                               1.5, 1e300, true, false, null, [], {}, [[{"deep": {"x": [0]}}]]], "": "", "one": [1]})");
  value["invalid"] = std::string("a\xff" "b\xc3");  // not UTF-8: replaced as the serializer does
  CHECK(emit::measureCompactJson(value) == value.dump(-1, ' ', false, Json::error_handler_t::replace).size());
  CHECK(emit::measureCompactJson(Json::object()) == 2);
  CHECK(emit::measureCompactJson(Json::array({Json::object()})) == 4);
}

TEST_CASE("string sizes are right wherever an escaped or non-ASCII byte falls", "[split]") {
  // Strings are measured eight bytes at a time: put each kind of byte at every
  // offset of strings around those word boundaries.
  for (const std::string special : {"\"", "\\", "\n", "\x01", "\x1f", "\x7f", " ", "~", "\xc3\xa9", "\xff"}) {
    for (std::size_t length = 0; length <= 33; ++length) {
      for (std::size_t at = 0; at <= length; ++at) {
        const std::string text = std::string(at, 'a') + special + std::string(length - at, 'b');
        const Json value = text;
        INFO("length " << length << ", at " << at);
        CHECK(emit::measureCompactJson(value) == value.dump(-1, ' ', false, Json::error_handler_t::replace).size());
      }
    }
  }
}

TEST_CASE("a JSON value's hash is the hash of its compact text, without writing the text", "[split]") {
  Json value = Json::parse(R"({"paths": {"/a": {"get": {"x": [1, -2, 1.5, true, null, "tab\t", "ünïcode"]}}}, "e": {}})");
  value["invalid"] = std::string("a\xff" "b\xc3");  // not UTF-8: replaced as dump does
  for (std::size_t digits : {10u, 16u}) {
    CHECK(emit::stableJsonHashHex(value, digits) ==
          emit::stableHashHex(value.dump(-1, ' ', false, Json::error_handler_t::replace), digits));
  }
  CHECK(emit::stableJsonHashHex(value) != emit::stableJsonHashHex(Json::object()));
}

TEST_CASE("fnv1a64 is FNV-1a 64 at every length around its eight-byte rounds", "[split]") {
  CHECK(emit::fnv1a64("") == 0xcbf29ce484222325ULL);  // the published test values
  CHECK(emit::fnv1a64("a") == 0xaf63dc4c8601ec8cULL);
  CHECK(emit::fnv1a64("foobar") == 0x85944171f73967e8ULL);
  std::string bytes;
  for (int i = 0; i < 40; ++i) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;  // a byte at a time, as the definition reads
    for (const char c : bytes) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    INFO("length " << bytes.size());
    CHECK(emit::fnv1a64(bytes) == hash);
    bytes += static_cast<char>(i * 37 + 0x90);  // bytes above 0x7f too
  }
}

TEST_CASE("a value made literal stops at its first unresolved part, as the whole rewrite then a scan would find it",
          "[split][references]") {
  model::Splitting policy;
  policy.computed = {{"AWS::Lambda::Function", "Arn",
                      "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:{FunctionName}"}};
  const Json resources = Json::parse(R"({
    "Fn": {"Type": "AWS::Lambda::Function", "Properties": {"FunctionName": "shop-dev-list"}},
    "Pool": {"Type": "AWS::Cognito::UserPool", "Properties": {}}
  })");
  auto resourceOf = [&](const std::string& id) -> const Json* { return resources.contains(id) ? &resources[id] : nullptr; };
  const std::vector<Json> values = {
      Json::parse(R"({"paths": {"/a": {"get": {"uri": {"Fn::Sub": "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/${Fn.Arn}/invocations"}}}}})"),
      Json::parse(R"({"a": [1, "two", {"Ref": "AWS::Region"}], "b": {"Fn::GetAtt": ["Fn", "Arn"]}, "c": {"Fn::GetAtt": ["Pool", "Arn"]}, "d": {"Ref": "Pool"}})"),
      Json::parse(R"([{"x": {"Fn::Join": ["", [{"Ref": "AWS::Region"}]]}}, {"Ref": "Pool"}])"),
      Json::parse(R"({"s": {"Fn::Sub": ["${V}-${AWS::AccountId}", {"V": {"Ref": "Pool"}}]}, "t": {"Ref": 3}})"),
      Json::parse(R"({"plain": {"nested": [true, null, 1.5, "${literal}"]}})"),
  };
  for (const std::optional<std::string>& account : {std::optional<std::string>{}, std::optional<std::string>{"123456789012"}}) {
    const emit::split::LiteralContext context{"eu-west-1", account};
    for (const auto& value : values) {
      // What literalValue replaced: the whole value rewritten, then scanned for what is left.
      const Json whole = emit::split::rewriteReferences(value, [&](const Reference& ref) {
        if (emit::split::isPseudoParameter(ref.target)) {
          if (ref.target == "AWS::AccountId" && !account) return Replacement::keep();
          return Replacement::subText(ref.target == "AWS::Region" ? "eu-west-1" : ref.target == "AWS::AccountId" ? *account : "aws");
        }
        if (const Json* resource = resourceOf(ref.target)) {
          if (auto text = emit::split::computedAttribute(policy.computed, *resource, ref.attribute)) {
            std::string out = *text;
            for (const auto& [name, literal] : std::vector<std::pair<std::string, std::string>>{
                     {"${AWS::Partition}", "aws"}, {"${AWS::Region}", "eu-west-1"}, {"${AWS::AccountId}", account.value_or("")}}) {
              if (!account && name == "${AWS::AccountId}") continue;
              for (std::size_t at = out.find(name); at != std::string::npos; at = out.find(name)) out.replace(at, name.size(), literal);
            }
            return Replacement::subText(out);
          }
        }
        return Replacement::keep();
      });
      std::string expectedWhat;
      const bool expectedUnresolved = emit::split::holdsIntrinsic(whole, expectedWhat);
      std::string what;
      const auto literal = emit::split::literalValue(value, resourceOf, policy, context, what);
      INFO(value.dump() << (account ? " with an account" : " without an account"));
      CHECK(literal.has_value() == !expectedUnresolved);
      CHECK(what == expectedWhat);
      if (literal) CHECK(*literal == whole);
    }
  }
}
