// Error recovery, as an editor needs it: the parser keeps going after a
// mistake, reports one error per position, does not cascade from a missing
// token, and returns an AST for everything it understood.
#include <catch2/catch.hpp>

#include <set>

#include "support/Parsing.h"

using namespace jaws;
using jaws::test::codes;
using jaws::test::parseSource;

namespace {

std::vector<std::string> declNames(const test::ParsedSource& parsed) {
  std::vector<std::string> names;
  for (const auto& d : parsed.unit().decls) names.push_back(d->name.text);
  return names;
}

}  // namespace

TEST_CASE("a block missing its `}` is one error; the declarations after it parse", "[recovery]") {
  const auto parsed = parseSource(
      "function f {\n"
      "  handler = \"src/f.main\"\n"
      "\n"
      "function g { handler = \"src/g.main\" }\n"
      "let y = 1\n");
  REQUIRE(codes(parsed.diagnostics()) == std::vector<std::string>{"JW1005"});
  const Diagnostic& d = parsed.diagnostics()[0];
  CHECK(d.message == "expected `}` before keyword `function`");
  CHECK(parsed.at(d.span) == "2:25");  // right after the last token of the block
  CHECK(declNames(parsed) == std::vector<std::string>{"f", "g", "y"});
  const auto& f = static_cast<const ast::FunctionDecl&>(*parsed.decl("f"));
  CHECK(f.attributes.size() == 1);
}

TEST_CASE("missing closers of every kind are one error each", "[recovery]") {
  struct Case {
    const char* source;
    const char* message;
    const char* at;
  };
  const Case cases[] = {
      {"function f {\n  handler = \"x\"\n", "expected `}` before end of file", "2:16"},
      {"let o = { a = 1, b = { c = 2 }\nlet z = 1\n", "expected `}` before keyword `let`", "1:31"},
      {"let x = [1, 2\nlet z = 3\n", "expected `]` before keyword `let`", "1:14"},
      {"let x = (1\nlet z = 3\n", "expected `)` before keyword `let`", "1:11"},
      {"let x = f(1,\nlet z = 2\n", "expected `)` before keyword `let`", "1:13"},
      {"type T {\n  a: string\n\ntype z { b: int }\n", "expected `}` before keyword `type`", "2:12"},
      {"api a {\n  GET /x -> f\n\nfunction z { handler = \"x\" }\n", "expected `}` before keyword `function`", "2:14"},
      {"function f { env = { A = \"x\"\nlet z = 1\n", "expected `}` before keyword `let`", "1:29"},
      {"function f {\n  handler = \"x\"\n\n@secure param z: string\n", "expected `}` before `@`", "2:16"},
  };
  for (const Case& c : cases) {
    INFO(c.source);
    const auto parsed = parseSource(c.source);
    REQUIRE(codes(parsed.diagnostics()) == std::vector<std::string>{"JW1005"});
    CHECK(parsed.diagnostics()[0].message == c.message);
    CHECK(parsed.at(parsed.diagnostics()[0].span) == c.at);
    const std::string source = c.source;
    if (source.find(" z") != std::string::npos) CHECK(parsed.decl("z") != nullptr);
  }
}

TEST_CASE("a route body missing its `}` ends at the next route", "[recovery]") {
  const auto parsed = parseSource(
      "api a {\n"
      "  GET /x -> f { returns: string\n"
      "  POST /y -> g\n"
      "}\n"
      "let z = 1\n");
  REQUIRE(codes(parsed.diagnostics()) == std::vector<std::string>{"JW1005"});
  CHECK(parsed.diagnostics()[0].message == "expected `}` before identifier `POST`");
  const auto& api = static_cast<const ast::ApiDecl&>(*parsed.decl("a"));
  REQUIRE(api.routes.size() == 2);
  CHECK(api.routes[0].responses.size() == 1);
  CHECK(api.routes[1].target.text == "g");
  CHECK(parsed.decl("z") != nullptr);
}

