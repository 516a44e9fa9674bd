// What the inline expectations of tests/diagnostics cannot see: the notes,
// help lines and fix-its of name and type diagnostics (did-you-mean, "first
// declared here", "only in <stage> (<region>)"), and that one root cause gives
// one diagnostic, not a cascade of follow-ups.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "sema/Evaluator.h"
#include "support/Parsing.h"
#include "support/TempDir.h"

using namespace jaws;

namespace {

// Lints are about style, not about the mistakes under test.
constexpr std::string_view kProject =
    "project p { runtime = \"nodejs22.x\"  lint = { \"JW5001\" = \"off\", \"JW5002\" = \"off\", \"JW5003\" = \"off\", "
    "\"JW5004\" = \"off\", \"JW5005\" = \"off\" } }\n";

struct Compiled {
  test::TempDir dir;
  test::CompiledProject project;

  const Diagnostics& diagnostics() const { return project.diagnostics; }
  std::vector<Diagnostic> withCode(std::string_view id) const {
    std::vector<Diagnostic> found;
    for (const auto& d : project.diagnostics) {
      if (d.id() == id) found.push_back(d);
    }
    return found;
  }
  std::size_t errors() const {
    return static_cast<std::size_t>(std::count_if(project.diagnostics.begin(), project.diagnostics.end(),
                                                  [](const Diagnostic& d) { return d.severity == Severity::Error; }));
  }
  // `file:line:col` with the file's name only, so temp folders do not matter.
  std::string at(Span span) const {
    const SourceFile* file = span.valid() ? project.compilation->sources().find(span.file) : nullptr;
    if (file == nullptr) return "<none>";
    const LineColumn lc = file->lineColumn(span.begin);
    return std::filesystem::path(file->path()).filename().string() + ":" + std::to_string(lc.line) + ":" +
           std::to_string(lc.column);
  }
  std::string all() const {
    std::string text;
    for (const auto& d : project.diagnostics) text += at(d.span) + " " + std::string(d.id()) + " " + d.message + "\n";
    return text;
  }
};

// Compiles the folder made of `files` (name, text), as `jaws check <folder>`.
std::unique_ptr<Compiled> compile(const std::vector<std::pair<std::string, std::string>>& files) {
  auto compiled = std::make_unique<Compiled>();
  for (const auto& [name, text] : files) compiled->dir.write("project/" + name, text);
  compiled->project = test::compileProject({compiled->dir.path() / "project"});
  return compiled;
}

std::unique_ptr<Compiled> compile(std::string text) { return compile({{"main.jaws", std::string(kProject) + text}}); }

bool hasNote(const Diagnostic& d, std::string_view message) {
  return std::any_of(d.notes.begin(), d.notes.end(), [&](const RelatedNote& n) { return n.message == message; });
}

}  // namespace

TEST_CASE("misspelt attributes get a did-you-mean and a fix", "[sema][names]") {
  auto c = compile(
      "stage dev { }\n"
      "function f {\n"
      "  handler = \"src/f.main\"\n"
      "  memroy = 256MB\n"
      "}\n");
  INFO(c->all());
  const auto found = c->withCode("JW3001");
  REQUIRE(found.size() == 1);
  CHECK(c->errors() == 1);
  CHECK(found[0].message == "unknown attribute `memroy` in function `f`");
  CHECK(found[0].help == "did you mean `memory`?");
  REQUIRE(found[0].fixes.size() == 1);
  CHECK(found[0].fixes[0].title == "replace with `memory`");
  REQUIRE(found[0].fixes[0].edits.size() == 1);
  CHECK(found[0].fixes[0].edits[0].newText == "memory");
  CHECK(c->at(found[0].fixes[0].edits[0].span) == "main.jaws:5:3");
}

TEST_CASE("a misspelt key of a stage suggests the param it meant", "[sema][names]") {
  auto c = compile(
      "param table: string = \"t\"\n"
      "stage dev { tabel = \"x\" }\n");
  INFO(c->all());
  const auto found = c->withCode("JW3001");
  REQUIRE(found.size() == 1);
  CHECK(found[0].help == "did you mean `table`?");
  REQUIRE(found[0].fixes.size() == 1);
}

