// The formatter against perturbed inputs: every focused case and example,
// with comments of every kind inserted between random tokens and the
// whitespace between tokens replaced at random (deterministic seeds). Each
// variant must format without tripping the safety check (same tree, same
// comments), format to a fixed point and keep its diagnostics (lint
// suppressions included: some of the inserted comments are one).
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "JawsLexer.h"
#include "fmt/Formatter.h"
#include "properties/FormatProperties.h"
#include "support/Baseline.h"
#include "syntax/ByteCharStream.h"
#include "syntax/Parser.h"

namespace fs = std::filesystem;
using namespace jaws;
using L = jaws::grammar::JawsLexer;

namespace {

std::vector<fs::path> inputs() {
  std::vector<fs::path> files;
  for (const char* folder : {"tests/format/cases", "examples"}) {
    const fs::path root = fs::path(JAWS_SOURCE_DIR) / folder;
    if (!fs::is_directory(root)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      if (entry.is_regular_file() && entry.path().extension() == ".jaws") files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

bool inString(size_t type) {
  return type == L::DQUOTE || type == L::STRING_TEXT || type == L::STRING_ESCAPE || type == L::STRING_DOLLAR ||
         type == L::STRING_BAD_ESCAPE;
}
bool continuesString(size_t type) {
  return type == L::STRING_TEXT || type == L::STRING_ESCAPE || type == L::STRING_DOLLAR || type == L::DQUOTE_END ||
         type == L::INTERP_START || type == L::STRING_BAD_ESCAPE;
}

// The gaps between two default-channel tokens outside strings, with no
// comment in them: [begin, end) offsets of the whitespace. A line break
// before a decorator is kept: a decorator on the line where a param ends
// belongs to that param (JW1023), so joining the lines changes the program.
std::vector<std::pair<std::size_t, std::size_t>> gaps(const std::string& text) {
  syntax::ByteCharStream input(text);
  L lexer(&input);
  lexer.removeErrorListeners();
  antlr4::CommonTokenStream tokens(&lexer);
  tokens.fill();
  std::vector<std::pair<std::size_t, std::size_t>> out;
  antlr4::Token* previous = nullptr;
  bool hiddenBetween = false;
  for (antlr4::Token* token : tokens.getTokens()) {
    if (token->getChannel() != antlr4::Token::DEFAULT_CHANNEL) {
      hiddenBetween = true;
      continue;
    }
    if (previous && !hiddenBetween && !inString(previous->getType()) && !continuesString(token->getType())) {
      const std::size_t begin = previous->getStopIndex() + 1;
      const std::size_t end = token->getType() == antlr4::Token::EOF ? text.size() : token->getStartIndex();
      const bool lineBreakBeforeDecorator = token->getType() == L::AT && text.find('\n', begin) < end;
      if (!lineBreakBeforeDecorator) out.emplace_back(begin, end);
    }
    previous = token;
    hiddenBetween = false;
  }
  return out;
}

std::string perturb(const std::string& text, unsigned seed) {
  std::mt19937 random(seed);
  const auto places = gaps(text);
  static const char* kInserts[] = {" /* inline */ ", " // line comment\n", "\n/* own line */\n", "\n/// doc\n",
                                   "\n// own line\n\n", " /* multi\n   line */ ",
                                   "\n// jaws-disable-next-line JW5002, JW5003 JW5004\n"};
  static const char* kSpaces[] = {" ", "\n", "\n\n\n", "\t", " \n  "};
  std::string out;
  std::size_t at = 0;
  for (const auto& [begin, end] : places) {
    out += text.substr(at, begin - at);
    const unsigned roll = random() % 10;
    if (roll < 2) {
      out += kInserts[random() % std::size(kInserts)];
    } else if (roll < 4 && end > begin) {
      out += kSpaces[random() % std::size(kSpaces)];
    } else {
      out += text.substr(begin, end - begin);
    }
    at = end;
  }
  out += text.substr(at);
  return out;
}

std::optional<std::string> formattedOrNothing(const std::string& text) {
  const SourceFile file(0, "variant.jaws", text);
  const syntax::ParseResult parsed = syntax::parse(file);
  if (hasErrors(parsed.diagnostics)) return std::nullopt;
  return formatter::formatSource(file, *parsed.unit);
}

}  // namespace

TEST_CASE("fmt: perturbed inputs keep their meaning and reach a fixed point", "[format]") {
  // JAWS_FORMAT_SEEDS=N tries more variants of each file (default 12).
  const char* seedsVariable = std::getenv("JAWS_FORMAT_SEEDS");
  const unsigned seeds = seedsVariable ? static_cast<unsigned>(std::stoul(seedsVariable)) : 12;
  const std::vector<fs::path> files = inputs();
  REQUIRE_FALSE(files.empty());
  for (const fs::path& path : files) {
    const std::string original = test::readFile(path).value_or("");
    for (unsigned seed = 1; seed <= seeds; ++seed) {
      const std::string variant = perturb(original, seed);
      INFO(path.filename().string() << " seed " << seed << ":\n" << variant);
      {
        const SourceFile file(0, "variant.jaws", variant);
        REQUIRE_FALSE(hasErrors(syntax::parse(file).diagnostics));  // the perturbation itself is valid
      }
      const std::optional<std::string> once = formattedOrNothing(variant);
      const std::optional<std::string> twice = once ? formattedOrNothing(*once) : std::nullopt;
      if (!once || !twice || *twice != *once) {
        // JAWS_FORMAT_FAILURES=DIR keeps the failing variant for a closer look.
        if (const char* dir = std::getenv("JAWS_FORMAT_FAILURES")) {
          std::ofstream(fs::path(dir) / (path.stem().string() + "-" + std::to_string(seed) + ".jaws")) << variant;
        }
      }
      REQUIRE(once.has_value());
      INFO("formatted:\n" << *once);
      REQUIRE(twice.has_value());
      CHECK(*twice == *once);
      CHECK(test::formatPropertyViolation(variant, *once) == "");
    }
  }
}