TEST_CASE("a missing `=` is one error and the attribute keeps its value", "[recovery]") {
  const auto parsed = parseSource(
      "function f {\n"
      "  handler \"src/f.main\"\n"
      "  memory 128MB\n"
      "  timeout = 3s\n"
      "}\n"
      "let y = 1\n");
  REQUIRE(codes(parsed.diagnostics()) == std::vector<std::string>{"JW1005", "JW1005"});
  CHECK(parsed.diagnostics()[0].message == "expected `=` before string");
  CHECK(parsed.at(parsed.diagnostics()[0].span) == "2:10");
  CHECK(parsed.diagnostics()[1].message == "expected `=` before `128MB`");
  const auto& f = static_cast<const ast::FunctionDecl&>(*parsed.decl("f"));
  REQUIRE(f.attributes.size() == 3);
  CHECK(f.attributes[0].value->kind == ast::ExprKind::String);
  CHECK(f.attributes[1].value->kind == ast::ExprKind::Size);
  CHECK(f.attributes[2].key.text == "timeout");
  CHECK(parsed.decl("y") != nullptr);
}

TEST_CASE("a missing name is one error", "[recovery]") {
  const auto parsed = parseSource("function { handler = \"x\" }\nlet = 5\nlet y = 2\n");
  REQUIRE(codes(parsed.diagnostics()) == std::vector<std::string>{"JW1005", "JW1005"});
  CHECK(parsed.diagnostics()[0].message == "expected identifier before `{`");
  CHECK(parsed.diagnostics()[1].message == "expected identifier before `=`");
  REQUIRE(parsed.unit().decls.size() == 3);
  CHECK_FALSE(parsed.unit().decls[0]->name.valid());
  const auto& f = static_cast<const ast::FunctionDecl&>(*parsed.unit().decls[0]);
  CHECK(f.attributes.size() == 1);
  CHECK(parsed.decl("y") != nullptr);
}

TEST_CASE("junk between declarations is skipped to the next declaration", "[recovery]") {
  const auto parsed = parseSource("let x = 1 2 3\nlet y = 2\nfunction f { handler = \"x\" } }\nlet z = 3\n");
  REQUIRE(codes(parsed.diagnostics()) == std::vector<std::string>{"JW1004", "JW1004"});
  CHECK(parsed.diagnostics()[0].message == "unexpected `2`; expected a declaration or end of file");
  CHECK(parsed.at(parsed.diagnostics()[1].span) == "3:30");
  CHECK(declNames(parsed) == std::vector<std::string>{"x", "y", "f", "z"});
}

TEST_CASE("junk before the first declaration does not lose the file", "[recovery]") {
  const auto parsed = parseSource("# a shell comment\nproject shop { runtime = \"x\" }\nlet y = 1\n");
  CHECK(codes(parsed.diagnostics()) == std::vector<std::string>{"JW1003"});
  CHECK(declNames(parsed) == std::vector<std::string>{"shop", "y"});
  const auto junk = parseSource("junk junk 1 2\nlet y = 1\nmore junk\nlet z = 2\n");
  CHECK(codes(junk.diagnostics()) == std::vector<std::string>{"JW1004", "JW1004"});
  CHECK(declNames(junk) == std::vector<std::string>{"y", "z"});
}

TEST_CASE("a wrong closing bracket is one error", "[recovery]") {
  for (const char* source : {"let c = { x = 1 ]\nlet z = 1\n", "let c = { x = 1 ] }\nlet z = 1\n",
                             "let c = [1, 2)\nlet z = 1\n", "let c = f(1, [2, 3)\nlet z = 1\n",
                             "function f { a = 1 ) }\nlet z = 1\n"}) {
    INFO(source);
    const auto parsed = parseSource(source);
    CHECK(codes(parsed.diagnostics()) == std::vector<std::string>{"JW1004"});
    CHECK(parsed.decl("z") != nullptr);
  }
}

