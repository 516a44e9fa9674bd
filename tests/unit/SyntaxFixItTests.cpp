// Mistakes users bring from other tools, each one error with a fix-it whose
// result parses cleanly: a param's decorators after its type (as fields take
// them), and CloudFormation's `${AWS::...}` in a string.
#include <catch2/catch.hpp>

#include <algorithm>

#include "support/Parsing.h"

using namespace jaws;
using jaws::test::codes;
using jaws::test::parseSource;

namespace {

// The text after applying every edit of the diagnostic's first fix-it.
std::string applyFix(const test::ParsedSource& parsed, const Diagnostic& d) {
  REQUIRE_FALSE(d.fixes.empty());
  std::vector<TextEdit> edits = d.fixes[0].edits;
  std::sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) { return a.span.begin > b.span.begin; });
  std::string text(parsed.file().text());
  for (const TextEdit& e : edits) text.replace(e.span.begin, e.span.end - e.span.begin, e.newText);
  return text;
}

std::vector<std::string> decoratorNames(const ast::Decl& decl) {
  std::vector<std::string> names;
  for (const auto& d : decl.decorators) names.push_back(d.name.text);
  return names;
}

}  // namespace

TEST_CASE("a param's decorators after its type: one error, kept, and a fix-it that moves them", "[parser][fixit]") {
  const auto parsed = parseSource(
      "@secure param suffix: string @minLength(3) @maxLength(8) = ssm(\"/s\")\n"
      "let after = 1\n");
  REQUIRE(codes(parsed.diagnostics()) == std::vector<std::string>{"JW1023"});
  const Diagnostic& d = parsed.diagnostics()[0];
  CHECK(parsed.text(d.span) == "@minLength(3) @maxLength(8)");
  CHECK(d.fixes[0].title == "move them before `param`");
  const ast::Decl* param = parsed.decl("suffix");
  REQUIRE(param != nullptr);
  CHECK(decoratorNames(*param) == std::vector<std::string>{"secure", "minLength", "maxLength"});
  CHECK(parsed.decl("after") != nullptr);

  const std::string fixed = applyFix(parsed, d);
  CHECK(fixed == "@secure @minLength(3) @maxLength(8) param suffix: string = ssm(\"/s\")\nlet after = 1\n");
  const auto again = parseSource(fixed);
  CHECK(again.diagnostics().empty());
  CHECK(decoratorNames(*again.decl("suffix")) == std::vector<std::string>{"secure", "minLength", "maxLength"});
}

TEST_CASE("decorators before a declaration lead it; at the end of a param's line they trail it", "[parser][fixit]") {
  // On a line of their own, or on the declaration's line: the next declaration's.
  const auto leading = parseSource(
      "param a: string = \"x\"\n"
      "@secure param b: string\n"
      "param c: string\n"
      "@minLength(1)\n"
      "param d: string\n"
      "param e: string = \"y\" @secure param f: string\n");
  REQUIRE(leading.diagnostics().empty());
  CHECK(decoratorNames(*leading.decl("a")).empty());
  CHECK(decoratorNames(*leading.decl("b")) == std::vector<std::string>{"secure"});
  CHECK(decoratorNames(*leading.decl("d")) == std::vector<std::string>{"minLength"});
  CHECK(decoratorNames(*leading.decl("f")) == std::vector<std::string>{"secure"});
  // At the end of the param's line with the next declaration below: the param's.
  const auto trailing = parseSource(
      "param a: string @minLength(1)\n"
      "param b: string @pattern(\"^x\")\n"
      "@secure param c: string\n");
  CHECK(codes(trailing.diagnostics()) == std::vector<std::string>{"JW1023", "JW1023"});
  CHECK(decoratorNames(*trailing.decl("a")) == std::vector<std::string>{"minLength"});
  CHECK(decoratorNames(*trailing.decl("b")) == std::vector<std::string>{"pattern"});
  CHECK(decoratorNames(*trailing.decl("c")) == std::vector<std::string>{"secure"});
}

TEST_CASE("`${AWS::...}` in a string: one error, the builtin or an escape as the fix", "[parser][fixit]") {
  const auto parsed = parseSource("let a = \"logs-${AWS::StackName}-${AWS::Region}-${ AWS::AccountId }\"\n");
  REQUIRE(codes(parsed.diagnostics()) == std::vector<std::string>{"JW1024", "JW1024", "JW1024"});
  const Diagnostics& d = parsed.diagnostics();
  CHECK(d[0].message == "`${AWS::StackName}` is CloudFormation's syntax, not an interpolation");
  CHECK(parsed.text(d[0].span) == "${AWS::StackName}");
  CHECK(d[0].help == "escape the `$` to keep the text as written");
  CHECK(applyFix(parsed, d[0]) == "let a = \"logs-\\${AWS::StackName}-${AWS::Region}-${ AWS::AccountId }\"\n");
  CHECK(d[1].help == "Jaws knows this value: write `${region}`");
  CHECK(applyFix(parsed, d[1]) == "let a = \"logs-${AWS::StackName}-${region}-${ AWS::AccountId }\"\n");
  CHECK(parsed.text(d[2].span) == "${ AWS::AccountId }");
  CHECK(applyFix(parsed, d[2]) == "let a = \"logs-${AWS::StackName}-${AWS::Region}-${account}\"\n");
  // The string is still a string: the text as written.
  const auto& let = static_cast<const ast::LetDecl&>(*parsed.decl("a"));
  REQUIRE(let.value->kind == ast::ExprKind::String);
  CHECK(static_cast<const ast::StringLiteral&>(*let.value).isPlain());
  // Escaped, or a Jaws expression: nothing to report.
  CHECK(parseSource("let b = \"\\${AWS::StackName}-${stage}-${x.y}\"\n").diagnostics().empty());
}