TEST_CASE("a misspelt field of a record value gets a did-you-mean", "[sema][names]") {
  auto c = compile(
      "stage dev { }\n"
      "function f { handler = \"src/f.main\" }\n"
      "api a {\n"
      "  cors = { origin = [\"https://example.com\"] }\n"
      "  GET /items -> f\n"
      "}\n");
  INFO(c->all());
  const auto found = c->withCode("JW3001");
  REQUIRE(found.size() == 1);
  CHECK(c->errors() == 1);
  CHECK(found[0].message == "unknown attribute `origin` in `Cors`");
  CHECK(found[0].help == "did you mean `origins`?");
  // At the key, not at its value, with the fix-it on the key.
  CHECK(c->at(found[0].span) == "main.jaws:5:12");
  REQUIRE(found[0].fixes.size() == 1);
  REQUIRE(found[0].fixes[0].edits.size() == 1);
  CHECK(found[0].fixes[0].edits[0].newText == "origins");
  CHECK(c->at(found[0].fixes[0].edits[0].span) == "main.jaws:5:12");
}

TEST_CASE("unknown names, functions and types get a did-you-mean and a fix", "[sema][names]") {
  auto c = compile(
      "stage dev { }\n"
      "stage prod { }\n"
      "let tableName = \"t\"\n"
      "let table = tabelName\n"
      "param retries: integer = 3\n"
      "function list { handler = \"src/a.list\" }\n"
      "api a { GET /items -> lsit }\n"
      "let big = stage == \"prodd\"\n"
      "output o = \"${table}-${retries}-${big}\"\n");
  INFO(c->all());
  CHECK(c->errors() == 4);
  struct Case {
    const char* code;
    const char* help;
    const char* replacement;
    const char* at;
  };
  for (const Case& k : {Case{"JW2105", "did you mean `tableName`?", "tableName", "main.jaws:5:13"},
                        Case{"JW2107", "did you mean `int`?", "int", "main.jaws:6:16"},
                        Case{"JW2106", "did you mean `list`?", "list", "main.jaws:8:23"},
                        Case{"JW3012", "did you mean `\"prod\"`?", "\"prod\"", "main.jaws:9:20"}}) {
    INFO(k.code);
    const auto found = c->withCode(k.code);
    REQUIRE(found.size() == 1);
    CHECK(c->at(found[0].span) == k.at);
    CHECK(found[0].help == k.help);
    REQUIRE(found[0].fixes.size() == 1);
    REQUIRE(found[0].fixes[0].edits.size() == 1);
    CHECK(found[0].fixes[0].edits[0].newText == k.replacement);
    CHECK(c->at(found[0].fixes[0].edits[0].span) == k.at);
  }
}

TEST_CASE("a value outside a vocabulary suggests the closest one", "[sema][types]") {
  auto c = compile(
      "stage dev { regions = [\"eu-west-l\"] }\n"
      "function f { handler = \"src/f.main\"  runtime = \"nodejs22\" }\n");
  INFO(c->all());
  const auto found = c->withCode("JW3008");
  REQUIRE(found.size() == 2);
  CHECK(c->errors() == 2);
  std::vector<std::string> helps{found[0].help, found[1].help};
  std::sort(helps.begin(), helps.end());
  CHECK(helps == std::vector<std::string>{"did you mean `\"eu-west-1\"`?", "did you mean `\"nodejs22.x\"`?"});
}

TEST_CASE("a duplicate name points at both places, across files", "[sema][names]") {
  auto c = compile({{"a.jaws", std::string(kProject) + "stage dev { }\nfunction list { handler = \"src/a.list\" }\n"},
                    {"b.jaws", "let x = 1\nlet list = 2\n"}});
  INFO(c->all());
  const auto found = c->withCode("JW2101");
  REQUIRE(found.size() == 1);
  CHECK(c->errors() == 1);
  CHECK(found[0].message == "`list` is declared twice");
  CHECK(c->at(found[0].span) == "b.jaws:2:5");
  REQUIRE(found[0].notes.size() == 1);
  CHECK(found[0].notes[0].message == "first declared here");
  CHECK(c->at(found[0].notes[0].span) == "a.jaws:3:10");
}

TEST_CASE("a second project points at the first", "[sema][names]") {
  auto c = compile({{"a.jaws", "project p { }\nstage dev { }\n"}, {"b.jaws", "project q { }\n"}});
  INFO(c->all());
  const auto found = c->withCode("JW2103");
  REQUIRE(found.size() == 1);
  CHECK(c->errors() == 1);
  REQUIRE(found[0].notes.size() == 1);
  CHECK(found[0].notes[0].message == "first declared here");
  CHECK(c->at(found[0].notes[0].span) == "a.jaws:1:1");
}

