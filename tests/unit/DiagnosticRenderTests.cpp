// The three renderers: clang-style text (caret and underline), JSON, SARIF.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "diag/Builders.h"
#include "diag/Renderers.h"

using namespace jaws;
using JsonDocument = nlohmann::json;

namespace {

struct Fixture {
  SourceManager sources;
  FileId add(std::string path, std::string text) { return sources.add(path, path, std::move(text)); }
  std::string text(const Diagnostic& d) const { return renderTextOne(d, sources); }
  std::string all(const Diagnostics& diagnostics) const {
    const DiagnosticReport report{&diagnostics, &sources};
    return renderText({&report, 1});
  }
};

}  // namespace

TEST_CASE("text: location, code, message, source line and caret", "[diag][render]") {
  Fixture f;
  const FileId id = f.add("app/main.jaws", "let a = 1\nlet x = = 1\n");
  const Diagnostic d = diag::UnexpectedToken(Span{id, 18, 19}, "`=`", "an expression");
  CHECK(f.text(d) ==
        "app/main.jaws:2:9: error[JW1004]: unexpected `=`; expected an expression\n"
        "   |\n"
        " 2 | let x = = 1\n"
        "   |         ^\n");
}

TEST_CASE("text: the underline covers the span, in code points", "[diag][render]") {
  Fixture f;
  const FileId id = f.add("f.jaws", "let \xC3\xA9t\xC3\xA9 = \xE2\x98\x83\xE2\x98\x83 + 1\n");
  // The two snowmen: bytes 12..18, columns 11..12.
  const Diagnostic d = diag::StrayCharacter(Span{id, 12, 18}, "`\xE2\x98\x83`");
  CHECK(f.text(d) ==
        "f.jaws:1:11: error[JW1003]: unexpected character `\xE2\x98\x83`\n"
        "   |\n"
        " 1 | let \xC3\xA9t\xC3\xA9 = \xE2\x98\x83\xE2\x98\x83 + 1\n"
        "   | " + std::string(10, ' ') + "^^\n");
}

TEST_CASE("text: tabs become one space so the caret lines up", "[diag][render]") {
  Fixture f;
  const FileId id = f.add("f.jaws", "\t\tlet x = #\n");
  const Diagnostic d = diag::StrayCharacter(Span{id, 10, 11}, "`#`");
  CHECK(f.text(d) ==
        "f.jaws:1:11: error[JW1003]: unexpected character `#`\n"
        "   |\n"
        " 1 |   let x = #\n"
        "   |           ^\n");
}

TEST_CASE("text: a long line is shown as a window around the caret", "[diag][render]") {
  Fixture f;
  const std::string line = "let s = \"" + std::string(500, 'a') + "\" # trailing " + std::string(300, 'b');
  const FileId id = f.add("f.jaws", line + "\n");
  const auto hash = static_cast<std::uint32_t>(line.find('#'));
  const std::string out = f.text(diag::StrayCharacter(Span{id, hash, hash + 1}, "`#`"));
  std::vector<std::string> lines;
  for (std::size_t start = 0, nl; (nl = out.find('\n', start)) != std::string::npos; start = nl + 1) {
    lines.push_back(out.substr(start, nl - start));
  }
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == "f.jaws:1:" + std::to_string(hash + 1) + ": error[JW1003]: unexpected character `#`");
  CHECK(lines[2].rfind(" 1 | ...", 0) == 0);
  CHECK(lines[2].size() < 200);
  CHECK(lines[2].substr(lines[2].size() - 3) == "...");
  // The caret sits under the `#` of the shown window.
  const std::size_t caret = lines[3].find('^');
  REQUIRE(caret != std::string::npos);
  CHECK(lines[2][caret] == '#');
  CHECK(lines[3].find('^', caret + 1) == std::string::npos);
}

