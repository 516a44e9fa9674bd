// The local API's route matching and request validation (compiler/local/),
// on projects compiled in-process; no sockets, no handler processes.
#include <catch2/catch.hpp>

#include <variant>

#include "local/Authorizers.h"
#include "local/RequestValidation.h"
#include "local/RouteTable.h"
#include "support/Parsing.h"
#include "support/TempDir.h"

using namespace jaws;
using namespace jaws::local;

namespace {

const char* kProject = R"(
project p { runtime = "nodejs22.x" }
stage dev {}
type Item { name: string @minLength(2)  tags?: string[] @maxItems(2)  kind?: "a" | "b" }
function f { handler = "src/f.main" }
function g { handler = "src/f.other" }
api a {
  GET  /items            -> f
  GET  /items/{id}       -> f
  GET  /items/special    -> g
  POST /items/{id}/parts -> f { query q: string  header "X-Trace": string  body: Item }
  GET  /files/{key+}     -> g
  ANY  /any/{x}          -> g
  DELETE /items/{id}     -> g
}
)";

// A project of one file, compiled; the folder lives as long as the project.
struct Compiled {
  explicit Compiled(const char* text) {
    dir.write("p/p.jaws", text);
    compiled = test::compileProject({dir.path() / "p"});
  }
  test::TempDir dir;
  test::CompiledProject compiled;
};

struct Fixture : Compiled {
  Fixture() : Compiled(kProject) {}
  const model::Stack& stack() { return compiled.compilation->stacks().front(); }
  const model::Api& api() { return stack().apis.front(); }
};

std::string matched(const RouteTable& table, const char* method, const char* path) {
  auto result = table.match(method, path);
  if (auto* miss = std::get_if<RouteTable::Miss>(&result)) return *miss == RouteTable::Miss::NoPath ? "no path" : "no method";
  const RouteMatch& m = std::get<RouteMatch>(result);
  std::string out = std::string(model::httpMethodName(m.route->method)) + " " + m.route->path;
  for (const auto& [name, value] : m.pathParameters) out += " " + name + "=" + value;
  return out;
}

HttpRequest request(std::string method, std::string path, std::string query, HeaderList headers, std::string body) {
  HttpRequest r;
  r.method = std::move(method);
  r.path = std::move(path);
  r.query = std::move(query);
  r.headers = std::move(headers);
  r.body = std::move(body);
  return r;
}

}  // namespace

TEST_CASE("routes match as API Gateway matches them", "[local]") {
  Fixture fx;
  REQUIRE_FALSE(hasErrors(fx.compiled.diagnostics));
  const RouteTable table(fx.api());
  CHECK(matched(table, "GET", "/items") == "GET /items");
  CHECK(matched(table, "GET", "/items/") == "GET /items");
  CHECK(matched(table, "GET", "/items/42") == "GET /items/{id} id=42");
  // A literal segment wins over a parameter.
  CHECK(matched(table, "GET", "/items/special") == "GET /items/special");
  // The literal branch has no DELETE: the parameter branch does.
  CHECK(matched(table, "DELETE", "/items/special") == "DELETE /items/{id} id=special");
  CHECK(matched(table, "POST", "/items/7/parts") == "POST /items/{id}/parts id=7");
  // Segments are decoded one by one: an encoded slash stays in its segment.
  CHECK(matched(table, "GET", "/items/a%2Fb") == "GET /items/{id} id=a/b");
  CHECK(matched(table, "GET", "/items/caf%C3%A9") == "GET /items/{id} id=café");
  // Greedy parameters take one segment or more, and nothing less.
  CHECK(matched(table, "GET", "/files/a/b/c.txt") == "GET /files/{key+} key=a/b/c.txt");
  CHECK(matched(table, "GET", "/files/x") == "GET /files/{key+} key=x");
  CHECK(matched(table, "GET", "/files") == "no path");
  CHECK(matched(table, "GET", "/files/") == "no path");
  // ANY takes every method.
  CHECK(matched(table, "PATCH", "/any/1") == "ANY /any/{x} x=1");
  CHECK(matched(table, "HEAD", "/any/1") == "ANY /any/{x} x=1");
  // Misses: no path, or a path without that method (both are 403 in REST).
  CHECK(matched(table, "GET", "/nope") == "no path");
  CHECK(matched(table, "GET", "/items/1/2") == "no path");
  CHECK(matched(table, "PUT", "/items") == "no method");
  CHECK(table.routesOnPath("/items/9").size() == 2);  // GET and DELETE /items/{id}
}

