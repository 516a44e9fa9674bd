// Golden artifacts of the focused cases, in the layout `jaws build` writes
// (tests/emit/golden/<case>/...). JAWS_UPDATE_BASELINES=1 rewrites them; the
// validation test (tests/emit/validate_artifacts.py) runs cfn-lint and
// openapi-spec-validator on every one.
#include <catch2/catch.hpp>

#include "emit/cloudformation/CloudFormationEmitter.h"
#include "emit/ManifestEmitter.h"
#include "emit/apidocs/OpenApiEmitter.h"
#include "emit/StackFixtures.h"
#include "emit/apidocs/SwaggerEmitter.h"
#include "emit/YamlWriter.h"

using namespace jaws;
using namespace jaws::emit_test;

namespace {

// Stands in for the packager's content-hash name of the "." folder.
const std::map<std::string, std::string> kCodeKeys = {{".", "5f0c6d1e2a9b8c47.zip"}};

std::vector<std::pair<std::string, std::string>> artifactsOf(const std::vector<model::Stack>& stacks) {
  std::vector<std::pair<std::string, std::string>> files;
  std::vector<emit::Json> templates;
  templates.reserve(stacks.size());
  std::vector<emit::ManifestStack> manifest;
  for (const auto& stack : stacks) {
    const std::string dir = stack.stage.name + "/" + stack.stage.region + "/";
    templates.push_back(emit::emitCloudFormation(stack, kCodeKeys));
    files.emplace_back(dir + "template.json", emit::serializeJson(templates.back()));
    files.emplace_back(dir + "template.yaml", emit::emitYaml(templates.back()));
    for (const auto& api : stack.apis) {
      files.emplace_back(dir + api.name + ".swagger.json", emit::serializeJson(emit::emitSwagger(stack, api)));
      if (stack.stage.account) {
        const auto imported = emit::emitImportSwagger(stack, api, *stack.stage.account);
        files.emplace_back(dir + api.name + ".import.swagger.json", emit::serializeJson(imported.body));
      }
    }
  }
  for (std::size_t i = 0; i < stacks.size(); ++i) {
    manifest.push_back({&stacks[i], &templates[i], stacks[i].stage.name + "/" + stacks[i].stage.region + "/template.json"});
  }
  for (const auto& api : stacks.front().apis) {
    files.emplace_back("openapi/" + api.name + ".openapi.json", emit::serializeJson(emit::emitOpenApi(stacks.front(), api)));
  }
  files.emplace_back("manifest.json",
                     emit::serializeJson(emit::emitManifest(stacks.front().project.name, manifest,
                                                            {{".", kCodeKeys.at("."), "artifacts/" + kCodeKeys.at(".")}})));
  return files;
}

void checkCase(const std::string& name, const std::vector<model::Stack>& stacks) {
  for (const auto& [path, text] : artifactsOf(stacks)) {
    INFO(name + "/" + path);
    CHECK(checkGolden(name + "/" + path, text) == "");
  }
}

}  // namespace

TEST_CASE("emit golden: the design's todo example", "[emit][golden]") { checkCase("todo", {todoStack()}); }
TEST_CASE("emit golden: every auth kind", "[emit][golden]") { checkCase("auth", {authStack()}); }
TEST_CASE("emit golden: CORS off, greedy paths, ANY, Python", "[emit][golden]") { checkCase("cors-off", {corsOffStack()}); }
TEST_CASE("emit golden: CORS with several origins", "[emit][golden]") { checkCase("cors-multi-origin", {corsMultiOriginStack()}); }
TEST_CASE("emit golden: schedules", "[emit][golden]") { checkCase("schedules", {schedulesStack()}); }
TEST_CASE("emit golden: raw resources and outputs", "[emit][golden]") { checkCase("raw-resources", {rawResourcesStack()}); }
TEST_CASE("emit golden: secure params", "[emit][golden]") { checkCase("secure-params", {secureParamsStack()}); }
TEST_CASE("emit golden: multi-region with an account", "[emit][golden]") { checkCase("multi-region", multiRegionStacks()); }
TEST_CASE("emit golden: one function, one route (the SAM comparison)", "[emit][golden]") {
  checkCase("sam-compare", {samCompareStack()});
}

TEST_CASE("the swagger file is exactly the RestApi body", "[emit]") {
  const auto stack = todoStack();
  const auto tmpl = emit::emitCloudFormation(stack, kCodeKeys);
  CHECK(tmpl["Resources"]["TodoApiRestApi"]["Properties"]["Body"] == emit::emitSwagger(stack, stack.apis.front()));
}
