#pragma once
// Golden artifacts compiled from the projects in tests/emit/projects/<case>/
// by the whole pipeline (parse, check, evaluate, emit), in the layout
// `jaws build` writes (tests/emit/golden/<case>/...); shared by the golden
// tests of HTTP APIs (issue 11) and of resource and function options (issue 12).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "emit/StackFixtures.h"
#include "support/Parsing.h"

namespace jaws::emit_test {

inline std::vector<model::Stack> compiled(const std::string& name) {
  const auto project = test::compileProject({std::filesystem::path(JAWS_SOURCE_DIR) / "tests/emit/projects" / name});
  for (const auto& d : project.diagnostics) {
    INFO(d.id() << " " << d.message);
    CHECK(d.severity != Severity::Error);
  }
  return project.compilation->stacks();
}

inline void checkCase(const std::string& name) {
  const auto stacks = compiled(name);
  REQUIRE(!stacks.empty());
  for (const auto& [path, text] : goldenArtifacts(stacks)) {
    INFO(name + "/" + path);
    CHECK(checkGolden(name + "/" + path, text) == "");
  }
}

inline std::string everything(const std::vector<model::Stack>& stacks) {
  std::string out;
  for (const auto& [path, text] : goldenArtifacts(stacks)) out += path + "\n" + text;
  return out;
}

// Every declaration list reversed: what reading the files in another order gives.
inline std::vector<model::Stack> reversed(std::vector<model::Stack> stacks) {
  for (auto& stack : stacks) stack = reversedDeclarations(std::move(stack));
  return stacks;
}


}  // namespace jaws::emit_test