TEST_CASE("a missing value leaves an error node and the next attribute parses", "[recovery]") {
  const auto parsed = parseSource("function f { handler = \"x\" memory = }\nlet y = 1\n");
  REQUIRE(codes(parsed.diagnostics()) == std::vector<std::string>{"JW1004"});
  CHECK(parsed.diagnostics()[0].message == "unexpected `}`; expected an expression");
  const auto& f = static_cast<const ast::FunctionDecl&>(*parsed.decl("f"));
  REQUIRE(f.attributes.size() == 2);
  CHECK(f.attributes[1].value->kind == ast::ExprKind::Error);
  CHECK(parsed.decl("y") != nullptr);
}

TEST_CASE("a piece not written yet, with the next item on the next line, is one error and loses nothing", "[recovery]") {
  // syntax/MissingPieces: `memory =` / `timeout = 10s`, `->` / `POST /x`.
  const auto parsed = parseSource(
      "function f {\n  memory =\n  timeout = 10s\n}\n"
      "api a {\n  GET /x ->\n  POST /y -> f\n}\n");
  REQUIRE(codes(parsed.diagnostics()) == std::vector<std::string>{"JW1005", "JW1005"});
  CHECK(parsed.diagnostics()[0].message == "expected an expression before identifier `timeout`");
  CHECK(parsed.at(parsed.diagnostics()[0].span) == "2:11");
  CHECK(parsed.diagnostics()[1].message == "expected a function name before identifier `POST`");
  CHECK(parsed.at(parsed.diagnostics()[1].span) == "6:12");
  const auto& f = static_cast<const ast::FunctionDecl&>(*parsed.decl("f"));
  REQUIRE(f.attributes.size() == 2);
  CHECK(f.attributes[0].value->kind == ast::ExprKind::Error);
  CHECK(f.attributes[1].key.text == "timeout");
  CHECK(f.attributes[1].value->kind == ast::ExprKind::Duration);
  const auto& api = static_cast<const ast::ApiDecl&>(*parsed.decl("a"));
  REQUIRE(api.routes.size() == 2);
  CHECK_FALSE(api.routes[0].target.valid());
  CHECK(api.routes[1].target.text == "f");
}

TEST_CASE("a missing value and a missing brace at one place are one error", "[recovery]") {
  // `handler =` right before the next declaration: both the value and the
  // block's `}` are missing there; one error stands, and `g` still parses.
  const auto parsed = parseSource("function f {\n  handler =\nfunction g { handler = \"x\" }\n");
  REQUIRE(codes(parsed.diagnostics()) == std::vector<std::string>{"JW1005"});
  CHECK(parsed.at(parsed.diagnostics()[0].span) == "2:12");
  CHECK(parsed.decl("g") != nullptr);
}

TEST_CASE("nesting past the limit keeps the declarations before it", "[recovery]") {
  const std::string deep = "let d = " + std::string(150, '(') + "1" + std::string(150, ')') + "\n";
  const auto parsed = parseSource("let a = 1\nfunction f { handler = \"x\" }\n" + deep + "let after = 2\n");
  REQUIRE(codes(parsed.diagnostics()) == std::vector<std::string>{"JW1008"});
  CHECK(parsed.decl("a") != nullptr);
  CHECK(parsed.decl("f") != nullptr);
  CHECK(parsed.decl("after") == nullptr);  // not parsed past the limit
  CHECK_FALSE(parsed.unit().complete);
}

TEST_CASE("items after a broken one parse as in a whole-file parse", "[recovery]") {
  // The broken item is re-parsed alone in LL mode; the ones around it keep
  // their SLL parse, and junk between items is one error.
  const auto parsed = parseSource("let a = 1\nlet b = = 2\n} } }\nlet c = [1, 2]\nimport \"./x.jaws\"\n");
  REQUIRE(codes(parsed.diagnostics()) == std::vector<std::string>{"JW1004", "JW1004", "JW1021"});
  CHECK(parsed.at(parsed.diagnostics()[0].span) == "2:9");
  CHECK(parsed.at(parsed.diagnostics()[1].span) == "3:1");
  CHECK(parsed.decl("a") != nullptr);
  CHECK(parsed.decl("c") != nullptr);
  CHECK(parsed.unit().imports.size() == 1);
  CHECK(parsed.unit().complete);
}

