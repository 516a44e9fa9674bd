// Formatter baselines: every focused case under tests/format/cases/ and every
// .jaws file under examples/ (found when the test runs) is formatted and
// compared with its expected output under tests/format/expected/. For each
// one, formatting the output again changes nothing, every comment of the
// input is in the output, in the same order, and the diagnostics of `jaws
// check` stay the same. JAWS_UPDATE_BASELINES=1 rewrites
// the expected files instead of comparing.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "fmt/CommentCursor.h"
#include "fmt/Formatter.h"
#include "properties/FormatProperties.h"
#include "support/Baseline.h"
#include "syntax/Parser.h"

namespace fs = std::filesystem;
using namespace jaws;

namespace {

const fs::path kSourceDir = JAWS_SOURCE_DIR;
const fs::path kExpectedDir = kSourceDir / "tests/format/expected";

struct BaselineCase {
  std::string name;  // for messages
  fs::path input;
  fs::path expected;
};

bool updating() {
  const char* value = std::getenv("JAWS_UPDATE_BASELINES");
  return value != nullptr && std::string(value) == "1";
}

std::vector<fs::path> jawsFilesUnder(const fs::path& folder) {
  std::vector<fs::path> files;
  if (!fs::is_directory(folder)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (entry.is_regular_file() && entry.path().extension() == ".jaws") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<BaselineCase> baselineCases() {
  std::vector<BaselineCase> cases;
  for (const fs::path& input : jawsFilesUnder(kSourceDir / "tests/format/cases")) {
    cases.push_back({"cases/" + input.filename().string(), input, kExpectedDir / input.filename()});
  }
  for (const fs::path& input : jawsFilesUnder(kSourceDir / "examples")) {
    const fs::path relative = fs::relative(input, kSourceDir);
    cases.push_back({relative.generic_string(), input, kExpectedDir / relative});
  }
  return cases;
}

std::vector<std::string> commentTexts(const SourceFile& file, const ast::SourceUnit& unit) {
  std::vector<std::string> texts;
  for (const auto& c : unit.comments) texts.push_back(formatter::CommentCursor::normalizedText(file.slice(c.span), c.kind));
  return texts;
}

// Formats `text`; fails the test if the file has errors or the safety check fails.
std::string formatText(const std::string& name, const std::string& text) {
  const SourceFile file(0, name, text);
  const syntax::ParseResult parsed = syntax::parse(file);
  INFO(name);
  REQUIRE_FALSE(hasErrors(parsed.diagnostics));
  const std::optional<std::string> formatted = formatter::formatSource(file, *parsed.unit);
  REQUIRE(formatted.has_value());
  return *formatted;
}

}  // namespace

TEST_CASE("formatter baselines: focused cases and every example", "[format]") {
  const std::vector<BaselineCase> cases = baselineCases();
  REQUIRE(cases.size() >= 5);
  std::set<fs::path> expectedFiles;
  for (const BaselineCase& c : cases) {
    INFO("case " << c.name);
    expectedFiles.insert(c.expected);
    const std::string input = test::readFile(c.input).value_or("");
    const std::string formatted = formatText(c.name, input);

    // The expected output.
    if (updating()) {
      if (!fs::exists(c.expected) || test::readFile(c.expected).value_or("") != formatted) {
        fs::create_directories(c.expected.parent_path());
        std::ofstream(c.expected, std::ios::binary) << formatted;
      }
    } else {
      INFO("expected output " << fs::relative(c.expected, kSourceDir).generic_string()
                              << " (JAWS_UPDATE_BASELINES=1 rewrites it)");
      REQUIRE(fs::exists(c.expected));
      CHECK(formatted == test::readFile(c.expected).value_or(""));
    }

    // Idempotence: formatting the output changes nothing; and `jaws check`
    // reports the same diagnostics for the output as for the input.
    CHECK(formatText(c.name + " (formatted)", formatted) == formatted);
    CHECK(test::formatPropertyViolation(input, formatted) == "");

    // Comments survive: the same count, the same texts, in the same order.
    const SourceFile before(0, c.name, input), after(1, c.name, formatted);
    const syntax::ParseResult parsedBefore = syntax::parse(before), parsedAfter = syntax::parse(after);
    CHECK(parsedAfter.unit->comments.size() == parsedBefore.unit->comments.size());
    CHECK(commentTexts(after, *parsedAfter.unit) == commentTexts(before, *parsedBefore.unit));
  }

  // An expected file whose input is gone is stale.
  for (const fs::path& expected : jawsFilesUnder(kExpectedDir)) {
    if (expectedFiles.count(expected)) continue;
    if (updating()) {
      fs::remove(expected);
    } else {
      FAIL("stale expected output without an input: " << fs::relative(expected, kSourceDir).generic_string());
    }
  }
}