TEST_CASE("two projects with the same name are one error, not two", "[sema][names][cascade]") {
  auto c = compile({{"a.jaws", "project p { }\nstage dev { }\n"}, {"b.jaws", "project p { }\n"}});
  INFO(c->all());
  CHECK(c->withCode("JW2103").size() == 1);
  CHECK(c->errors() == 1);
}

TEST_CASE("a param missing in one stage names the stage and points at the param", "[sema][stages]") {
  auto c = compile(
      "param table: string\n"
      "stage dev { table = \"t\" }\n"
      "stage prod { }\n"
      "function f { handler = \"src/f.main\"  env = { TABLE = table } }\n"
      "function g { handler = \"src/g.main\"  env = { TABLE = table } }\n");
  INFO(c->all());
  const auto found = c->withCode("JW3011");
  REQUIRE(found.size() == 1);
  CHECK(c->errors() == 1);
  CHECK(found[0].message == "the param `table` has no value in stage `prod`");
  CHECK(c->at(found[0].span) == "main.jaws:4:7");
  CHECK(hasNote(found[0], "declared here"));
  CHECK(hasNote(found[0], "only in prod (us-east-1)"));
}

TEST_CASE("a problem in some (stage, region) pairs is reported once, naming them", "[sema][stages]") {
  auto c = compile(
      "stage dev { }\n"
      "stage prod { regions = [\"us-east-1\", \"eu-west-1\"] }\n"
      "function f {\n"
      "  handler = \"src/f.main\"\n"
      "  memory = stage == \"prod\" ? 64MB : 256MB\n"
      "  timeout = 20m\n"
      "}\n");
  INFO(c->all());
  const auto below = c->withCode("JW3004");
  REQUIRE(below.size() == 1);
  CHECK(c->at(below[0].span) == "main.jaws:6:30");
  CHECK(hasNote(below[0], "only in prod (us-east-1), prod (eu-west-1)"));
  // A problem of every pair has no such note.
  const auto above = c->withCode("JW3005");
  REQUIRE(above.size() == 1);
  CHECK(above[0].notes.empty());
  CHECK(c->errors() == 2);
}

TEST_CASE("semantic diagnostics do not cascade from one root cause", "[sema][cascade]") {
  SECTION("an unknown type used in three places is three errors") {
    auto c = compile(
        "stage dev { }\n"
        "param a: Strng = \"x\"\n"
        "type T { b: Strng, c: Strng[] }\n"
        "param t: T = { b = \"y\", c = [\"z\"] }\n"
        "output o = \"${a}\"\n");
    INFO(c->all());
    CHECK(c->withCode("JW2107").size() == 3);
    CHECK(c->errors() == 3);
  }
  SECTION("a wrong param value is one error, not one per use") {
    auto c = compile(
        "stage dev { }\n"
        "stage prod { }\n"
        "param mem: size = \"512\"\n"
        "function f { handler = \"src/f.main\"  memory = mem }\n"
        "function g { handler = \"src/g.main\"  memory = mem }\n"
        "output o = \"${mem}\"\n");
    INFO(c->all());
    CHECK(c->withCode("JW3003").size() == 1);
    CHECK(c->errors() == 1);
  }
  SECTION("an unknown name is one error, not one per let that uses it") {
    auto c = compile(
        "stage dev { }\n"
        "let a = missing\n"
        "let b = \"${a}-x\"\n"
        "let c = b == \"y\" ? 1 : 2\n"
        "function f { handler = \"src/f.main\"  description = b  memory = a }\n");
    INFO(c->all());
    CHECK(c->withCode("JW2105").size() == 1);
    CHECK(c->errors() == 1);
  }
  SECTION("a cycle is one error, not one per use") {
    auto c = compile(
        "stage dev { }\n"
        "let a = b\n"
        "let b = a\n"
        "output o1 = a\n"
        "output o2 = b\n"
        "function f { handler = \"src/f.main\"  description = a }\n");
    INFO(c->all());
    CHECK(c->withCode("JW2109").size() == 1);
    CHECK(c->errors() == 1);
  }
  SECTION("a secure param set from a literal is one error, not one per use") {
    auto c = compile(
        "stage dev { }\n"
        "@secure param token: string = \"hunter2\"\n"
        "function f { handler = \"src/f.main\"  env = { TOKEN = token } }\n"
        "function g { handler = \"src/g.main\"  env = { TOKEN = token } }\n");
    INFO(c->all());
    const auto found = c->withCode("JW3010");
    REQUIRE(found.size() == 1);
    CHECK(found[0].help == "set it from ssm(\"/name\") or secret(\"name\")");
    CHECK(c->errors() == 1);
  }
  SECTION("a misspelt project attribute is one error, not one per function") {
    auto c = compile({{"main.jaws",
                       "project p { runtime = \"nodejs22.x\"  memroy = 256MB  lint = { \"JW5004\" = \"off\", \"JW5005\" = \"off\" } }\n"
                       "stage dev { }\n"
                       "function f { handler = \"src/f.main\" }\n"
                       "function g { handler = \"src/g.main\" }\n"}});
    INFO(c->all());
    CHECK(c->withCode("JW3001").size() == 1);
    CHECK(c->errors() == 1);
  }
  SECTION("a wrong project default is reported at the project, not at every function") {
    auto c = compile({{"main.jaws",
                       "project p { runtime = \"nodejs22.x\"  memory = 64MB  lint = { \"JW5004\" = \"off\", \"JW5005\" = \"off\" } }\n"
                       "stage dev { }\n"
                       "function f { handler = \"src/f.main\" }\n"
                       "function g { handler = \"src/g.main\" }\n"}});
    INFO(c->all());
    const auto found = c->withCode("JW3004");
    REQUIRE(found.size() == 1);
    CHECK(c->at(found[0].span) == "main.jaws:1:46");
    CHECK(c->errors() == 1);
  }
  SECTION("a duplicate stage is one error") {
    auto c = compile(
        "stage dev { }\n"
        "stage dev { }\n"
        "function f { handler = \"src/f.main\" }\n"
        "output o = f.arn\n");
    INFO(c->all());
    CHECK(c->withCode("JW2101").size() == 1);
    CHECK(c->errors() == 1);
  }
}