TEST_CASE("text: a long line of multi-byte text keeps the caret aligned", "[diag][render]") {
  Fixture f;
  std::string line = "let s = \"";
  for (int i = 0; i < 300; ++i) line += "\xC3\xA9";
  line += "\" $";
  const FileId id = f.add("f.jaws", line);
  const auto dollar = static_cast<std::uint32_t>(line.size() - 1);
  const std::string out = f.text(diag::StrayCharacter(Span{id, dollar, dollar + 1}, "`$`"));
  CHECK(out.rfind("f.jaws:1:312: ", 0) == 0);  // 9 + 300 + 2 code points before the `$`
  const std::size_t shown = out.find(" 1 | ");
  const std::size_t shownEnd = out.find('\n', shown);
  const std::string snippet = out.substr(shown + 5, shownEnd - shown - 5);
  const std::string underline = out.substr(shownEnd + 1);
  // Count code points up to the caret and up to the `$`.
  auto codePoints = [](std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
  };
  const std::size_t caret = underline.find('^');
  REQUIRE(caret != std::string::npos);
  CHECK(codePoints(snippet.substr(0, snippet.find('$'))) == caret - 5);
}

TEST_CASE("text: an empty span at the end of a line gets one caret", "[diag][render]") {
  Fixture f;
  const FileId id = f.add("f.jaws", "function f {\n  handler = \"x\"\n");
  const std::string out = f.text(diag::MissingToken(Span{id, 28, 28}, "`}`", "end of file"));
  CHECK(out ==
        "f.jaws:2:16: error[JW1005]: expected `}` before end of file\n"
        "   |\n"
        " 2 |   handler = \"x\"\n"
        "   |                ^\n");
}

TEST_CASE("text: a span over several lines is underlined to the end of its first line", "[diag][render]") {
  Fixture f;
  const FileId id = f.add("f.jaws", "let a = \"abc\nlet b = 1\n");
  const std::string out = f.text(diag::UnterminatedString(Span{id, 8, 22}));
  CHECK(out ==
        "f.jaws:1:9: error[JW1001]: unterminated string literal\n"
        "   |\n"
        " 1 | let a = \"abc\n"
        "   |         ^^^^\n");
}

TEST_CASE("text: help, located notes and unlocated notes", "[diag][render]") {
  Fixture f;
  const FileId a = f.add("a.jaws", "import \"./b.jaws\"\n");
  const FileId b = f.add("b.jaws", "import \"./a.jaws\"\n");
  Diagnostic d = diag::ImportCycle(Span{b, 7, 17}, "a.jaws -> b.jaws -> a.jaws");
  d.note(Span{a, 7, 17}, note::ImportCycleHere()).note(Span{}, note::ExpectedOneOf("`x` or `y`"));
  d.withHelp(note::DidYouMean("c"));
  CHECK(f.text(d) ==
        "b.jaws:1:8: error[JW2001]: import cycle: a.jaws -> b.jaws -> a.jaws\n"
        "   |\n"
        " 1 | import \"./a.jaws\"\n"
        "   |        ^^^^^^^^^^\n"
        "  = help: did you mean `c`?\n"
        "a.jaws:1:8: note: the cycle closes here\n"
        "   |\n"
        " 1 | import \"./b.jaws\"\n"
        "   |        ^^^^^^^^^^\n"
        "  = note: expected `x` or `y`\n");
}

TEST_CASE("text: a diagnostic without a file, and the summary line", "[diag][render]") {
  Fixture f;
  const FileId id = f.add("f.jaws", "let x = 1\n");
  Diagnostics list{diag::NoSourceFiles(Span{}, "empty"), diag::ImportNotAtTop(Span{id, 0, 3}),
                   diag::StrayCharacter(Span{id, 4, 5}, "`x`")};
  const std::string out = f.all(list);
  CHECK(out.rfind("jaws: error[JW9002]: no .jaws file in empty\nf.jaws:1:1: warning[JW1021]:", 0) == 0);
  CHECK(out.ends_with("\n2 errors, 1 warning\n"));
  CHECK(f.all({}) == "");
  CHECK(f.all({diag::ImportNotAtTop(Span{id, 0, 3})}).ends_with("0 errors, 1 warning\n"));
}

