// The golden-file helpers: unified diffs and the compare-or-update switch.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "support/Baseline.h"
#include "support/TempDir.h"

using namespace jaws::test;

TEST_CASE("unified diff of changed, added and removed lines", "[baseline]") {
  CHECK(unifiedDiff("a\nb\n", "a\nb\n", "old", "new").empty());
  CHECK(unifiedDiff("a\nb\nc\n", "a\nB\nc\nd\n", "old", "new") ==
        "--- old\n+++ new\n"
        "@@ -1,3 +1,4 @@\n"
        " a\n"
        "-b\n"
        "+B\n"
        " c\n"
        "+d\n");
}

TEST_CASE("distant changes get separate hunks with three lines of context", "[baseline]") {
  std::string before, after;
  for (int i = 1; i <= 20; ++i) {
    before += std::to_string(i) + "\n";
    after += (i == 2 ? "two" : i == 18 ? "eighteen" : std::to_string(i)) + "\n";
  }
  const std::string diff = unifiedDiff(before, after, "a", "b");
  CHECK(diff ==
        "--- a\n+++ b\n"
        "@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n"
        "@@ -15,6 +15,6 @@\n 15\n 16\n 17\n-18\n+eighteen\n 19\n 20\n");
}

TEST_CASE("a missing final newline shows in the diff", "[baseline]") {
  const std::string diff = unifiedDiff("x\n", "x", "a", "b");
  CHECK(diff.find("-x\n") != std::string::npos);
  CHECK(diff.find("+x\n\\ No newline at end of file\n") != std::string::npos);
}

TEST_CASE("checking a baseline: equal, different, missing", "[baseline]") {
  if (updatingBaselines()) return;  // this test is about comparing
  TempDir dir;
  const auto path = dir.write("b.txt", "one\ntwo\n");
  CHECK_FALSE(checkBaseline(path, "one\ntwo\n").has_value());
  const auto different = checkBaseline(path, "one\n2\n");
  REQUIRE(different.has_value());
  CHECK(different->find("differs from the output") != std::string::npos);
  CHECK(different->find("-two\n+2\n") != std::string::npos);
  const auto missing = checkBaseline(dir.path() / "nope.txt", "x\n");
  REQUIRE(missing.has_value());
  CHECK(missing->find("baseline missing") != std::string::npos);
  CHECK(*readFile(path) == "one\ntwo\n");  // comparing never writes
}
