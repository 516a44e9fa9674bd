// The parser's table of predictions computed when jaws is built
// (syntax/SettledPredictions.h, syntax/PrecomputedPrediction) answers exactly
// as ANTLR's own DFA walk: every answer it gives while every .jaws file of the
// repository and mutated ones (whose errors send items to LL mode and
// recovery) are parsed is the walk's too, and the files parse to the same
// trees and diagnostics with the table and without it.
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "source/SourceManager.h"
#include "support/JawsCorpus.h"
#include "syntax/AstDump.h"
#include "syntax/PrecomputedPrediction.h"
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
  syntax::PrecomputedPrediction::useTable(false);
  std::string out = parsed(text);
  syntax::PrecomputedPrediction::useTable(true);
  return out;
}

}  // namespace

TEST_CASE("the prediction table parses every .jaws file of the repository as ANTLR's walk does", "[parser][prediction]") {
  const auto texts = test::repositoryJawsTexts();
  REQUIRE(texts.size() > 100);
  for (const auto& text : texts) {
    CHECK(parsed(text) == withoutTable(text));
  }
}

TEST_CASE("every answer of the prediction table is the one ANTLR's walk gives", "[parser][prediction]") {
  const auto texts = test::repositoryJawsTexts();
  REQUIRE(texts.size() > 100);
  const std::size_t answersBefore = syntax::PrecomputedPrediction::tableAnswers();
  const std::size_t unlikeBefore = syntax::PrecomputedPrediction::answersUnlikeWalk();
  syntax::PrecomputedPrediction::checkAgainstWalk(true);
  for (const auto& text : texts) parsed(text);
  syntax::PrecomputedPrediction::checkAgainstWalk(false);
  // Most predictions of a parse are the table's: a table that never answers
  // (say, one computed for another grammar) fails here.
  CHECK(syntax::PrecomputedPrediction::tableAnswers() - answersBefore > 10000);
  CHECK(syntax::PrecomputedPrediction::answersUnlikeWalk() - unlikeBefore == 0);
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
    // And each answer the table gave on the way, against the walk's.
    const std::size_t unlikeBefore = syntax::PrecomputedPrediction::answersUnlikeWalk();
    syntax::PrecomputedPrediction::checkAgainstWalk(true);
    parsed(text);
    syntax::PrecomputedPrediction::checkAgainstWalk(false);
    CHECK(syntax::PrecomputedPrediction::answersUnlikeWalk() == unlikeBefore);
  }
}
