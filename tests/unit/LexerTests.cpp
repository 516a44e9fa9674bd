// The lexical layer, seen through the parser: comments, strings, escapes,
// interpolation, numbers with units, stray characters.
#include <catch2/catch.hpp>

#include "support/Parsing.h"

using namespace jaws;
using jaws::test::codes;
using jaws::test::parseSource;

namespace {

const ast::Expr& letValue(const test::ParsedSource& parsed, std::string_view name) {
  const ast::Decl* decl = parsed.decl(name);
  REQUIRE(decl != nullptr);
  REQUIRE(decl->kind == ast::DeclKind::Let);
  return *static_cast<const ast::LetDecl*>(decl)->value;
}

template <typename T>
const T& as(const ast::Expr& expr, ast::ExprKind kind) {
  REQUIRE(expr.kind == kind);
  return static_cast<const T&>(expr);
}

}  // namespace

TEST_CASE("comments are kept with their kind and exact span", "[lexer]") {
  const auto parsed = parseSource(
      "// line\n"
      "/// doc\n"
      "let a = 1 /* block\n spans lines */ let b = 2\n"
      "//no space\n");
  REQUIRE(parsed.diagnostics().empty());
  const auto& comments = parsed.unit().comments;
  REQUIRE(comments.size() == 4);
  CHECK(comments[0].kind == ast::Comment::Kind::Line);
  CHECK(parsed.text(comments[0].span) == "// line");
  CHECK(comments[1].kind == ast::Comment::Kind::Doc);
  CHECK(parsed.text(comments[1].span) == "/// doc");
  CHECK(comments[2].kind == ast::Comment::Kind::Block);
  CHECK(parsed.text(comments[2].span) == "/* block\n spans lines */");
  CHECK(parsed.at(comments[2].span) == "3:11");
  CHECK(comments[3].kind == ast::Comment::Kind::Line);
  CHECK(parsed.unit().decls.size() == 2);
}

TEST_CASE("a byte-order mark is ignored", "[lexer]") {
  const auto parsed = parseSource("\xEF\xBB\xBFlet a = 1\n");
  CHECK(parsed.diagnostics().empty());
  REQUIRE(parsed.decl("a") != nullptr);
  CHECK(parsed.at(parsed.decl("a")->span) == "1:2");
}

TEST_CASE("string escapes are decoded", "[lexer][strings]") {
  const auto parsed = parseSource(R"(let s = "q\" b\\ n\n t\t r\r d\$ u\u{41}\u{1F600}\u{e9}")" "\n");
  REQUIRE(parsed.diagnostics().empty());
  const auto& s = as<ast::StringLiteral>(letValue(parsed, "s"), ast::ExprKind::String);
  CHECK(s.isPlain());
  CHECK(s.terminated);
  CHECK(s.plainText() == "q\" b\\ n\n t\t r\r d$ uA\xF0\x9F\x98\x80\xC3\xA9");
}

TEST_CASE("invalid escapes are reported at the escape, with a fix", "[lexer][strings]") {
  const auto parsed = parseSource("let p = \"C:\\temp\\x\"\n");
  REQUIRE(codes(parsed.diagnostics()) == std::vector<std::string>{"JW1006"});
  const Diagnostic& d = parsed.diagnostics()[0];
  // `\t` is a valid escape; `\x` is not.
  CHECK(parsed.text(d.span) == "\\x");
  CHECK(d.message == "invalid escape sequence \\x");
  REQUIRE(d.fixes.size() == 1);
  CHECK(d.fixes[0].edits[0].newText == "\\\\");
}

TEST_CASE("unicode escapes must name a scalar value", "[lexer][strings]") {
  const auto parsed = parseSource(R"(let s = "\u{D800} \u{110000} \u{} \u{10FFFF}")" "\n");
  REQUIRE(codes(parsed.diagnostics()) == std::vector<std::string>{"JW1019", "JW1019", "JW1019"});
  CHECK(parsed.text(parsed.diagnostics()[0].span) == "\\u{D800}");
  CHECK(parsed.text(parsed.diagnostics()[1].span) == "\\u{110000}");
  CHECK(parsed.text(parsed.diagnostics()[2].span) == "\\u{}");
}