TEST_CASE("json: fields, 1-based positions, notes and fixes", "[diag][render]") {
  Fixture f;
  const FileId id = f.add("dir/f.jaws", "let a = 1\nlet t = 10sec\n");
  Diagnostics list;
  list.push_back(diag::InvalidNumberUnit(Span{id, 18, 23}, "10sec", "sec")
                     .withHelp(note::DidYouMean("10s"))
                     .withFix(note::ReplaceWith("10s"), Span{id, 18, 23}, "10s")
                     .note(Span{id, 0, 3}, note::RemoveThis()));
  list.push_back(diag::CannotRead(Span{}, "x.jaws", "no such file or folder"));
  const DiagnosticReport report{&list, &f.sources};
  const JsonDocument json = JsonDocument::parse(renderJson({&report, 1}));
  CHECK(json["version"] == 1);
  REQUIRE(json["diagnostics"].size() == 2);
  const JsonDocument& d = json["diagnostics"][0];
  CHECK(d["file"] == "dir/f.jaws");
  CHECK(d["line"] == 2);
  CHECK(d["column"] == 9);
  CHECK(d["endLine"] == 2);
  CHECK(d["endColumn"] == 14);
  CHECK(d["severity"] == "error");
  CHECK(d["code"] == "JW1010");
  CHECK(d["message"] == "unknown unit `sec` in `10sec`");
  CHECK(d["help"] == "did you mean `10s`?");
  REQUIRE(d["notes"].size() == 1);
  CHECK(d["notes"][0]["message"] == "remove this");
  CHECK(d["notes"][0]["line"] == 1);
  CHECK(d["notes"][0]["endColumn"] == 4);
  REQUIRE(d["fixes"].size() == 1);
  CHECK(d["fixes"][0]["title"] == "replace with `10s`");
  CHECK(d["fixes"][0]["edits"][0]["newText"] == "10s");
  CHECK(d["fixes"][0]["edits"][0]["column"] == 9);
  const JsonDocument& noFile = json["diagnostics"][1];
  CHECK_FALSE(noFile.contains("file"));
  CHECK_FALSE(noFile.contains("line"));
  CHECK(noFile["code"] == "JW9001");
  CHECK(noFile["notes"].empty());
  CHECK(json["summary"] == JsonDocument{{"errors", 2}, {"warnings", 0}, {"infos", 0}});
}

TEST_CASE("json: invalid UTF-8 in a message does not break the output", "[diag][render]") {
  Fixture f;
  const FileId id = f.add("f.jaws", "x\xFF");
  Diagnostics list{diag::StrayCharacter(Span{id, 1, 2}, "`\xFF`")};
  const DiagnosticReport report{&list, &f.sources};
  CHECK_NOTHROW(JsonDocument::parse(renderJson({&report, 1})));
  CHECK_NOTHROW(JsonDocument::parse(renderSarif({&report, 1}, "0.0.0")));
}

