// YAML templates load back to exactly the JSON document.
#include <catch2/catch.hpp>

#include <yaml-cpp/yaml.h>

#include "emit/cloudformation/CloudFormationEmitter.h"
#include "emit/StackFixtures.h"
#include "emit/YamlWriter.h"

using namespace jaws;
using emit::Json;

namespace {

// YAML -> JSON with the typing a YAML 1.1 loader applies to plain scalars;
// quoted scalars (tag "!") are always strings.
Json toJson(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map: {
      Json out = Json::object();
      for (const auto& entry : node) out[entry.first.as<std::string>()] = toJson(entry.second);
      return out;
    }
    case YAML::NodeType::Sequence: {
      Json out = Json::array();
      for (const auto& item : node) out.push_back(toJson(item));
      return out;
    }
    case YAML::NodeType::Null: return nullptr;
    default: break;
  }
  const std::string text = node.Scalar();
  if (node.Tag() == "!") return text;
  if (text == "true" || text == "false") return text == "true";
  if (text == "null" || text == "~") return nullptr;
  try {
    std::size_t used = 0;
    const long long integer = std::stoll(text, &used);
    if (used == text.size()) return integer;
    const double number = std::stod(text, &used);
    if (used == text.size()) return number;
  } catch (const std::exception&) {
  }
  return text;
}

}  // namespace

TEST_CASE("YAML quotes strings that would load as other types", "[emit][yaml]") {
  const Json doc = Json::parse(R"({"AWSTemplateFormatVersion":"2010-09-09","200":"yes","count":10,"f":0.5,"b":true,
    "s":["true","null","","0x1F","1e3","-5",".inf","On","~","<<","plain","a: b","#c","{{resolve:ssm:/x}}","${AWS::Region}",
    "*","&a","!Ref x","|","> x","%x","@x","`x","- x","? x","[a]","{a}","a #b"," lead","trail ","multi\nline","'*'","caf\u00e9"],
    "e":{},"l":[],"z":null})");
  const std::string yaml = emit::emitYaml(doc);
  INFO(yaml);
  CHECK(yaml.find("AWSTemplateFormatVersion: \"2010-09-09\"") != std::string::npos);
  CHECK(yaml.find("\"200\": \"yes\"") != std::string::npos);
  CHECK(yaml.find("count: 10\n") != std::string::npos);
  CHECK(yaml.find("- \"~\"") != std::string::npos);
  CHECK(toJson(YAML::Load(yaml)) == doc);
}

TEST_CASE("every golden template round-trips through YAML", "[emit][yaml]") {
  const std::map<std::string, std::string> keys = {{".", "k.zip"}};
  std::vector<model::Stack> stacks = {emit_test::todoStack(), emit_test::authStack(), emit_test::corsMultiOriginStack(),
                                      emit_test::rawResourcesStack(), emit_test::secureParamsStack()};
  for (const auto& stack : stacks) {
    const Json tmpl = emit::emitCloudFormation(stack, keys);
    INFO(stack.project.name);
    CHECK(toJson(YAML::Load(emit::emitYaml(tmpl))) == tmpl);
  }
}
