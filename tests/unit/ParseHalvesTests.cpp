// A large file's second half is parsed on a helper thread while the first
// half is parsed (syntax/Parser.cpp), and taken only when it is what the
// parse of the whole file would give. With the threshold lowered to every
// file, each .jaws text of the repository, whole and after random edits that
// break it in either half, must give the tree and the diagnostics of a parse
// on one thread.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "properties/ReparseProperties.h"
#include "support/AstEquality.h"
#include "support/JawsCorpus.h"
#include "support/Sanitizers.h"

// Named: the unit tests are built as one unit.
namespace parse_halves_tests {

struct Parsed {
  jaws::SourceManager sources;
  jaws::syntax::ParseResult result;
};

std::unique_ptr<Parsed> parseText(const std::string& text, bool halves) {
  auto parsed = std::make_unique<Parsed>();
  const jaws::FileId id = parsed->sources.add("halves.jaws", "halves.jaws", text);
  jaws::syntax::ParseOptions options;
  options.mayUseHelperThread = halves;
  options.helperFromTokens = 1;
  parsed->result = jaws::syntax::parse(parsed->sources.file(id), options);
  return parsed;
}

// A few bytes changed somewhere: a stray brace, a lost one, an import, junk.
std::string broken(const std::string& text, std::mt19937& random) {
  static const char* const kPieces[] = {"}", "{", "\"", "import \"./x.jaws\"\n", "#", "function", "= =", "/*"};
  std::string out = text;
  const std::size_t at = random() % (out.size() + 1);
  if (random() % 3 == 0 && !out.empty()) {
    out.erase(at == out.size() ? at - 1 : at, 1);
  } else {
    out.insert(at, kPieces[random() % std::size(kPieces)]);
  }
  return out;
}

TEST_CASE("a file parsed in two halves on two threads is the file parsed on one", "[syntax][parser]") {
  std::size_t apart = 0, texts = 0, index = 0;
  for (const std::string& original : jaws::test::repositoryJawsTexts()) {
    // Every fourth text under the sanitizers, where the walk took 18 s.
    if (jaws::test::kUnderSanitizers && index++ % 4 != 0) continue;
    std::mt19937 random(static_cast<unsigned>(std::hash<std::string>{}(original)));
    // The text, the text twice (more items in each half), and broken copies.
    std::vector<std::string> variants{original, original + "\n" + original};
    for (int i = 0; i < 4; ++i) variants.push_back(broken(variants[1], random));
    for (const std::string& text : variants) {
      INFO(text);
      const auto whole = parseText(text, false);
      const auto halves = parseText(text, true);
      REQUIRE_FALSE(whole->result.halvesApart);
      REQUIRE(jaws::test::firstAstDifference(*halves->result.unit, *whole->result.unit) == "");
      REQUIRE(jaws::test::diagnosticsText(halves->result.diagnostics) == jaws::test::diagnosticsText(whole->result.diagnostics));
      REQUIRE(halves->result.usedFullLL == whole->result.usedFullLL);
      apart += halves->result.halvesApart;
      ++texts;
    }
  }
  INFO(apart << " of " << texts << " texts parsed in two halves");
  REQUIRE(texts > (jaws::test::kUnderSanitizers ? 50u : 200u));
  // Most texts have an item start after a `}` in their second half.
  REQUIRE(apart * 3 > texts);
}

}  // namespace parse_halves_tests
