// The parser's table of first-token predictions (syntax/FirstTokenPrediction)
// answers exactly as ANTLR's own DFA walk: every .jaws file of the repository
// and mutated ones (whose errors send items to LL mode and recovery) parse to
// the same trees and diagnostics with the table and without it.
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "source/SourceManager.h"
#include "support/JawsCorpus.h"
#include "syntax/AstDump.h"
#include "syntax/FirstTokenPrediction.h"
#include "syntax/Parser.h"

using namespace jaws;

namespace {

// The tree with its spans, and every diagnostic with its position.
std::string parsed(const std::string& text) {
  SourceManager sources;
  const FileId id = sources.add("test.jaws", "test.jaws", text);
  const SourceFile& file = sources.file(id);
  const syntax::ParseResult result = syntax::parse(file);
  std::string out = ast::dump(*result.unit, file);
  out += fmt::format("full LL: {}\n", result.usedFullLL);
  for (const auto& d : result.diagnostics) {
    out += fmt::format("{} {}-{}: {}\n", d.id(), d.span.begin, d.span.end, d.message);
  }
  return out;
}

std::string withoutTable(const std::string& text) {
  syntax::FirstTokenPrediction::useTable(false);
  std::string out = parsed(text);
  syntax::FirstTokenPrediction::useTable(true);
  return out;
}

}  // namespace

TEST_CASE("the prediction table parses every .jaws file of the repository as ANTLR's walk does", "[parser][prediction]") {
  const auto texts = test::repositoryJawsTexts();
  REQUIRE(texts.size() > 100);
  for (const auto& text : texts) {
    const std::string expected = withoutTable(text);
    CHECK(parsed(text) == expected);
    CHECK(parsed(text) == expected);  // the table filled by the parse before
  }
  CHECK(syntax::FirstTokenPrediction::tableEntries() > 50);
}

TEST_CASE("the prediction table parses mutated files as ANTLR's walk does", "[parser][prediction]") {
  const auto texts = test::repositoryJawsTexts();
  REQUIRE(!texts.empty());
  const std::string bytes = "{}()[]\"$\\/*-> \n@#=:?|";
  const std::vector<std::string> words = {"function ", "api ", "type ", "let ", "stage ", "}\n", "${", "GET /a -> ", "a.b(", "x ? "};
  std::mt19937 random(1818);
  for (int round = 0; round < 400; ++round) {
    std::string text = texts[random() % texts.size()];
    for (int edit = 0; edit < 3 && !text.empty(); ++edit) {
      const std::size_t at = random() % text.size();
      switch (random() % 4) {
        case 0: text.erase(at, 1 + random() % 8); break;
        case 1: text.insert(at, 1, bytes[random() % bytes.size()]); break;
        case 2: text.insert(at, words[random() % words.size()]); break;
        default: text[at] = bytes[random() % bytes.size()]; break;
      }
    }
    const std::string expected = withoutTable(text);
    const std::string actual = parsed(text);
    CHECK(actual == expected);
    if (actual != expected) break;
  }
}
