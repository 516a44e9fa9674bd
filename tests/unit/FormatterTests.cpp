// The formatter's rules, one small input at a time (docs/formatting.md), and
// its refusals: files with syntax errors, and layouts that would change the
// program (the safety check).
#include <catch2/catch.hpp>

#include "fmt/Formatter.h"
#include "properties/FormatProperties.h"
#include "syntax/Parser.h"

using namespace jaws;

namespace {

// Formats `text`, and checks the properties of every formatted file
// (tests/properties/): a second pass changes nothing, the diagnostics stay.
std::string format(const std::string& text) {
  const SourceFile file(0, "test.jaws", text);
  formatter::FormatResult result = formatter::formatFile(file);
  INFO(text);
  REQUIRE(result.diagnostics.empty());
  REQUIRE(result.text.has_value());
  CHECK(test::formatPropertyViolation(text, *result.text) == "");
  return *result.text;
}

bool preserves(const std::string& original, const std::string& formatted) {
  const SourceFile file(0, "test.jaws", original);
  const syntax::ParseResult parsed = syntax::parse(file);
  return formatter::preservesProgram(file, *parsed.unit, formatted);
}

}  // namespace

TEST_CASE("fmt: attributes one per line with `=` aligned in each run", "[format]") {
  CHECK(format("function f { handler = \"src/f.main\", memory = 256MB; timeout = 10s }") ==
        "function f {\n"
        "  handler = \"src/f.main\"\n"
        "  memory  = 256MB\n"
        "  timeout = 10s\n"
        "}\n");
  // An empty line starts a new run.
  CHECK(format("project p {\n  a = 1\n  bb = 2\n\n\n\n  cccc = 3\n}\n") ==
        "project p {\n  a  = 1\n  bb = 2\n\n  cccc = 3\n}\n");
  // An attribute over several lines is not padded and splits its run.
  CHECK(format("project p {\n  a = 1\n  bb = 2\n  list = [\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\", \"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\", "
               "\"cccccccccccccccccccccc\"]\n  longer = 2\n  c = 3\n}\n") ==
        "project p {\n"
        "  a  = 1\n"
        "  bb = 2\n"
        "  list = [\n"
        "    \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",\n"
        "    \"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\",\n"
        "    \"cccccccccccccccccccccc\",\n"
        "  ]\n"
        "  longer = 2\n"
        "  c      = 3\n"
        "}\n");
}

TEST_CASE("fmt: lists and objects stay on one line up to 100 columns", "[format]") {
  // `let x = [` is 9 columns, `]` one: 90 columns of items fit exactly.
  const std::string items = "\"" + std::string(40, 'a') + "\", \"" + std::string(44, 'b') + "\"";
  const std::string fits = "let x = [" + items + "]\n";
  REQUIRE(fits.size() == 101);  // 100 columns and the line break
  CHECK(format(fits) == fits);
  const std::string tooLong = "let x = [" + items + ", 1]\n";
  CHECK(format(tooLong) == "let x = [\n  \"" + std::string(40, 'a') + "\",\n  \"" + std::string(44, 'b') + "\",\n  1,\n]\n");
  // A broken object aligns its `=` and takes no commas.
  CHECK(format("let o = { aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa = 1, b = \"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\" }") ==
        "let o = {\n  aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa = 1\n  b                              = "
        "\"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\"\n}\n");
  // A list written over several lines that fits goes back on one line.
  CHECK(format("let l = [\n  1,\n  2,\n]\n") == "let l = [1, 2]\n");
}

TEST_CASE("fmt: records keep one line only when written on one line", "[format]") {
  CHECK(format("type E {message:string}") == "type E { message: string }\n");
  CHECK(format("type E {\nmessage: string; code?: int }") == "type E {\n  message: string\n  code?: int\n}\n");
  // Decorators follow the type, also those written after the default.
  CHECK(format("type T { a: int = 1 @min(0) }") == "type T { a: int @min(0) = 1 }\n");
}

TEST_CASE("fmt: routes one per line with aligned columns", "[format]") {
  CHECK(format("api a { GET /x -> f { returns: T } POST /xs/{id} -> create { body: T } DELETE /xs/{id} -> remove {} }") ==
        "api a {\n"
        "  GET    /x       -> f      { returns: T }\n"
        "  POST   /xs/{id} -> create { body: T }\n"
        "  DELETE /xs/{id} -> remove\n"
        "}\n");
}

