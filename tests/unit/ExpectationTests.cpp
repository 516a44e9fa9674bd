// The inline-expectation checker itself: it must fail on a missing or an
// unexpected diagnostic, or a test written with it could pass by accident.
#include <catch2/catch.hpp>

#include "diag/Builders.h"
#include "support/Expectations.h"
#include "support/TempDir.h"

using namespace jaws;
using namespace jaws::test;

namespace {

struct Fixture {
  SourceManager sources;
  FileId id;
  explicit Fixture(std::string text) : id(sources.add("t.jaws", "t.jaws", std::move(text))) {}
  Span line(std::uint32_t n, std::uint32_t column = 1) const {
    const SourceFile& f = sources.file(id);
    const std::uint32_t at = f.lineStart(n - 1) + column - 1;
    return Span{id, at, at + 1};
  }
  std::vector<std::string> check(const Diagnostics& diagnostics) const {
    return checkExpectations(diagnostics, sources, {id});
  }
};

}  // namespace

TEST_CASE("expectation comments: places, severities, counts", "[expectations]") {
  const Fixture f(
      "let a = 1 // expect-error JW1003\n"
      "// expect-warning@+1 JW1021 JW1021\n"
      "import \"x\"\n"
      "// expect-error@-3:9 JW1004\n"
      "// expect-error@7 JW1003*3 JW1018\n"
      "// expect-hint JW5001\n");
  const FileExpectations parsed = parseExpectations(f.sources.file(f.id));
  CHECK(parsed.errors.empty());
  REQUIRE(parsed.expectations.size() == 7);
  CHECK(parsed.expectations[0].line == 1);
  CHECK(parsed.expectations[0].severity == Severity::Error);
  CHECK(parsed.expectations[1].line == 3);
  CHECK(parsed.expectations[1].severity == Severity::Warning);
  CHECK(parsed.expectations[3].line == 1);
  CHECK(parsed.expectations[3].column == 9u);
  CHECK(parsed.expectations[4].line == 7);
  CHECK(parsed.expectations[4].count == 3);
  CHECK(parsed.expectations[5].code == "JW1018");
  CHECK(parsed.expectations[6].severity == Severity::Hint);
}

TEST_CASE("malformed expectation comments are errors, not silently ignored", "[expectations]") {
  const Fixture f(
      "// expect-eror JW1003\n"
      "// expect-error@x JW1003\n"
      "// expect-error 1003\n"
      "// expect-error\n"
      "// expect-error JW1003*0\n"
      "// expect-no-diagnostics please\n");
  const FileExpectations parsed = parseExpectations(f.sources.file(f.id));
  CHECK(parsed.expectations.empty());
  REQUIRE(parsed.errors.size() == 6);
  CHECK(parsed.errors[0].rfind("t.jaws:1: malformed expectation", 0) == 0);
  CHECK(parsed.errors[5].rfind("t.jaws:6:", 0) == 0);
}

TEST_CASE("a met expectation passes; missing and unexpected ones fail with file:line", "[expectations]") {
  const Fixture f("let a = 1 # x\n// expect-error@-1 JW1003\n\nlet b = 2\n");
  CHECK(f.check({diag::StrayCharacter(f.line(1, 11), "`#`")}).empty());

  const auto missing = f.check({});
  REQUIRE(missing.size() == 1);
  CHECK(missing[0] == "t.jaws:1: missing error JW1003 (expected by the comment on line 2)");

  const auto extra = f.check({diag::StrayCharacter(f.line(1, 11), "`#`"), diag::StrayCharacter(f.line(4, 5), "`b`")});
  REQUIRE(extra.size() == 1);
  CHECK(extra[0] == "t.jaws:4:5: unexpected error JW1003: unexpected character `b`");

  // Right code, wrong line: both a miss and a surprise.
  CHECK(f.check({diag::StrayCharacter(f.line(4), "`l`")}).size() == 2);
  // Right place, wrong severity or code.
  CHECK(f.check({diag::ImportNotAtTop(f.line(1))}).size() == 2);
  CHECK(f.check({diag::StrayCharacter(f.line(1), "`l`"), diag::StrayCharacter(f.line(1), "`e`")}).size() == 1);
}

TEST_CASE("a column in an expectation must match", "[expectations]") {
  const Fixture f("let a = = 1 // expect-error:9 JW1004\n");
  CHECK(f.check({diag::UnexpectedToken(f.line(1, 9), "`=`", "x")}).empty());
  CHECK(f.check({diag::UnexpectedToken(f.line(1, 5), "`=`", "x")}).size() == 2);
}

TEST_CASE("verify-only limits the check to some code prefixes", "[expectations]") {
  const Fixture f("// verify-only JW1\nlet a = 1 // expect-error JW1003\n");
  CHECK(f.check({diag::StrayCharacter(f.line(2), "`#`"), diag::ImportNotFound(f.line(2), "x"),
                 diag::NoSourceFiles(Span{}, "x")})
            .empty());
  CHECK(f.check({diag::StrayCharacter(f.line(2), "`#`"), diag::UnexpectedToken(f.line(2), "x", "y")}).size() == 1);
}

TEST_CASE("verifying a project on disk", "[expectations]") {
  TempDir dir;
  SECTION("passes") {
    const auto file = dir.write("ok/t.jaws", "// verify-only JW1\n// expect-error@+1 JW1004\nlet x = = 1\n");
    const VerifyResult result = verifyProject(file);
    CHECK(result.failures.empty());
    CHECK(result.expectations == 1);
  }
  SECTION("a project without any expectation fails") {
    const auto file = dir.write("none/t.jaws", "let x = 1\n");
    const VerifyResult result = verifyProject(file);
    REQUIRE_FALSE(result.failures.empty());
    CHECK(result.failures.back().find("no expectation comment") != std::string::npos);
  }
  SECTION("a diagnostic in an imported file is expected in that file") {
    dir.write("ws/app/main.jaws", "// verify-only JW1 JW20\nimport \"../lib/bad.jaws\"\n");
    dir.write("ws/lib/bad.jaws", "// verify-only JW1\nlet y = = 2 // expect-error JW1004\n");  // not the lints (JW5)
    CHECK(verifyProject(dir.path() / "ws/app").failures.empty());
    dir.write("ws/lib/bad.jaws", "// verify-only JW1\nlet y = = 2\n");
    const VerifyResult result = verifyProject(dir.path() / "ws/app");
    REQUIRE(result.failures.size() == 2);  // the surprise, and a project without any expectation
    CHECK(result.failures[0].find("bad.jaws:2:9: unexpected error JW1004") != std::string::npos);
  }
}
