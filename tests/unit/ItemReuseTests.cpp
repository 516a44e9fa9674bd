// The language server's parse after an edit takes the top-level items the
// edit did not reach from the parse before (syntax/ItemReuse.h). Whatever the
// edit, the tree and the diagnostics must be those of a parse from scratch:
// this walks every .jaws text of the repository (valid and broken) through
// random edits and compares the two after each, spans included, and checks
// that unreached items were in fact taken.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "support/AstEquality.h"
#include "support/JawsCorpus.h"
#include "support/Sanitizers.h"
#include "properties/ReparseProperties.h"
#include "syntax/ItemReuse.h"

using namespace jaws;

// Named: the unit tests are built as one unit.
namespace item_reuse_tests {

using test::diagnosticsText;

// Pieces an edit inserts: each can open or close something that changes how
// the rest of the file lexes or parses.
const std::vector<std::string> kInsertions = {
    " ", "\n", "x", "}", "{", "\"", "/*", "*/", "// c\n", "/// doc\n", "@", "=", "(", ")", "${", "[", "]", ",", "#",
    "12MB", "function extra {\n  handler = \"src/e.main\"\n}\n", "import \"./other.jaws\"\n", "let q = 1\n",
    "\n\nfunction g { memory = 128 }\n", "type T = { a: string }\n", "\\", "'", "\xc3\xa9", "0x", "..", "?",
};

std::string edited(const std::string& text, std::mt19937& random) {
  std::uniform_int_distribution<std::size_t> at(0, text.size());
  std::string out = text;
  switch (random() % 4) {
    case 0:
    case 1: {  // insert a piece
      // One draw per statement: the order of a call's arguments is the
      // compiler's, and both builds must make the same edits.
      const std::size_t where = at(random);
      out.insert(where, kInsertions[random() % kInsertions.size()]);
      break;
    }
    case 2: {  // delete a few bytes
      const std::size_t from = at(random);
      out.erase(from, std::min<std::size_t>(random() % 12 + 1, out.size() - from));
      break;
    }
    default: {  // change one character into another of the same length
      if (out.empty()) break;
      const std::size_t where = at(random) % out.size();
      if (static_cast<unsigned char>(out[where]) < 0x80) out[where] = "a1 \n{}=\"#/"[random() % 10];
      break;
    }
  }
  return out;
}

TEST_CASE("a parse that takes unreached items from the parse before is a parse from scratch", "[syntax][parser][lsp]") {
  std::size_t taken = 0, parsedItems = 0, edits = 0, index = 0;
  for (std::string text : test::repositoryJawsTexts()) {
    // Every second text under the sanitizers, where this walk took a minute.
    const bool odd = index++ % 2 == 1;
    if (test::kUnderSanitizers && odd) continue;
    // Seeded by the text: the same edits on every machine, whatever order
    // the folders list their files in.
    std::mt19937 random(static_cast<unsigned>(std::hash<std::string>{}(text)));
    const std::string original = text;
    auto before = test::parseKeepingItems(text, nullptr);
    for (int step = 0; step < 8; ++step) {
      const std::string previous = text;
      text = edited(text, random);
      auto after = test::parseKeepingItems(text, before->result.items.get());
      auto fresh = test::parseKeepingItems(text, nullptr);
      INFO("edit " << step << " of:\n" << original << "\ngave:\n" << text);
      // Invalid UTF-8 or too many tokens: nothing is parsed, nothing kept.
      REQUIRE((after->result.items == nullptr) == (fresh->result.items == nullptr));
      REQUIRE(test::firstAstDifference(*after->result.unit, *fresh->result.unit) == "");
      REQUIRE(diagnosticsText(after->result.diagnostics) == diagnosticsText(fresh->result.diagnostics));
      REQUIRE(after->result.usedFullLL == fresh->result.usedFullLL);
      REQUIRE(fresh->result.itemsTaken == 0);
      // What the next parse may take is what a parse from scratch would keep.
      if (fresh->result.items) REQUIRE(after->result.items->size() == fresh->result.items->size());
      // The fuzz target's form of the same property (tests/fuzz/FuzzReparse.cpp).
      if (step % 4 == 0) REQUIRE(test::reparsePropertyViolation(previous, text) == "");
      taken += after->result.itemsTaken;
      parsedItems += fresh->result.unit->decls.size() + fresh->result.unit->imports.size();
      ++edits;
      before = std::move(after);
    }
  }
  INFO(taken << " items taken of " << parsedItems << " over " << edits << " edits");
  REQUIRE(edits > 100);
  // Most edits reach one item of many: most items are taken.
  REQUIRE(taken * 2 > parsedItems);
}

TEST_CASE("items after an edit are taken moved, items before it in place", "[syntax][parser][lsp]") {
  const std::string head = "project p {\n  region = \"us-east-1\"\n}\n\n/// The first.\nfunction a {\n  handler = \"src/a.main\"\n}\n\n";
  const std::string middle = "function b {\n  handler = \"src/b.main\"\n  memory = 128\n}\n\n";
  const std::string tail = "// A comment.\nfunction c {\n  handler = \"src/c.main\"\n  timeout = 10\n}\n";
  auto before = test::parseKeepingItems(head + middle + tail, nullptr);
  REQUIRE(before->result.diagnostics.empty());
  REQUIRE(before->result.items->size() == 4);

  SECTION("longer") {
    const std::string text = head + "function b {\n  handler = \"src/b.main\"\n  memory = 12800\n}\n\n" + tail;
    auto after = test::parseKeepingItems(text, before->result.items.get());
    CHECK(after->result.itemsTaken == 3);
    CHECK(test::firstAstDifference(*after->result.unit, *test::parseKeepingItems(text, nullptr)->result.unit).empty());
    CHECK(after->result.unit->decls.back()->span.begin == text.find("function c"));
  }
  SECTION("shorter") {
    const std::string text = head + "function b {\n  handler = \"src/b.main\"\n}\n\n" + tail;
    auto after = test::parseKeepingItems(text, before->result.items.get());
    CHECK(after->result.itemsTaken == 3);
    CHECK(test::firstAstDifference(*after->result.unit, *test::parseKeepingItems(text, nullptr)->result.unit).empty());
  }
  SECTION("a doc comment added before an item changes that item") {
    const std::string text = head + middle + "// A comment.\n/// Now documented.\nfunction c {\n  handler = \"src/c.main\"\n  timeout = 10\n}\n";
    auto after = test::parseKeepingItems(text, before->result.items.get());
    CHECK(after->result.itemsTaken == 3);
    CHECK(after->result.unit->decls.back()->doc == "Now documented.");
  }
  SECTION("an unclosed comment takes nothing after it") {
    const std::string text = head + "/*" + middle + tail;
    auto after = test::parseKeepingItems(text, before->result.items.get());
    CHECK(after->result.itemsTaken == 2);
    CHECK(diagnosticsText(after->result.diagnostics) == diagnosticsText(test::parseKeepingItems(text, nullptr)->result.diagnostics));
  }
}

}  // namespace item_reuse_tests