TEST_CASE("the argument of authorizer(...) is looked up among the functions", "[sema][names]") {
  auto c = compile(
      "stage dev { }\n"
      "let limit = 1\n"
      "function list { handler = \"src/a.list\" }\n"
      "function checkToken { handler = \"src/a.check\" }\n"
      "api a {\n"
      "  GET /a -> list { auth = authorizer(checkTokn) }\n"
      "  GET /b -> list { auth = authorizer(limit) }\n"
      "}\n");
  INFO(c->all());
  CHECK(c->errors() == 2);
  const auto unknown = c->withCode("JW2106");
  REQUIRE(unknown.size() == 1);
  CHECK(unknown[0].message == "cannot find function `checkTokn`");
  CHECK(unknown[0].help == "did you mean `checkToken`?");
  REQUIRE(unknown[0].fixes.size() == 1);
  const auto notFunction = c->withCode("JW2108");
  REQUIRE(notFunction.size() == 1);
  CHECK(notFunction[0].message == "`limit` is a let, not a function");
  REQUIRE(notFunction[0].notes.size() == 1);
  CHECK(notFunction[0].notes[0].message == "declared here");
  CHECK(c->at(notFunction[0].notes[0].span) == "main.jaws:3:5");
}

TEST_CASE("a misspelt key in a stage does not hide the params' problems", "[sema][stages]") {
  auto c = compile(
      "param table: string\n"
      "type Db { name: string }\n"
      "param db: Db = { nmae = \"x\" }\n"
      "stage dev { tabel = \"x\" }\n");
  INFO(c->all());
  CHECK(c->withCode("JW3001").size() == 2);  // `tabel` and `nmae`
  CHECK(c->withCode("JW3002").size() == 1);  // `name` of the Db value
  CHECK(c->withCode("JW3011").size() == 1);  // `table` in dev
  CHECK(c->errors() == 4);
}

TEST_CASE("one invalid lint level does not turn the other lint settings back on", "[sema][cascade]") {
  auto c = compile({{"main.jaws",
                     "project p { lint = { \"JW5001\" = \"of\", \"JW5002\" = \"off\" } }\n"
                     "stage dev { }\n"
                     "param unusedParam: string = \"x\"\n"
                     "let unusedLet = 1\n"}});
  INFO(c->all());
  CHECK(c->withCode("JW3008").size() == 1);
  CHECK(c->withCode("JW5002").empty());
  // The misspelt level leaves JW5001 at its default level.
  CHECK(c->withCode("JW5001").size() == 1);
  CHECK(c->errors() == 1);
}

