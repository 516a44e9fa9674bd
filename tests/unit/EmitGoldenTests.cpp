// Golden artifacts of the focused cases, in the layout `jaws build` writes
// (tests/emit/golden/<case>/...). JAWS_UPDATE_BASELINES=1 rewrites them; the
// validation test (tests/emit/validate_artifacts.py) runs cfn-lint and
// openapi-spec-validator on every one.
#include <catch2/catch.hpp>

#include "emit/cloudformation/CloudFormationEmitter.h"
#include "emit/StackFixtures.h"
#include "emit/apidocs/SwaggerEmitter.h"

using namespace jaws;
using namespace jaws::emit_test;

namespace {

void checkCase(const std::string& name, const std::vector<model::Stack>& stacks) {
  for (const auto& [path, text] : goldenArtifacts(stacks)) {
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
  const auto tmpl = emit::emitCloudFormation(stack, kGoldenCodeKeys);
  CHECK(tmpl["Resources"]["TodoApiRestApi"]["Properties"]["Body"] == emit::emitSwagger(stack, stack.apis.front()));
}
