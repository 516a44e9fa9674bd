// Routes: methods, bare paths split into segments, route items.
#include <catch2/catch.hpp>

#include "support/Parsing.h"

using namespace jaws;
using jaws::test::codes;
using jaws::test::parseSource;

namespace {

// Parses one api block holding `routes` and returns the parse.
test::ParsedSource parseRoutes(const std::string& routes) { return parseSource("api a {\n" + routes + "}\n"); }

const ast::ApiDecl& api(const test::ParsedSource& parsed) {
  const ast::Decl* decl = parsed.decl("a");
  REQUIRE(decl != nullptr);
  REQUIRE(decl->kind == ast::DeclKind::Api);
  return static_cast<const ast::ApiDecl&>(*decl);
}

std::string segments(const ast::RoutePath& path) {
  std::string out;
  for (const auto& s : path.segments) {
    out += s.kind == ast::PathSegment::Kind::Literal ? "L:" : s.kind == ast::PathSegment::Kind::Parameter ? "P:" : "G:";
    out += s.text + " ";
  }
  return out;
}

}  // namespace

TEST_CASE("route paths split into literal, parameter and greedy segments", "[routes]") {
  const auto parsed = parseRoutes(
      "  GET / -> root\n"
      "  GET /todos/{id} -> getTodo\n"
      "  ANY /files/{key+} -> files\n"
      "  PUT /v1.2/a_b~c-d/{x}/e -> put\n");
  REQUIRE(parsed.diagnostics().empty());
  const auto& routes = api(parsed).routes;
  REQUIRE(routes.size() == 4);
  CHECK(routes[0].path.text == "/");
  CHECK(routes[0].path.segments.empty());
  CHECK(routes[0].path.valid);
  CHECK(segments(routes[1].path) == "L:todos P:id ");
  CHECK(segments(routes[2].path) == "L:files G:key ");
  CHECK(segments(routes[3].path) == "L:v1.2 L:a_b~c-d P:x L:e ");
  // A parameter's span is its name, inside the braces.
  CHECK(parsed.text(routes[1].path.segments[1].span) == "id");
  CHECK(parsed.text(routes[2].path.segments[1].span) == "key");
  CHECK(parsed.text(routes[1].path.span) == "/todos/{id}");
  CHECK(*routes[2].method == ast::HttpMethod::Any);
  CHECK(routes[3].target.text == "put");
  CHECK(parsed.text(routes[1].span) == "GET /todos/{id} -> getTodo");
}

TEST_CASE("an arrow right after a path is not part of it; other dashes are", "[routes]") {
  const auto parsed = parseRoutes(
      "  GET /todos/{id}->getTodo\n"
      "  GET /a->a\n"
      "  GET /x-y/-z/w- -> dashes\n"
      "  GET /p-/q->pq\n");
  REQUIRE(parsed.diagnostics().empty());
  const auto& routes = api(parsed).routes;
  REQUIRE(routes.size() == 4);
  CHECK(parsed.text(routes[0].path.span) == "/todos/{id}");
  CHECK(routes[0].target.text == "getTodo");
  CHECK(parsed.text(routes[1].path.span) == "/a");
  CHECK(routes[1].target.text == "a");
  CHECK(segments(routes[2].path) == "L:x-y L:-z L:w- ");
  CHECK(segments(routes[3].path) == "L:p- L:q ");
  CHECK(routes[3].target.text == "pq");
}

TEST_CASE("invalid route paths point at the bad segment", "[routes]") {
  const auto parsed = parseRoutes(
      "  GET /users//list -> f\n"
      "  GET /users/ -> f\n"
      "  GET /users/{id -> f\n"
      "  GET /users/{1x} -> f\n"
      "  GET /a+b -> f\n");
  REQUIRE(codes(parsed.diagnostics()) ==
          std::vector<std::string>{"JW1009", "JW1009", "JW1009", "JW1009", "JW1009"});
  const auto& d = parsed.diagnostics();
  CHECK(d[0].message == "invalid route path /users//list: empty segment");
  CHECK(parsed.at(d[0].span) == "2:13");  // the slash before the empty segment
  CHECK(d[1].message == "invalid route path /users/: a path does not end with `/`");
  CHECK(parsed.at(d[1].span) == "3:13");
  CHECK(d[2].message == "invalid route path /users/{id: `{id` is not a parameter; write `{name}` or `{name+}`");
  CHECK(parsed.text(d[2].span) == "{id");
  CHECK(parsed.text(d[3].span) == "{1x}");
  CHECK(d[4].message == "invalid route path /a+b: `a+b` may only hold letters, digits and `._~-`");
  for (const auto& route : api(parsed).routes) CHECK_FALSE(route.path.valid);
}