TEST_CASE("a project block that reads itself is a cycle, not a type error", "[sema][cascade]") {
  auto c = compile({{"main.jaws",
                     "project p { memory = m }\n"
                     "stage dev { }\n"
                     "let m = project.memory\n"}});
  INFO(c->all());
  const auto found = c->withCode("JW2109");
  REQUIRE(found.size() == 1);
  CHECK(found[0].message == "`project.memory` depends on itself");
  CHECK(c->at(found[0].span) == "main.jaws:3:9");
  CHECK(c->errors() == 1);
}

TEST_CASE("a let read through a member inside its own value is one cycle in the evaluator", "[sema][cascade]") {
  // The whole compile merges equal diagnostics, so this looks at one
  // evaluator's own list: `config.size` reads `config` from the cache in
  // place, and a value with an error must not be evaluated (and reported) again.
  auto c = compile("stage dev { }\n"
                   "let config = { size = stage == \"dev\" ? config.size : 1 }\n");
  const sema::Program& program = *c->project.compilation->analysis().program;
  const auto let = std::find_if(program.lets.begin(), program.lets.end(),
                                [](const ast::LetDecl* l) { return l->name.text == "config"; });
  REQUIRE(let != program.lets.end());
  sema::TypeResolver types(program);
  Diagnostics out;
  sema::Evaluator evaluator(program, types, sema::Target{"dev", "us-east-1"}, out);
  CHECK_FALSE(evaluator.letValue(**let).has_value());
  const auto cycles = std::count_if(out.begin(), out.end(), [](const Diagnostic& d) { return d.id() == "JW2109"; });
  CHECK(cycles == 1);
}

TEST_CASE("a second stage with the same name is one error and adds no targets", "[sema][names]") {
  auto c = compile(
      "stage dev { regions = [\"us-east-1\"] }\n"
      "stage dev { regions = [\"eu-west-1\", \"eu-central-1\"] }\n");
  INFO(c->all());
  CHECK(c->withCode("JW2101").size() == 1);
  CHECK(c->errors() == 1);
  const auto& targets = c->project.compilation->analysis().targets;
  REQUIRE(targets.size() == 1);
  CHECK(targets[0].stage == "dev");
  CHECK(targets[0].region == "us-east-1");
}

TEST_CASE("the options of jwt() and cognito() are checked like a block, at their keys", "[sema][http]") {
  auto c = compile(
      "stage dev { }\n"
      "function f { handler = \"src/f.main\" }\n"
      "api a {\n"
      "  kind = \"http\"\n"
      "  auth = jwt({ issuer = \"https://id.example.com/\", audiense = [\"a\"] })\n"
      "  GET /x -> f { auth = cognito(\"arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_A\", { scope = [\"r\"] }) }\n"
      "  GET /y -> f { auth = jwt({ kind = \"jwt\", issuer = \"https://id.example.com/\", audience = [\"a\"] }) }\n"
      "}\n");
  INFO(c->all());
  const auto unknown = c->withCode("JW3001");
  REQUIRE(unknown.size() == 3);
  CHECK(unknown[0].help == "did you mean `audience`?");
  CHECK(c->at(unknown[0].span) == "main.jaws:6:52");
  REQUIRE(unknown[0].fixes.size() == 1);
  CHECK(unknown[0].fixes[0].edits[0].newText == "audience");
  CHECK(unknown[1].help == "did you mean `scopes`?");
  // What the builtin sets itself is not an option.
  CHECK(unknown[2].message == "unknown attribute `kind` in the options");
  // The missing audience of the first is reported once; nothing else follows.
  CHECK(c->withCode("JW3002").size() == 1);
  CHECK(c->errors() == 4);
}

TEST_CASE("fn.url where the function has no url is reported in the targets where it has none", "[sema][http]") {
  auto c = compile(
      "stage dev { }\n"
      "stage prod { }\n"
      "function f { handler = \"src/f.main\"  url = stage == \"prod\" }\n"
      "output link = f.url\n");
  INFO(c->all());
  const auto found = c->withCode("JW3038");
  REQUIRE(found.size() == 1);
  CHECK(c->at(found[0].span) == "main.jaws:5:15");
  CHECK(hasNote(found[0], "declared here"));
  CHECK(hasNote(found[0], "only in dev (us-east-1)"));
  CHECK(c->errors() == 1);
}
