// The lexer's input: the source's bytes in place, non-ASCII shown as U+0001
// (so ANTLR's lexer stays on its cached DFA), a byte order mark as it is, and
// token text taken from the source's own bytes.
#include <catch2/catch.hpp>

#include "support/Parsing.h"
#include "syntax/ByteCharStream.h"

using namespace jaws;

TEST_CASE("byte stream: ASCII as it is, every non-ASCII byte as U+0001", "[lexer]") {
  const std::string text = "a\xC3\xA9z";  // a, é (two bytes), z
  syntax::ByteCharStream input(text);
  CHECK(input.size() == 4);
  CHECK(input.LA(1) == 'a');
  CHECK(input.LA(2) == 0x01);
  CHECK(input.LA(3) == 0x01);
  CHECK(input.LA(4) == 'z');
  CHECK(input.LA(5) == antlr4::IntStream::EOF);
  input.consume();
  CHECK(input.index() == 1);
  CHECK(input.LA(-1) == 'a');
  input.seek(99);
  CHECK(input.index() == 4);
  CHECK(input.LA(1) == antlr4::IntStream::EOF);
}

TEST_CASE("byte stream: a byte order mark keeps its bytes, and text is the source's bytes", "[lexer]") {
  const std::string text = "\xEF\xBB\xBFx \"\xE6\x97\xA5\"";
  syntax::ByteCharStream input(text);
  CHECK(input.LA(1) == 0xEF);
  CHECK(input.LA(2) == 0xBB);
  CHECK(input.LA(3) == 0xBF);
  CHECK(input.LA(7) == 0x01);  // the first byte of 日
  CHECK(input.getText(antlr4::misc::Interval(ssize_t{6}, ssize_t{8})) == "\xE6\x97\xA5");
  CHECK(input.getText(antlr4::misc::Interval(ssize_t{20}, ssize_t{30})).empty());
}

TEST_CASE("non-ASCII text in strings and comments lexes as before, with byte spans", "[lexer]") {
  const auto parsed = test::parseSource(
      "// caf\xC3\xA9 \xE2\x98\x83\n"
      "let s = \"\xE6\x97\xA5\xE6\x9C\xAC ${stage} \xF0\x9F\x98\x80\"\n");
  REQUIRE(parsed.diagnostics().empty());
  REQUIRE(parsed.unit().comments.size() == 1);
  CHECK(parsed.text(parsed.unit().comments[0].span) == "// caf\xC3\xA9 \xE2\x98\x83");
  const auto& value = static_cast<const ast::LetDecl&>(*parsed.decl("s")).value;
  REQUIRE(value->kind == ast::ExprKind::String);
  const auto& string = static_cast<const ast::StringLiteral&>(*value);
  REQUIRE(string.parts.size() == 3);
  CHECK(string.parts[0].text == "\xE6\x97\xA5\xE6\x9C\xAC ");
  CHECK(string.parts[2].text == " \xF0\x9F\x98\x80");
}