TEST_CASE("interpolation splits a string into text and expressions", "[lexer][strings]") {
  const auto parsed = parseSource("let s = \"todos-${stage}-${ {a = \"}\"}.a }!\"\n");
  REQUIRE(parsed.diagnostics().empty());
  const auto& s = as<ast::StringLiteral>(letValue(parsed, "s"), ast::ExprKind::String);
  CHECK_FALSE(s.isPlain());
  REQUIRE(s.parts.size() == 5);
  CHECK(s.parts[0].text == "todos-");
  REQUIRE(s.parts[1].isInterpolation());
  CHECK(s.parts[1].expr->kind == ast::ExprKind::Name);
  CHECK(parsed.text(s.parts[1].span) == "${stage}");
  CHECK(s.parts[2].text == "-");
  // An object inside an interpolation, with a `}` in a string, does not close it early.
  REQUIRE(s.parts[3].isInterpolation());
  CHECK(s.parts[3].expr->kind == ast::ExprKind::Member);
  CHECK(s.parts[4].text == "!");
}

TEST_CASE("a lone dollar and an escaped one are text", "[lexer][strings]") {
  const auto parsed = parseSource("let s = \"cost: $5 \\${x}\"\n");
  REQUIRE(parsed.diagnostics().empty());
  const auto& s = as<ast::StringLiteral>(letValue(parsed, "s"), ast::ExprKind::String);
  CHECK(s.isPlain());
  CHECK(s.plainText() == "cost: $5 ${x}");
}

TEST_CASE("a string cut by a line break is one error and the next line parses", "[lexer][strings]") {
  const auto parsed = parseSource("let a = \"hello\nlet b = \"world\"\n");
  REQUIRE(codes(parsed.diagnostics()) == std::vector<std::string>{"JW1001"});
  CHECK(parsed.at(parsed.diagnostics()[0].span) == "1:9");
  CHECK(parsed.text(parsed.diagnostics()[0].span) == "\"hello");
  const auto& a = as<ast::StringLiteral>(letValue(parsed, "a"), ast::ExprKind::String);
  CHECK_FALSE(a.terminated);
  CHECK(a.plainText() == "hello");
  CHECK(as<ast::StringLiteral>(letValue(parsed, "b"), ast::ExprKind::String).plainText() == "world");
}

TEST_CASE("a string that runs to the end of the file is one error", "[lexer][strings]") {
  SECTION("plain") {
    const auto parsed = parseSource("let a = 1\nlet b = \"never closed");
    REQUIRE(codes(parsed.diagnostics()) == std::vector<std::string>{"JW1001"});
    CHECK(parsed.at(parsed.diagnostics()[0].span) == "2:9");
    CHECK(parsed.decl("a") != nullptr);
  }
  SECTION("inside an interpolation that swallows the following lines") {
    const auto parsed = parseSource("let a = \"hello ${name\nlet b = 1\n");
    REQUIRE(codes(parsed.diagnostics()) == std::vector<std::string>{"JW1001"});
    CHECK(parsed.at(parsed.diagnostics()[0].span) == "1:9");
  }
}

TEST_CASE("an unterminated block comment is one error at its start", "[lexer]") {
  const auto parsed = parseSource("let x = 1\n/* a comment\n * that never ends\nlet y = 2\n");
  REQUIRE(codes(parsed.diagnostics()) == std::vector<std::string>{"JW1002"});
  CHECK(parsed.at(parsed.diagnostics()[0].span) == "2:1");
  CHECK(parsed.text(parsed.diagnostics()[0].span) == "/*");
  CHECK(parsed.decl("x") != nullptr);
  CHECK(parsed.decl("y") == nullptr);  // it is inside the comment
}

TEST_CASE("stray characters are one error each, with the parser quiet about them", "[lexer]") {
  const auto parsed = parseSource("let x = 1 # not a comment\nlet y = \xC3\xA9\nlet z = 2 ~\n");
  REQUIRE(codes(parsed.diagnostics()) == std::vector<std::string>{"JW1003", "JW1003", "JW1003"});
  CHECK(parsed.diagnostics()[0].message == "unexpected character `#`");
  CHECK(parsed.at(parsed.diagnostics()[0].span) == "1:11");
  // A multi-byte character is one diagnostic covering its bytes.
  CHECK(parsed.diagnostics()[1].message == "unexpected character `\xC3\xA9` (U+00E9)");
  CHECK(parsed.diagnostics()[1].span.size() == 2);
  CHECK(parsed.at(parsed.diagnostics()[2].span) == "3:11");
  CHECK(parsed.decl("z") != nullptr);
}

TEST_CASE("an invisible or confusable stray character is named by its code point only", "[lexer]") {
  // A backtick would clash with the quotes of the message; a right-to-left
  // override or a zero-width space would be invisible or reorder the line.
  const auto parsed = parseSource("let a = 1 `\nlet b = 2 \xE2\x80\xAE\nlet c = 3 \xE2\x80\x8B\n");
  REQUIRE(codes(parsed.diagnostics()) == std::vector<std::string>{"JW1003", "JW1003", "JW1003"});
  CHECK(parsed.diagnostics()[0].message == "unexpected character U+0060");
  CHECK(parsed.diagnostics()[1].message == "unexpected character U+202E");
  CHECK(parsed.diagnostics()[2].message == "unexpected character U+200B");
  CHECK(parsed.at(parsed.diagnostics()[1].span) == "2:11");
}