TEST_CASE("no piece is taken for missing where the next tokens continue it", "[recovery]") {
  // A field's default, a conditional, a type followed by a field, a decorator
  // before a route: nothing is missing in any of them.
  const auto parsed = parseSource(
      "type T {\n  a: string = \"x\"\n  b: Item\n  c?: int\n}\n"
      "let v = true ? 1 : 2\n"
      "api a {\n  @deprecated GET /x -> f\n}\n");
  CHECK(parsed.diagnostics().empty());
}

TEST_CASE("at most one error per position, in any broken input", "[recovery]") {
  const char* inputs[] = {
      "let x = = = 1\n",
      "function f { = = = }\n",
      "api a { GET -> f\n POST /x -> \n PUT /y -> g }\n",
      "type T = | | string\n",
      "}}}}{{{{\n",
      "let x = [1 2 3 : :]\n",
      "@ @ @ function\n",
      "project { regions = [\"a\" \"b\"] } stage { } stage\n",
      "let x = a ? : b\nlet y = ((((\n",
  };
  for (const char* input : inputs) {
    INFO(input);
    const auto parsed = parseSource(input);
    CHECK_FALSE(parsed.diagnostics().empty());
    std::set<std::uint32_t> positions;
    for (const auto& d : parsed.diagnostics()) CHECK(positions.insert(d.span.begin).second);
  }
}

TEST_CASE("syntax errors stop at 50 per file", "[recovery]") {
  SECTION("parser errors") {
    std::string source;
    for (int i = 0; i < 80; ++i) source += "let = " + std::to_string(i) + "\n";
    const auto parsed = parseSource(source);
    const auto found = codes(parsed.diagnostics());
    REQUIRE(found.size() == 51);
    CHECK(std::count(found.begin(), found.end(), "JW1005") == 50);
    CHECK(found.back() == "JW1018");
    CHECK(parsed.diagnostics().back().message ==
          "too many syntax errors; 50 reported, the rest of this file is not reported");
  }
  SECTION("stray characters") {
    const auto parsed = parseSource("let x = 1 " + std::string(80, '#') + "\n");
    const auto found = codes(parsed.diagnostics());
    REQUIRE(found.size() == 51);
    CHECK(std::count(found.begin(), found.end(), "JW1003") == 50);
    CHECK(found.back() == "JW1018");
  }
}

TEST_CASE("nesting past 100 levels is refused with one error", "[recovery][nesting]") {
  auto nested = [](const std::string& open, const std::string& inner, const std::string& close, int depth) {
    std::string s = "let x = ";
    for (int i = 0; i < depth; ++i) s += open;
    s += inner;
    for (int i = 0; i < depth; ++i) s += close;
    return s + "\n";
  };
  SECTION("within the limit") {
    const auto parsed = parseSource(nested("(", "1", ")", 90));
    CHECK(parsed.diagnostics().empty());
  }
  SECTION("past it") {
    for (const std::string& source : {nested("(", "1", ")", 101), nested("[", "", "]", 150), nested("{a = ", "1", "}", 200),
                                      nested("!", "true", "", 300), nested("\"${", "1", "}\"", 120),
                                      std::string("let x = a") + [] {
                                        std::string s;
                                        for (int i = 0; i < 150; ++i) s += ".b";
                                        return s;
                                      }() + "\n",
                                      std::string("type T = string") + [] {
                                        std::string s;
                                        for (int i = 0; i < 150; ++i) s += "[]";
                                        return s;
                                      }() + "\n"}) {
      INFO(source.substr(0, 40));
      const auto parsed = parseSource(source);
      REQUIRE(codes(parsed.diagnostics()) == std::vector<std::string>{"JW1008"});
      CHECK(parsed.diagnostics()[0].message == "nesting is deeper than 100 levels");
      CHECK(parsed.diagnostics()[0].span.file == parsed.id);
    }
  }
}
