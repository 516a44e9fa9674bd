// Golden artifacts of split stacks (tests/emit/golden/split-*/), in the layout
// `jaws build` writes: the root template, the nested templates under
// artifacts/, the Swagger body and the manifest. JAWS_UPDATE_BASELINES=1
// rewrites them; tests/emit/validate_artifacts.py runs cfn-lint on every
// template, root and nested.
#include <catch2/catch.hpp>

#include "emit/SplitFixtures.h"
#include "emit/StackFixtures.h"

using namespace jaws;
using namespace jaws::emit_test;

namespace {

void checkSplitCase(const std::string& name, const model::Stack& stack) {
  for (const auto& [path, text] : splitArtifacts({stack})) {
    INFO(name + "/" + path);
    CHECK(checkGolden(name + "/" + path, text) == "");
  }
}

}  // namespace

TEST_CASE("emit golden: a stack split in two", "[emit][golden][split]") { checkSplitCase("split-two", splitTwoStack()); }
TEST_CASE("emit golden: a stack split in many, over two tiers", "[emit][golden][split]") {
  checkSplitCase("split-many", splitManyStack());
}