TEST_CASE("HTTP methods are capitals; a lower-case one gets a fix", "[routes]") {
  const auto parsed = parseRoutes("  get /a -> f\n  FETCH /b -> f\n  DELETE /c -> f\n");
  REQUIRE(codes(parsed.diagnostics()) == std::vector<std::string>{"JW1011", "JW1011"});
  const Diagnostic& lower = parsed.diagnostics()[0];
  CHECK(lower.message == "unknown HTTP method `get`");
  CHECK(lower.help == "HTTP methods are written in capitals");
  REQUIRE(lower.fixes.size() == 1);
  CHECK(lower.fixes[0].edits[0].newText == "GET");
  CHECK(parsed.diagnostics()[1].fixes.empty());
  const auto& routes = api(parsed).routes;
  REQUIRE(routes.size() == 3);
  CHECK_FALSE(routes[0].method.has_value());
  CHECK(*routes[2].method == ast::HttpMethod::Delete);
}

TEST_CASE("route items: parameters, bodies, responses and attributes", "[routes]") {
  const auto parsed = parseRoutes(
      "  POST /todos/{id} -> f {\n"
      "    path id: string @format(\"uuid\")\n"
      "    query page?: int\n"
      "    header \"X-Request-Id\": string\n"
      "    body: NewTodo\n"
      "    returns 201: Todo\n"
      "    returns: Todo, returns 400: Error;\n"
      "    operationId = \"createTodo\"\n"
      "  }\n");
  REQUIRE(parsed.diagnostics().empty());
  const auto& route = api(parsed).routes.at(0);
  CHECK(route.hasBraces);
  REQUIRE(route.parameters.size() == 3);
  CHECK(route.parameters[0].where == ast::ParamLocation::Path);
  CHECK(route.parameters[0].name.text == "id");
  CHECK(route.parameters[0].decorators.size() == 1);
  CHECK(route.parameters[1].where == ast::ParamLocation::Query);
  CHECK(route.parameters[1].optional);
  CHECK(route.parameters[2].where == ast::ParamLocation::Header);
  CHECK(route.parameters[2].name.text == "X-Request-Id");
  REQUIRE(route.bodies.size() == 1);
  CHECK(parsed.text(route.bodies[0].type->span) == "NewTodo");
  REQUIRE(route.responses.size() == 3);
  CHECK(route.responses[0].status == 201);
  CHECK(parsed.text(route.responses[0].statusSpan) == "201");
  CHECK_FALSE(route.responses[1].status.has_value());
  CHECK(route.responses[2].status == 400);
  REQUIRE(route.attributes.size() == 1);
  CHECK(route.attributes[0].key.text == "operationId");
}

TEST_CASE("misused route items are reported at the item", "[routes]") {
  const auto parsed = parseRoutes(
      "  GET /items/{id} -> f {\n"
      "    cookie id: string\n"    // JW1012
      "    query: string\n"        // JW1013
      "    body item: string\n"    // JW1014
      "    body 201: string\n"     // JW1015
      "    returns 999: string\n"  // JW1016
      "    path id?: string\n"     // JW1017
      "  }\n");
  REQUIRE(codes(parsed.diagnostics()) ==
          std::vector<std::string>{"JW1012", "JW1013", "JW1014", "JW1015", "JW1016", "JW1017"});
  const auto& d = parsed.diagnostics();
  CHECK(parsed.text(d[0].span) == "cookie");
  CHECK(d[1].message == "`query` needs a parameter name, as in `query NAME: TYPE`");
  CHECK(parsed.text(d[2].span) == "item");
  CHECK(parsed.text(d[3].span) == "201");
  CHECK(d[4].message == "status code 999 is not an HTTP status (100-599)");
  CHECK(parsed.text(d[5].span) == "?");
  REQUIRE(d[5].fixes.size() == 1);
  CHECK(d[5].fixes[0].edits[0].newText.empty());
}

TEST_CASE("routes take leading decorators and doc comments", "[routes]") {
  const auto parsed = parseRoutes("  /// Old.\n  @deprecated GET /old -> f\n");
  REQUIRE(parsed.diagnostics().empty());
  const auto& route = api(parsed).routes.at(0);
  REQUIRE(route.decorators.size() == 1);
  CHECK(route.decorators[0].name.text == "deprecated");
  CHECK(route.doc == "Old.");
  CHECK(parsed.text(route.span) == "@deprecated GET /old -> f");
}
