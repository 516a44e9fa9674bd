// Golden templates of the event sources, compiled from the programs in
// tests/emit/events/ (one project per file) and written where `jaws build`
// would (tests/emit/golden/events-<case>/<stage>/<region>/). The validation
// test runs cfn-lint on them; tests/emit/sam_compare.py compares them with
// what sam-translator makes of the equivalent SAM template.
// JAWS_UPDATE_BASELINES=1 rewrites them.
#include <catch2/catch.hpp>

#include <algorithm>

#include "emit/StackFixtures.h"
#include "emit/YamlWriter.h"
#include "emit/cloudformation/CloudFormationEmitter.h"
#include "support/Parsing.h"

using namespace jaws;

namespace {


std::vector<model::Stack> compiledEventCase(const std::string& name) {
  const auto path = std::filesystem::path(JAWS_SOURCE_DIR) / "tests/emit/events" / (name + ".jaws");
  test::CompiledProject project = test::compileProject({path});
  for (const auto& d : project.diagnostics) {
    INFO(test::locationOf(d, project.compilation->sources()) + ": " + d.message);
    CHECK(d.severity != Severity::Error);
  }
  return project.compilation->stacks();
}

std::string templateOf(const model::Stack& stack) { return emit::serializeJson(emit::emitCloudFormation(stack, emit_test::kGoldenCodeKeys)); }


constexpr const char* kCases[] = {"sqs", "sns", "s3", "stream", "rules"};

}  // namespace

TEST_CASE("emit golden: every kind of event source", "[emit][golden][events]") {
  for (const char* name : kCases) {
    INFO(name);
    const auto stacks = compiledEventCase(name);
    REQUIRE(!stacks.empty());
    for (const auto& stack : stacks) {
      const std::string dir = std::string("events-") + name + "/" + stack.stage.name + "/" + stack.stage.region + "/";
      const auto document = emit::emitCloudFormation(stack, emit_test::kGoldenCodeKeys);
      CHECK(emit_test::checkGolden(dir + "template.json", emit::serializeJson(document)) == "");
      CHECK(emit_test::checkGolden(dir + "template.yaml", emit::emitYaml(document)) == "");
    }
  }
}

TEST_CASE("event resources are the same twice and in any declaration order", "[emit][determinism][events]") {
  for (const char* name : kCases) {
    INFO(name);
    for (const auto& stack : compiledEventCase(name)) {
      CHECK(templateOf(stack) == templateOf(stack));
      CHECK(templateOf(emit_test::reversedDeclarations(stack)) == templateOf(stack));
    }
  }
}

TEST_CASE("the order of the declarations can change the events' output (the comparison can fail)", "[emit][determinism][events]") {
  auto stacks = compiledEventCase("s3");
  REQUIRE(stacks.size() == 1);
  model::Stack other = stacks.front();
  // The same notifications sent to another function change the bucket.
  std::swap(other.functions[0].events, other.functions[1].events);
  CHECK(templateOf(other) != templateOf(stacks.front()));
}