TEST_CASE("control characters are named by code point", "[lexer]") {
  const auto parsed = parseSource(std::string("let x = 1\x01\n", 11));
  REQUIRE(codes(parsed.diagnostics()) == std::vector<std::string>{"JW1003"});
  CHECK(parsed.diagnostics()[0].message == "unexpected character U+0001");
}

TEST_CASE("sizes are bytes in binary units, durations milliseconds", "[lexer][numbers]") {
  const auto parsed = parseSource(
      "let a = 128KB\nlet b = 256MB\nlet c = 1GB\nlet d = 2TB\n"
      "let e = 100ms\nlet f = 10s\nlet g = 5m\nlet h = 1h\nlet i = 14d\n"
      "let j = 42\nlet k = -7\nlet l = 3.25\n");
  REQUIRE(parsed.diagnostics().empty());
  auto size = [&](std::string_view n) { return as<ast::SizeLiteral>(letValue(parsed, n), ast::ExprKind::Size).bytes; };
  auto ms = [&](std::string_view n) {
    return as<ast::DurationLiteral>(letValue(parsed, n), ast::ExprKind::Duration).milliseconds;
  };
  CHECK(size("a") == 128 * 1024);
  CHECK(size("b") == 256LL * 1024 * 1024);
  CHECK(size("c") == 1024LL * 1024 * 1024);
  CHECK(size("d") == 2LL * 1024 * 1024 * 1024 * 1024);
  CHECK(ms("e") == 100);
  CHECK(ms("f") == 10'000);
  CHECK(ms("g") == 300'000);
  CHECK(ms("h") == 3'600'000);
  CHECK(ms("i") == 14LL * 86'400'000);
  CHECK(as<ast::IntLiteral>(letValue(parsed, "j"), ast::ExprKind::Int).value == 42);
  CHECK(as<ast::IntLiteral>(letValue(parsed, "k"), ast::ExprKind::Int).value == -7);
  CHECK(as<ast::DecimalLiteral>(letValue(parsed, "l"), ast::ExprKind::Decimal).value == 3.25);
}

TEST_CASE("integers past 64 bits are reported, also once scaled by a unit", "[lexer][numbers]") {
  const auto parsed = parseSource(
      "let a = 9223372036854775807\nlet b = 9223372036854775808\nlet c = -9223372036854775808\n"
      "let d = 99999999999999999999999999\nlet e = 8388608TB\nlet f = 106751991167301d\n");
  REQUIRE(codes(parsed.diagnostics()) == std::vector<std::string>{"JW1007", "JW1007", "JW1007", "JW1007"});
  CHECK(parsed.at(parsed.diagnostics()[0].span) == "2:9");
  CHECK(parsed.text(parsed.diagnostics()[0].span) == "9223372036854775808");
  CHECK(parsed.at(parsed.diagnostics()[1].span) == "4:9");
  CHECK(parsed.diagnostics()[2].message == "integer literal 8388608TB does not fit in 64 bits");
  CHECK(parsed.at(parsed.diagnostics()[3].span) == "6:9");
  CHECK(as<ast::IntLiteral>(letValue(parsed, "a"), ast::ExprKind::Int).value == INT64_MAX);
  CHECK(as<ast::IntLiteral>(letValue(parsed, "c"), ast::ExprKind::Int).value == INT64_MIN);
  CHECK(letValue(parsed, "b").kind == ast::ExprKind::Error);
}

TEST_CASE("unknown number units are one error with a suggestion", "[lexer][numbers]") {
  const auto parsed = parseSource("let a = 10sec\nlet b = 1.5GB\nlet c = 3xyz\n");
  REQUIRE(codes(parsed.diagnostics()) == std::vector<std::string>{"JW1010", "JW1010", "JW1010"});
  const Diagnostic& sec = parsed.diagnostics()[0];
  CHECK(sec.message == "unknown unit `sec` in `10sec`");
  CHECK(sec.help == "did you mean `10s`?");
  REQUIRE(sec.fixes.size() == 1);
  CHECK(sec.fixes[0].edits[0].newText == "10s");
  CHECK(parsed.text(sec.fixes[0].edits[0].span) == "10sec");
  CHECK(parsed.diagnostics()[1].help == "sizes and durations are whole numbers: write 1536MB, not 1.5GB");
  CHECK(parsed.diagnostics()[2].help == "sizes take KB, MB, GB or TB; durations take ms, s, m, h or d");
}
