// The hand-written tokenizer against its specification, the lexer ANTLR
// generates from grammar/JawsLexer.g4: both lex the same inputs (every .jaws
// file of the repository, the fuzz corpus, edge cases, and random and mutated
// inputs) and must produce the same tokens, field by field.
#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "JawsLexer.h"
#include "support/JawsCorpus.h"
#include "syntax/ByteCharStream.h"
#include "syntax/Tokenizer.h"

namespace {


std::string describe(const antlr4::Token& t) {
  return fmt::format("type {} channel {} [{}, {}] {}:{}", t.getType(), t.getChannel(), t.getStartIndex(),
                     static_cast<long long>(t.getStopIndex()), t.getLine(), t.getCharPositionInLine());
}

std::vector<std::string> lexWithAntlr(std::string_view text) {
  jaws::syntax::ByteCharStream input(text);
  jaws::grammar::JawsLexer lexer(&input);
  lexer.removeErrorListeners();
  std::vector<std::string> tokens;
  for (;;) {
    auto token = lexer.nextToken();
    tokens.push_back(describe(*token));
    if (token->getType() == antlr4::Token::EOF) return tokens;
  }
}

std::vector<std::string> lexWithTokenizer(std::string_view text) {
  jaws::syntax::ByteCharStream input(text);
  jaws::syntax::Tokenizer lexer(input);
  std::vector<std::string> tokens;
  for (;;) {
    auto token = lexer.nextToken();
    tokens.push_back(describe(*token));
    if (token->getType() == antlr4::Token::EOF) return tokens;
  }
}

// The input, printable: other bytes as \xNN.
std::string shown(std::string_view text) {
  std::string out;
  for (const char c : text.substr(0, 300)) {
    const auto byte = static_cast<unsigned char>(c);
    out += byte >= 0x20 && byte < 0x7F ? std::string(1, c) : fmt::format("\\x{:02X}", byte);
  }
  return out;
}

// The first token where the two differ, with the input, or "" if none.
std::string firstDifference(std::string_view text) {
  const auto expected = lexWithAntlr(text);
  const auto actual = lexWithTokenizer(text);
  for (size_t i = 0; i < std::max(expected.size(), actual.size()); ++i) {
    const std::string e = i < expected.size() ? expected[i] : "(none)";
    const std::string a = i < actual.size() ? actual[i] : "(none)";
    if (e != a) return fmt::format("token {}: ANTLR {} / tokenizer {} in \"{}\"", i, e, a, shown(text));
  }
  return "";
}

}  // namespace

TEST_CASE("the tokenizer lexes every .jaws file of the repository as the generated lexer does", "[lexer][tokenizer]") {
  const auto texts = jaws::test::repositoryJawsTexts();
  REQUIRE(texts.size() > 100);
  for (const auto& text : texts) CHECK(firstDifference(text) == "");
}

TEST_CASE("the tokenizer agrees with the generated lexer on edge cases", "[lexer][tokenizer]") {
  const char* cases[] = {
      "", " ", "\n", "\r\n", "a", "-", "->", "-1", "-1.5", "1.", "1..2", "1.5.3", "10KB", "10KBs", "10kb", "10MB",
      "10ms", "10m", "10s5", "1.5s", "1.5KB", "-3d", "0x1F", "1e5", "_a1", "import", "imports", "function", "functions",
      "true", "null", "nulls", "stage", "&", "&&", "&&&", "|", "||", "|||", "!", "!=", "=", "==", "===", "/", "//",
      "///", "////x", "/* a */", "/**/", "/*/", "/* open", "/* open *", "/* a */ */", "/a", "/a/b", "/a//b", "/a-",
      "/a->f", "/a-->f", "/a--b", "/-", "/->", "/-/a", "/a/-/", "/a/-", "/a/->", "/{id}/x.y~z+w", "/a-\n", "/a /b",
      "GET /r{i}/items/{id} -> f { }", "\"\"", "\"abc\"", "\"a\nb\"", "\"a\r\nb", "\"a\rb", "\"\\", "\"\\\n",
      "\"\\n\"", "\"\\u{41}\"", "\"\\u{41\"", "\"\\u{zz}\"", "\"\\u\"", "\"$\"", "\"$x\"", "\"${a}\"", "\"${ {a = 1}.a }\"",
      "\"${\"${x}\"}\"", "\"${ \"a\n }\"", "\"${ }", "}", "}}}", "{{}}", "\"${ { } } }\"", "#", "##$%^", "a#b",
      "`~'\\", "\x01\x02\x7F", "\xEF\xBB\xBF" "let a = 1", "let \xEF\xBB\xBF" " a", "\xEF\xBB", "\xEF\xEF\xBB\xBF",
      "\xC3\xA9", "\"\xC3\xA9\"", "// \xC3\xA9\n", "a\xC3\xA9" "b", "\"\\\xC3\xA9" "\"", "\t\f\v x", "\x01 a",
      "@a(1)", "a.b?c:d", "x[0]", "<>", ",;:.@?", "a\n\n  b\r\n c", "\"${\"", "\"${a",
  };
  for (const char* text : cases) CHECK(firstDifference(text) == "");
  const std::string withNul("let a = \"\0\" \0 b", 15);
  CHECK(firstDifference(withNul) == "");
}

TEST_CASE("the tokenizer agrees with the generated lexer on random inputs", "[lexer][tokenizer]") {
  // Pieces that exercise every rule and mode switch, glued at random.
  const std::vector<std::string> pieces = {
      "a", "_", "import", "stage", "1", "-", "2", ".", "5", "KB", "ms", "s", "x", "/", "//", "/*", "*/", "*", "-",
      ">", "->", "{", "}", "${", "$", "\"", "\\", "\\u{", "41", "\n", "\r", " ", "\t", "=", "!", "&", "|", "#", "@",
      "(", ")", "[", "]", "<", ",", ":", "?", "~", "+", "\xEF\xBB\xBF", "\xC3\xA9", "\xEF", "\x01", "`", "'",
  };
  std::mt19937 random(16);
  std::uniform_int_distribution<size_t> piece(0, pieces.size() - 1);
  std::uniform_int_distribution<size_t> length(1, 40);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    for (size_t n = length(random); n > 0; --n) text += pieces[piece(random)];
    const std::string difference = firstDifference(text);
    CHECK(difference == "");
    if (!difference.empty()) break;
  }
}

TEST_CASE("the tokenizer agrees with the generated lexer on mutated files", "[lexer][tokenizer]") {
  const auto texts = jaws::test::repositoryJawsTexts();
  REQUIRE(!texts.empty());
  const std::string bytes = "{}\"$\\/*-> \n\r#\xEF\xC3";
  std::mt19937 random(1616);
  for (int round = 0; round < 400; ++round) {
    std::string text = texts[random() % texts.size()];
    if (text.size() > 4000) text.resize(4000);
    for (int edit = 0; edit < 5 && !text.empty(); ++edit) {
      const size_t at = random() % text.size();
      switch (random() % 3) {
        case 0: text.erase(at, 1 + random() % 8); break;
        case 1: text.insert(at, 1, bytes[random() % bytes.size()]); break;
        default: text[at] = bytes[random() % bytes.size()]; break;
      }
    }
    const std::string difference = firstDifference(text);
    CHECK(difference == "");
    if (!difference.empty()) break;
  }
}