TEST_CASE("fmt: blank lines between declarations are kept, at most one", "[format]") {
  CHECK(format("\n\nstage a {}\nstage b {}\n\n\n\nstage c {}\n\n\n") == "stage a {}\nstage b {}\n\nstage c {}\n");
  CHECK(format("") == "");
  CHECK(format("// only a comment") == "// only a comment\n");
}

TEST_CASE("fmt: line breaks become LF and a byte-order mark goes", "[format]") {
  CHECK(format("\xEF\xBB\xBFstage a {\r\n  regions = [\"us-east-1\"] // r\r\n}\r\n") ==
        "stage a {\n  regions = [\"us-east-1\"] // r\n}\n");
}

TEST_CASE("fmt: literals keep their spelling", "[format]") {
  CHECK(format("let a = [1024MB, 1GB, 90s, 0.50, -3, \"\\u{1F600}\\t\\$x\"]") ==
        "let a = [1024MB, 1GB, 90s, 0.50, -3, \"\\u{1F600}\\t\\$x\"]\n");
  CHECK(format("let s = \"a ${ join( \",\" , [x,y] ) } b\"") == "let s = \"a ${join(\",\", [x, y])} b\"\n");
}

TEST_CASE("fmt: a file with syntax errors is refused with its diagnostics", "[format]") {
  const SourceFile file(0, "broken.jaws", "project p {\n  runtime = \n}\nstage dev {}\n");
  const formatter::FormatResult result = formatter::formatFile(file);
  CHECK_FALSE(result.text.has_value());
  REQUIRE_FALSE(result.diagnostics.empty());
  CHECK(result.diagnostics.front().id().substr(0, 3) == "JW1");
}

TEST_CASE("fmt: the safety check rejects layouts that change the program", "[format]") {
  const std::string original = "// keep me\nlet x = [1, 2] /* and me */\n";
  CHECK(preserves(original, "// keep me\nlet x = [\n  1,\n  2,\n] /* and me */\n"));
  CHECK_FALSE(preserves(original, "let x = [1, 2] /* and me */\n"));              // a comment lost
  CHECK_FALSE(preserves(original, "// keep me\nlet x = [1, 2] /* and you */\n"));  // a comment changed
  CHECK_FALSE(preserves(original, "/* and me */ let x = [1, 2] // keep me\n"));   // comments reordered
  CHECK_FALSE(preserves(original, "// keep me\nlet x = [2, 1] /* and me */\n"));  // a value changed
  CHECK_FALSE(preserves(original, "// keep me\nlet x = [1, 2 /* and me */\n"));   // does not parse
  // A doc comment moved to another declaration changes its description.
  CHECK_FALSE(preserves("/// doc\nlet a = 1\nlet b = 2\n", "let a = 1\n/// doc\nlet b = 2\n"));
}

TEST_CASE("fmt: `stage` and `project` as values in a broken object or list", "[format]") {
  // Laid out one entry per line, `STAGE = stage` is followed by `OTHER =`:
  // that must not read as a stage declaration `stage OTHER`.
  const std::string longer(60, 'x');
  CHECK(format("project p { env = { STAGE = stage, OTHER = \"" + longer + "\", NAME = project.description } }") ==
        "project p {\n"
        "  env = {\n"
        "    STAGE = stage\n"
        "    OTHER = \"" + longer + "\"\n"
        "    NAME  = project.description\n"
        "  }\n"
        "}\n");
  CHECK(format("let l = [stage, project, \"" + longer + "\", \"" + longer + "\"]") ==
        "let l = [\n  stage,\n  project,\n  \"" + longer + "\",\n  \"" + longer + "\",\n]\n");
}

TEST_CASE("fmt: splitting a line under `// jaws-disable-next-line` keeps what it silences", "[format]") {
  const std::string text =
      "project p { }\n"
      "stage dev { }\n"
      "// jaws-disable-next-line JW5002, JW5003\n"
      "let a = 1  type B { x: string }\n";
  CHECK(format(text) ==
        "project p {}\n"
        "stage dev {}\n"
        "// jaws-disable-next-line JW5002, JW5003\n"
        "let a = 1\n"
        "type B { x: string }\n");
  // The comment covers the item after it, `let a = 1`; `type B` beside it is
  // a second item, and stays reported wherever the formatter puts it.
  const std::vector<std::string> summary = test::checkSummary(text);
  CHECK(std::count_if(summary.begin(), summary.end(), [](const std::string& s) { return s.starts_with("JW5003"); }) == 1);
  CHECK(std::count_if(summary.begin(), summary.end(), [](const std::string& s) { return s.starts_with("JW5002"); }) == 0);
}
