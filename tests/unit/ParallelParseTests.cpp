// A file parsed in runs of items on several threads (syntax::ParseOptions)
// gives exactly the tree and the diagnostics one parse of the whole file
// gives: on every .jaws file of the repository cut at every place the runs
// may begin, on mutated files (which fall back to one parse), and on a large
// generated file cut as `jaws check` cuts it.
#include <random>
#include <string>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "source/SourceManager.h"
#include "support/JawsCorpus.h"
#include "syntax/AstDump.h"
#include "syntax/Parser.h"

using namespace jaws;

namespace {

// The tree with its spans, and every diagnostic with its position.
std::string describe(const syntax::ParseResult& result, const SourceFile& file) {
  std::string out = ast::dump(*result.unit, file);
  out += fmt::format("complete: {}\n", result.unit->complete);
  for (const auto& comment : result.unit->comments) out += fmt::format("comment {}-{}\n", comment.span.begin, comment.span.end);
  for (const auto& d : result.diagnostics) {
    out += fmt::format("{} {} {}-{}: {} | {}\n", d.id(), static_cast<int>(d.severity), d.span.begin, d.span.end, d.message,
                       d.help);
  }
  return out;
}

struct Comparison {
  std::string whole, inRuns;
  std::size_t runs = 1;
};

Comparison parseBothWays(const std::string& text, syntax::ParseOptions options) {
  SourceManager sources;
  const FileId id = sources.add("test.jaws", "test.jaws", text);
  const SourceFile& file = sources.file(id);
  const syntax::ParseResult whole = syntax::parse(file);
  const syntax::ParseResult inRuns = syntax::parse(file, options);
  return {describe(whole, file), describe(inRuns, file), inRuns.runs};
}

// Runs as short as the file allows: a cut at every 40 tokens or so.
syntax::ParseOptions manyRuns(std::size_t tokens) { return syntax::ParseOptions{static_cast<unsigned>(tokens / 40 + 2), 1}; }

}  // namespace

TEST_CASE("every .jaws file of the repository parsed in runs gives the tree and diagnostics of one parse", "[parser][runs]") {
  const auto texts = test::repositoryJawsTexts();
  REQUIRE(texts.size() > 100);
  std::size_t cut = 0;
  for (const auto& text : texts) {
    const Comparison c = parseBothWays(text, manyRuns(text.size() / 4));
    CHECK(c.inRuns == c.whole);
    if (c.runs > 1) ++cut;
  }
  // Most files are valid and hold several blocks: they were really cut.
  CHECK(cut > texts.size() / 3);
}

TEST_CASE("mutated files parsed in runs give the tree and diagnostics of one parse", "[parser][runs]") {
  const auto texts = test::repositoryJawsTexts();
  REQUIRE(!texts.empty());
  const std::string bytes = "{}()[]\"$\\/*-> \n@#";
  const std::vector<std::string> words = {"function ", "api ", "type ", "let ", "import \"x.jaws\"\n", "stage ", "}\n", "${"};
  std::mt19937 random(1717);
  for (int round = 0; round < 300; ++round) {
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
    const Comparison c = parseBothWays(text, manyRuns(text.size() / 4));
    CHECK(c.inRuns == c.whole);
    if (c.inRuns != c.whole) break;
  }
}

TEST_CASE("a large file is parsed in runs with the default run length", "[parser][runs]") {
  std::string text = "project big {\n  runtime = \"nodejs20.x\"\n}\n\nstage dev {}\n\napi shop {\n";
  for (int i = 0; i < 3000; ++i) text += fmt::format("  GET /items{}/{{id}} -> fn{}\n", i, i);
  text += "}\n\n";
  for (int i = 0; i < 3000; ++i) {
    text += fmt::format("/// Function {}.\n@doc(\"f{}\")\nfunction fn{} {{\n  handler = \"src/f{}.handler\"\n  memory = {}MB\n  env = {{ NAME = \"${{stage}}-{}\" }}\n}}\n\n",
                        i, i, i, i, 128 + i % 4 * 128, i);
  }
  const Comparison c = parseBothWays(text, syntax::ParseOptions{4});
  CHECK(c.runs == 4);
  CHECK(c.inRuns == c.whole);
  // One thread asked for: one piece.
  CHECK(parseBothWays(text, syntax::ParseOptions{1}).runs == 1);
}