TEST_CASE("required parameters are checked for presence only, as API Gateway does", "[local]") {
  Fixture fx;
  const RequestValidator validator(fx.stack(), fx.api());
  const model::Route& parts = fx.api().routes[3];
  const std::string body = R"({"name":"ok"})";
  auto failure = validator.validate(parts, request("POST", "/items/1/parts", "", {}, body));
  REQUIRE(failure);
  CHECK(failure->message == "Missing required request parameters: [q, X-Trace]");
  failure = validator.validate(parts, request("POST", "/items/1/parts", "q=", {{"x-trace", "1"}}, body));
  REQUIRE(failure);
  CHECK(failure->message == "Missing required request parameters: [q]");
  CHECK_FALSE(validator.validate(parts, request("POST", "/items/1/parts", "q=1", {{"x-trace", "1"}}, body)));
}

TEST_CASE("bodies are validated against the deployed Swagger's schema", "[local]") {
  Fixture fx;
  const RequestValidator validator(fx.stack(), fx.api());
  const model::Route& parts = fx.api().routes[3];
  const HeaderList headers = {{"X-Trace", "t"}, {"Content-Type", "application/json"}};
  auto check = [&](const std::string& body) {
    auto failure = validator.validate(parts, request("POST", "/items/1/parts", "q=1", headers, body));
    return failure ? failure->message : std::string("ok");
  };
  CHECK(check(R"({"name":"ok"})") == "ok");
  CHECK(check(R"({"name":"ok","tags":["a","b"],"kind":"b"})") == "ok");
  CHECK(check(R"({"name":"x"})") == "Invalid request body");          // minLength
  CHECK(check(R"({"tags":[]})") == "Invalid request body");           // name is required
  CHECK(check(R"({"name":"ok","tags":["a","b","c"]})") == "Invalid request body");  // maxItems
  CHECK(check(R"({"name":"ok","kind":"c"})") == "Invalid request body");  // enum
  CHECK(check(R"({"name":7})") == "Invalid request body");
  CHECK(check("{") == "Invalid request body");
  CHECK(check("") == "Invalid request body");
  // The model applies to JSON bodies only.
  auto text = validator.validate(parts, request("POST", "/items/1/parts", "q=1", {{"X-Trace", "t"}, {"Content-Type", "text/plain"}}, "x"));
  CHECK_FALSE(text);
  // The terminal learns where the body went wrong.
  auto failure = validator.validate(parts, request("POST", "/items/1/parts", "q=1", headers, R"({"name":"x"})"));
  REQUIRE(failure);
  CHECK(failure->detail.find("name") != std::string::npos);
}

TEST_CASE("an API with validate = false checks nothing", "[local]") {
  Compiled project(R"(
project p { runtime = "nodejs22.x" }
stage dev {}
function f { handler = "src/f.main" }
api a {
  validate = false
  POST /x -> f { query q: string  body: { n: int } }
}
)");
  const model::Stack& stack = project.compiled.compilation->stacks().front();
  const RequestValidator validator(stack, stack.apis.front());
  CHECK_FALSE(validator.validate(stack.apis.front().routes.front(), request("POST", "/x", "", {}, "nope")));
}

TEST_CASE("authorizer policies: an explicit Deny wins, wildcards match", "[local]") {
  const std::string arn = "arn:aws:execute-api:us-east-1:000000000000:local/dev/GET/items/1";
  auto policy = [](const char* effect, const char* resource) {
    return EventJson{{"Version", "2012-10-17"},
                     {"Statement", EventJson::array({EventJson{{"Action", "execute-api:Invoke"}, {"Effect", effect}, {"Resource", resource}}})}};
  };
  CHECK(policyAllows(policy("Allow", "arn:aws:execute-api:us-east-1:000000000000:local/dev/GET/items/1"), arn));
  CHECK(policyAllows(policy("Allow", "arn:aws:execute-api:*:*:local/dev/*"), arn));
  CHECK_FALSE(policyAllows(policy("Allow", "arn:aws:execute-api:*:*:local/dev/POST/*"), arn));
  CHECK_FALSE(policyAllows(policy("Deny", "*"), arn));
  EventJson both = policy("Allow", "*");
  both["Statement"].push_back(EventJson{{"Action", "*"}, {"Effect", "Deny"}, {"Resource", "*/GET/items/*"}});
  CHECK_FALSE(policyAllows(both, arn));
  CHECK_FALSE(policyAllows(EventJson::object(), arn));
}
