// Golden artifacts of HTTP APIs, function URLs and the SAM comparisons of the
// event sources (issue 11), compiled from
// the projects in tests/emit/projects/<case>/ by the whole pipeline (parse,
// check, evaluate, emit) and written in the layout `jaws build` writes
// (tests/emit/golden/<case>/...). JAWS_UPDATE_BASELINES=1 rewrites them;
// tests/emit/validate_artifacts.py runs cfn-lint and openapi-spec-validator
// on every one, tests/emit/sam_compare.py compares the sam-compare-* cases
// with sam-translator.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "emit/StackFixtures.h"
#include "support/Parsing.h"

using namespace jaws;
using namespace jaws::emit_test;

namespace {

std::vector<model::Stack> compiled(const std::string& name) {
  const auto project = test::compileProject({std::filesystem::path(JAWS_SOURCE_DIR) / "tests/emit/projects" / name});
  for (const auto& d : project.diagnostics) {
    INFO(d.id() << " " << d.message);
    CHECK(d.severity != Severity::Error);
  }
  return project.compilation->stacks();
}

void checkCase(const std::string& name) {
  const auto stacks = compiled(name);
  REQUIRE(!stacks.empty());
  for (const auto& [path, text] : goldenArtifacts(stacks)) {
    INFO(name + "/" + path);
    CHECK(checkGolden(name + "/" + path, text) == "");
  }
}

std::string everything(const std::vector<model::Stack>& stacks) {
  std::string out;
  for (const auto& [path, text] : goldenArtifacts(stacks)) out += path + "\n" + text;
  return out;
}

// Every declaration list reversed: what reading the files in another order gives.
std::vector<model::Stack> reversed(std::vector<model::Stack> stacks) {
  for (auto& stack : stacks) {
    std::reverse(stack.functions.begin(), stack.functions.end());
    std::reverse(stack.apis.begin(), stack.apis.end());
    std::reverse(stack.resources.begin(), stack.resources.end());
    std::reverse(stack.outputs.begin(), stack.outputs.end());
    std::reverse(stack.types.begin(), stack.types.end());
  }
  return stacks;
}

}  // namespace

TEST_CASE("emit golden: an HTTP API with every auth kind, CORS off", "[emit][golden][http]") { checkCase("http-auth"); }
TEST_CASE("emit golden: an HTTP API with CORS, throttling, ANY, Python", "[emit][golden][http]") { checkCase("http-cors"); }
TEST_CASE("emit golden: function URLs (public, IAM, streaming)", "[emit][golden][http]") { checkCase("function-urls"); }
TEST_CASE("emit golden: one HTTP API route (the SAM comparison)", "[emit][golden][http]") { checkCase("sam-compare-http"); }
TEST_CASE("emit golden: one function URL (the SAM comparison)", "[emit][golden][http]") { checkCase("sam-compare-url"); }
TEST_CASE("emit golden: one function per kind of event source (the SAM comparisons)", "[emit][golden][events]") {
  for (const char* name : {"sam-compare-sqs", "sam-compare-sns", "sam-compare-s3", "sam-compare-dynamodb",
                           "sam-compare-kinesis", "sam-compare-rule"}) {
    checkCase(name);
  }
}

TEST_CASE("HTTP APIs and function URLs: twice, and in reversed declaration order, the same bytes",
          "[emit][determinism][http]") {
  for (const char* name : {"http-auth", "http-cors", "function-urls"}) {
    INFO(name);
    const auto stacks = compiled(name);
    const auto other = reversed(stacks);
    REQUIRE(other.front().functions.front().name != stacks.front().functions.front().name);
    CHECK(everything(stacks) == everything(compiled(name)));
    CHECK(everything(other) == everything(stacks));
  }
}