TEST_CASE("sarif: version, rules, results and fixes", "[diag][render]") {
  Fixture f;
  const FileId id = f.add("my dir/f.jaws", "let t = 10sec\nimport \"x\"\n");
  Diagnostics list;
  list.push_back(diag::InvalidNumberUnit(Span{id, 8, 13}, "10sec", "sec")
                     .withHelp(note::DidYouMean("10s"))
                     .withFix(note::ReplaceWith("10s"), Span{id, 8, 13}, "10s"));
  list.push_back(diag::ImportNotAtTop(Span{id, 14, 24}));
  list.push_back(diag::InvalidNumberUnit(Span{id, 8, 13}, "10sec", "sec"));
  const DiagnosticReport report{&list, &f.sources};
  const JsonDocument log = JsonDocument::parse(renderSarif({&report, 1}, "1.2.3"));
  CHECK(log["version"] == "2.1.0");
  REQUIRE(log["runs"].size() == 1);
  const JsonDocument& run = log["runs"][0];
  CHECK(run["tool"]["driver"]["name"] == "jaws");
  CHECK(run["tool"]["driver"]["version"] == "1.2.3");
  const JsonDocument& rules = run["tool"]["driver"]["rules"];
  REQUIRE(rules.size() == 2);  // one per code used, in code order
  CHECK(rules[0]["id"] == "JW1010");
  CHECK(rules[1]["id"] == "JW1021");
  CHECK(rules[1]["defaultConfiguration"]["level"] == "warning");
  const JsonDocument& results = run["results"];
  REQUIRE(results.size() == 3);
  CHECK(results[0]["ruleId"] == "JW1010");
  CHECK(results[0]["ruleIndex"] == 0);
  CHECK(results[0]["level"] == "error");
  CHECK(results[0]["message"]["text"] == "unknown unit `sec` in `10sec` (did you mean `10s`?)");
  const JsonDocument& location = results[0]["locations"][0]["physicalLocation"];
  CHECK(location["artifactLocation"]["uri"] == "my%20dir/f.jaws");
  CHECK(location["region"] == JsonDocument{{"startLine", 1}, {"startColumn", 9}, {"endLine", 1}, {"endColumn", 14}});
  CHECK(results[0]["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "10s");
  CHECK(results[1]["ruleIndex"] == 1);
  CHECK(results[1]["level"] == "warning");
  CHECK_FALSE(results[2].contains("fixes"));
}

TEST_CASE("text: control bytes in a line are shown as pictures, never sent to the terminal", "[diag][render]") {
  Fixture f;
  // An ESC sequence and a BEL inside a string: the renderer must not let them
  // drive the terminal.
  const FileId id = f.add("f.jaws", "let s = \"\x1B[31mred\x07\" #\n");
  const Diagnostic d = diag::StrayCharacter(Span{id, 20, 21}, "`#`");
  const std::string text = f.text(d);
  CHECK(text.find('\x1B') == std::string::npos);
  CHECK(text.find('\x07') == std::string::npos);
  CHECK(text ==
        "f.jaws:1:21: error[JW1003]: unexpected character `#`\n"
        "   |\n"
        " 1 | let s = \"\xE2\x90\x9B[31mred\xE2\x90\x87\" #\n"
        "   |                     ^\n");
}

TEST_CASE("text: wide characters take two columns, so the caret stays under its character", "[diag][render]") {
  Fixture f;
  // "日本" is two wide characters: four terminal columns, two code points.
  const FileId id = f.add("f.jaws", "let s = \"\xE6\x97\xA5\xE6\x9C\xAC\" #\n");
  const Diagnostic d = diag::StrayCharacter(Span{id, 17, 18}, "`#`");
  CHECK(f.text(d) ==
        "f.jaws:1:14: error[JW1003]: unexpected character `#`\n"
        "   |\n"
        " 1 | let s = \"\xE6\x97\xA5\xE6\x9C\xAC\" #\n"
        "   | " + std::string(15, ' ') + "^\n");
}

TEST_CASE("text: user text in a message cannot reorder or drive the terminal", "[diag][render]") {
  Fixture f;
  const FileId id = f.add("f.jaws", "let a = 1\n");
  // A right-to-left override (U+202E) and a newline inside a quoted name.
  const Diagnostic d = diag::StrayCharacter(Span{id, 0, 1}, "`a\xE2\x80\xAE\nb`");
  const std::string first = f.text(d).substr(0, f.text(d).find('\n'));
  CHECK(first == "f.jaws:1:1: error[JW1003]: unexpected character `a\xEF\xBF\xBD\xE2\x90\x8A" "b`");
}
