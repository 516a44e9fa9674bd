// The stacks of tests/emit/SplitFixtures.h.
#include "emit/SplitFixtures.h"

#include "driver/StackArtifacts.h"
#include "emit/StackFixtures.h"
#include "emit/cloudformation/CloudFormationEmitter.h"
#include "support/Parsing.h"
#include "support/TempDir.h"

namespace jaws::emit_test {

using model::DeployRef;
using model::HttpMethod;
using model::Value;

namespace {
}

const model::Splitting& stdlibSplitting() {
  static const model::Splitting policy = [] {
    test::TempDir dir;
    dir.write("p/main.jaws", "project p { }\nstage dev { }\n");
    auto project = test::compileProject({dir.path() / "p"});
    return project.compilation->stacks().at(0).splitting;
  }();
  return policy;
}

model::Stack fleetStack(std::size_t functions, bool tables) {
  model::Stack stack = baseStack("fleet", "dev", "us-east-1");
  stack.splitting = stdlibSplitting();
  model::Api fleet = api("fleet");
  for (std::size_t i = 0; i < functions; ++i) {
    const std::string name = "fn" + std::to_string(i);
    model::Function fn = function(stack, name, "src/fleet.handler" + std::to_string(i));
    if (tables) {
      const std::string table = "table" + std::to_string(i);
      model::Permission read;
      read.actions = {"dynamodb:GetItem"};
      read.resources = {deployRef(DeployRef::Kind::ResourceAttr, table, "Arn")};
      fn.permissions.push_back(read);
      fn.environment.emplace_back("TABLE", deployRef(DeployRef::Kind::ResourceRef, table));
      model::Resource resource;
      resource.name = table;
      resource.type = "AWS::DynamoDB::Table";
      resource.properties = {
          {"BillingMode", str("PAY_PER_REQUEST")},
          {"KeySchema", Value::list({Value::object({{"AttributeName", str("id")}, {"KeyType", str("HASH")}})})},
          {"AttributeDefinitions", Value::list({Value::object({{"AttributeName", str("id")}, {"AttributeType", str("S")}})})}};
      stack.resources.push_back(std::move(resource));
    }
    // The next function's ARN: a reference written out when it crosses templates.
    fn.environment.emplace_back("NEXT", deployRef(DeployRef::Kind::FunctionArn, "fn" + std::to_string((i + 1) % functions)));
    stack.functions.push_back(fn);
    fleet.routes.push_back(route(HttpMethod::Get, "/things" + std::to_string(i) + "/{id}", name));
  }
  stack.apis.push_back(fleet);
  stack.outputs.push_back(model::Output{"apiUrl", deployRef(DeployRef::Kind::ApiUrl, "fleet"), std::nullopt, "", {}});
  stack.outputs.push_back(model::Output{"firstFunction", deployRef(DeployRef::Kind::FunctionArn, "fn0"), std::nullopt, "", {}});
  if (tables) {
    stack.outputs.push_back(
        model::Output{"firstTable", deployRef(DeployRef::Kind::ResourceAttr, "table0", "Arn"), std::nullopt, "", {}});
  }
  return stack;
}

model::Stack splitTwoStack() { return fleetStack(130, false); }

model::Stack splitManyStack() {
  model::Stack stack = fleetStack(36, true);
  stack.splitting.mode = model::SplitMode::Always;  // it fits one template: only the targets are small
  stack.splitting.targets.resources = 40;
  return stack;
}

std::map<std::string, std::string> splitArtifacts(const std::vector<model::Stack>& stacks, bool yaml) {
  std::map<std::string, std::string> files;
  std::vector<StackOutput> outputs;
  outputs.reserve(stacks.size());
  std::vector<emit::ManifestStack> manifest;
  for (const auto& stack : stacks) {
    outputs.push_back(emitStack(stack, emit_test::kGoldenCodeKeys, yaml, Span{}));
    for (auto& file : outputs.back().files) files[file.path] = std::move(file.bytes);
    manifest.push_back(manifestEntry(stack, outputs.back()));
  }
  files["manifest.json"] = emit::serializeJson(emit::emitManifest(
      stacks.front().project.name, manifest, {{".", emit_test::kGoldenCodeKeys.at("."), "artifacts/" + emit_test::kGoldenCodeKeys.at(".")}}));
  return files;
}

}  // namespace jaws::emit_test
