#pragma once
// Hand-built stacks for the tests of `jaws stubs` (the generator unit tests
// and the runtime tests that run the generated handlers with node and
// python3). They cover both runtimes, path/query/header parameters of every
// kind, JSON bodies, CORS on and off, schedules, an authorizer, a function
// routed and scheduled, a function routed from two APIs, shared modules,
// reserved handler names, a Python runtime without typing.NotRequired;
// HTTP APIs and function URLs (payload 2.0), in both runtimes; and every
// kind of event.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/Model.h"

namespace jaws::stubs::fixtures {

inline model::Schema prim(model::Schema::Kind kind) {
  model::Schema s;
  s.kind = kind;
  return s;
}
inline model::Schema str() { return prim(model::Schema::Kind::String); }
inline model::Schema integer() { return prim(model::Schema::Kind::Integer); }
inline model::Schema number() { return prim(model::Schema::Kind::Number); }
inline model::Schema boolean() { return prim(model::Schema::Kind::Boolean); }
inline model::Schema ref(std::string name) {
  model::Schema s;
  s.kind = model::Schema::Kind::Ref;
  s.refName = std::move(name);
  return s;
}
inline model::Schema listOf(model::Schema element) {
  model::Schema s;
  s.kind = model::Schema::Kind::Array;
  s.element = std::make_shared<model::Schema>(std::move(element));
  return s;
}
inline model::Schema mapOf(model::Schema element) {
  model::Schema s = listOf(std::move(element));
  s.kind = model::Schema::Kind::Map;
  return s;
}
inline model::Schema enumOf(std::vector<std::string> values) {
  model::Schema s;
  s.kind = model::Schema::Kind::Union;
  for (std::string& value : values) {
    model::Schema member;
    member.kind = model::Schema::Kind::Literal;
    member.literal = model::Value::ofString(std::move(value));
    s.members.push_back(std::move(member));
  }
  return s;
}
inline model::SchemaField fieldOf(std::string name, model::Schema schema, bool optional = false,
                                  std::string description = {}) {
  model::SchemaField f;
  f.name = std::move(name);
  f.schema = std::move(schema);
  f.optional = optional;
  f.description = std::move(description);
  return f;
}
inline model::Schema object(std::vector<model::SchemaField> fields) {
  model::Schema s;
  s.kind = model::Schema::Kind::Object;
  s.fields = std::move(fields);
  return s;
}
inline model::NamedSchema named(std::string name, model::Schema schema, std::string description = {}) {
  model::NamedSchema n;
  n.name = std::move(name);
  n.schema = std::move(schema);
  n.description = std::move(description);
  return n;
}

inline model::Function function(std::string name, const std::string& handler, const std::string& runtime) {
  model::Function f;
  f.name = std::move(name);
  f.handler = handler;
  const auto dot = handler.rfind('.');
  f.handlerModule = handler.substr(0, dot);
  f.handlerExport = handler.substr(dot + 1);
  f.source = ".";
  f.runtime = runtime;
  f.runtimeFamily = runtime.rfind("nodejs", 0) == 0   ? model::RuntimeFamily::Node
                    : runtime.rfind("python", 0) == 0 ? model::RuntimeFamily::Python
                                                      : model::RuntimeFamily::Other;
  return f;
}

inline model::RouteParameter param(model::ParamLocation where, std::string name, model::Schema schema,
                                   bool required = true) {
  model::RouteParameter p;
  p.where = where;
  p.name = std::move(name);
  p.schema = std::move(schema);
  p.required = required;
  return p;
}

inline model::Route route(model::HttpMethod method, std::string path, std::string function,
                          std::vector<model::RouteParameter> parameters = {},
                          std::optional<model::Schema> body = std::nullopt) {
  model::Route r;
  r.method = method;
  r.path = std::move(path);
  r.operationId = function;
  r.function = std::move(function);
  r.parameters = std::move(parameters);
  r.body = std::move(body);
  model::Response ok;
  ok.status = 200;
  r.responses.push_back(ok);
  return r;
}

inline model::Cors cors(std::vector<std::string> origins, bool credentials = false) {
  model::Cors c;
  c.enabled = true;
  c.origins = std::move(origins);
  c.credentials = credentials;
  return c;
}

inline model::Schedule schedule(std::string expression) {
  model::Schedule s;
  s.expression = std::move(expression);
  return s;
}

// The design's todo service (Node.js), grown to cover every trigger.
inline model::Stack todoStack() {
  using model::HttpMethod;
  using model::ParamLocation;
  model::Stack stack;
  stack.project.name = "todo";
  stack.stage.name = "dev";
  stack.stage.region = "us-east-1";
  stack.stackName = "todo-dev";

  stack.types.push_back(named(
      "Todo",
      object({fieldOf("id", str(), false, "The todo's id."), fieldOf("title", str()), fieldOf("done", boolean()),
              fieldOf("priority", ref("Priority")), fieldOf("tags", listOf(str()), true),
              fieldOf("meta", object({fieldOf("source", str()), fieldOf("x-origin", integer(), true)}), true)}),
      "A todo item."));
  stack.types.front().schema.fields.front().schema.constraints.format = "uuid";
  stack.types.push_back(named("NewTodo", object({fieldOf("title", str()), fieldOf("priority", ref("Priority"), true)})));
  stack.types.push_back(named("Error", object({fieldOf("message", str())})));
  stack.types.push_back(named("Priority", enumOf({"low", "normal", "high"})));

  for (const char* name : {"listTodos", "createTodo", "getTodo", "deleteTodo", "report", "cleanup", "auth", "worker"}) {
    static const std::map<std::string, std::string> handlers = {
        {"listTodos", "src/todos.list"},   {"createTodo", "src/todos.create"}, {"getTodo", "src/todos.get"},
        {"deleteTodo", "src/todos.delete"}, {"report", "src/jobs.report"},     {"cleanup", "src/jobs.cleanup"},
        {"auth", "src/auth.check"},         {"worker", "src/worker.handler"}};
    stack.functions.push_back(function(name, handlers.at(name), "nodejs22.x"));
  }
  stack.functions[0].description = "Lists every todo.";
  stack.functions[4].schedules.push_back(schedule("cron(0 6 * * ? *)"));
  stack.functions[5].schedules.push_back(schedule("rate(1 day)"));

  model::Api todoApi;
  todoApi.name = "todoApi";
  todoApi.cors = cors({"https://todo.example.com", "https://admin.example.com"});
  todoApi.routes.push_back(route(HttpMethod::Get, "/todos", "listTodos",
                                 {param(ParamLocation::Query, "limit", integer(), false),
                                  param(ParamLocation::Query, "tags", listOf(str()), false),
                                  param(ParamLocation::Query, "priority", ref("Priority"), false),
                                  param(ParamLocation::Query, "minScore", number(), false),
                                  param(ParamLocation::Query, "done", boolean(), false),
                                  param(ParamLocation::Header, "X-Request-Id", str(), false)}));
  todoApi.routes.back().responses.front().schema = listOf(ref("Todo"));
  todoApi.routes.push_back(route(HttpMethod::Post, "/todos", "createTodo", {}, ref("NewTodo")));
  todoApi.routes.push_back(route(HttpMethod::Get, "/todos/{id}", "getTodo",
                                 {param(ParamLocation::Path, "id", str()),
                                  param(ParamLocation::Header, "X-Trace", str())}));
  todoApi.routes.push_back(route(HttpMethod::Delete, "/todos/{id}", "deleteTodo", {param(ParamLocation::Path, "id", str())}));
  todoApi.routes.push_back(route(HttpMethod::Get, "/report", "report"));
  stack.apis.push_back(std::move(todoApi));

  model::Api adminApi;  // no CORS; authorized by `auth`; routes getTodo a second time
  adminApi.name = "adminApi";
  adminApi.auth.kind = model::AuthKind::Authorizer;
  adminApi.auth.authorizerFunction = "auth";
  adminApi.routes.push_back(route(HttpMethod::Get, "/admin/todos/{id}", "getTodo",
                                  {param(ParamLocation::Path, "id", str())}));
  adminApi.routes.back().operationId = "adminGetTodo";
  adminApi.routes.back().auth = adminApi.auth;
  stack.apis.push_back(std::move(adminApi));
  return stack;
}

// A Python shop: `list` shadows a builtin, `pass` is a keyword, CORS is `true`.
inline model::Stack shopStack() {
  using model::HttpMethod;
  using model::ParamLocation;
  model::Stack stack;
  stack.project.name = "shop";
  stack.stage.name = "prod";
  stack.stage.region = "eu-west-1";
  stack.stackName = "shop-prod";

  stack.types.push_back(named("Item", object({fieldOf("sku", str()), fieldOf("qty", integer()),
                                              fieldOf("price", number(), true), fieldOf("kind", enumOf({"book", "game"})),
                                              fieldOf("from", str(), true, "A keyword as a field name.")})));
  stack.types.push_back(named("NewItem", object({fieldOf("sku", str()), fieldOf("qty", integer(), true)})));
  stack.types.push_back(named("Catalog", mapOf(listOf(ref("Item")))));

  stack.functions.push_back(function("listItems", "app/items.list", "python3.12"));
  stack.functions.push_back(function("createItem", "app/items.create", "python3.12"));
  stack.functions.push_back(function("nightly", "app/jobs.nightly", "python3.12"));
  stack.functions.back().schedules.push_back(schedule("rate(1 day)"));
  stack.functions.push_back(function("skip", "app/misc.pass", "python3.12"));
  stack.functions.push_back(function("legacy", "legacy/old.handler", "python3.9"));
  stack.functions.push_back(function("javaThing", "com.example.Handler::handle", "java21"));

  model::Api shop;
  shop.name = "shop";
  shop.cors = cors({"*"});
  shop.routes.push_back(route(HttpMethod::Get, "/items", "listItems",
                              {param(ParamLocation::Query, "page", integer(), false),
                               param(ParamLocation::Query, "inStock", boolean(), false),
                               param(ParamLocation::Header, "X-Api-Version", str(), false)}));
  shop.routes.push_back(route(HttpMethod::Get, "/items/{sku}", "listItems", {param(ParamLocation::Path, "sku", str())}));
  shop.routes.back().operationId = "getItem";
  shop.routes.push_back(route(HttpMethod::Post, "/items", "createItem", {}, ref("NewItem")));
  shop.routes.push_back(route(HttpMethod::Put, "/legacy/{id}", "legacy",
                              {param(ParamLocation::Path, "id", integer())}, object({fieldOf("note", str(), true)})));
  stack.apis.push_back(std::move(shop));
  return stack;
}

// Added (issue 11): payload 2.0. A Node.js service behind an HTTP API with
// CORS (which the gateway answers) and a Lambda authorizer, a function routed
// from a REST API and an HTTP API alike, a function URL, and a function with
// a URL and a schedule sharing one export.
inline model::Stack httpStack() {
  using model::HttpMethod;
  using model::ParamLocation;
  model::Stack stack;
  stack.project.name = "market";
  stack.stage.name = "dev";
  stack.stage.region = "us-east-1";
  stack.stackName = "market-dev";
  stack.types.push_back(named("Offer", object({fieldOf("sku", str()), fieldOf("price", number())})));

  for (const char* name : {"listOffers", "createOffer", "getOffer", "gate", "redirect", "digest"}) {
    static const std::map<std::string, std::string> handlers = {
        {"listOffers", "src/offers.list"}, {"createOffer", "src/offers.create"}, {"getOffer", "src/offers.get"},
        {"gate", "src/gate.check"},        {"redirect", "src/links.redirect"},   {"digest", "src/links.digest"}};
    stack.functions.push_back(function(name, handlers.at(name), "nodejs22.x"));
  }
  stack.functions[4].url = std::make_shared<model::FunctionUrl>();
  auto iam = std::make_shared<model::FunctionUrl>();
  iam->iam = true;
  stack.functions[5].url = iam;
  stack.functions[5].schedules.push_back(schedule("rate(1 hour)"));

  model::Api http;
  http.name = "marketApi";
  http.kind = model::ApiKind::Http;
  http.cors = cors({"https://market.example.com"});
  http.auth.kind = model::AuthKind::Authorizer;
  http.auth.authorizerFunction = "gate";
  http.routes.push_back(route(HttpMethod::Get, "/offers", "listOffers",
                              {param(ParamLocation::Query, "limit", integer(), false),
                               param(ParamLocation::Query, "tags", listOf(str()), false),
                               param(ParamLocation::Query, "open", boolean(), false),
                               param(ParamLocation::Header, "X-Request-Id", str(), false),
                               param(ParamLocation::Header, "Cookie", str(), false)}));
  http.routes.push_back(route(HttpMethod::Post, "/offers", "createOffer", {}, ref("Offer")));
  http.routes.push_back(route(HttpMethod::Any, "/offers/{sku}", "getOffer", {param(ParamLocation::Path, "sku", str())}));
  for (auto& r : http.routes) r.auth = http.auth;
  stack.apis.push_back(std::move(http));

  model::Api rest;  // the same function on a REST API: payload 1.0, CORS headers from the handler
  rest.name = "legacyApi";
  rest.cors = cors({"*"});
  rest.routes.push_back(route(HttpMethod::Get, "/offers", "listOffers", {param(ParamLocation::Query, "limit", integer(), false)}));
  rest.routes.back().operationId = "legacyListOffers";
  stack.apis.push_back(std::move(rest));
  return stack;
}

// The same in Python: an HTTP API with a Lambda authorizer, and a function URL.
inline model::Stack httpPythonStack() {
  using model::HttpMethod;
  using model::ParamLocation;
  model::Stack stack;
  stack.project.name = "bazaar";
  stack.stage.name = "dev";
  stack.stage.region = "eu-west-1";
  stack.stackName = "bazaar-dev";

  stack.functions.push_back(function("listStalls", "app/stalls.list", "python3.13"));
  stack.functions.push_back(function("gate", "app/gate.check", "python3.13"));
  stack.functions.push_back(function("hook", "app/hook.receive", "python3.13"));
  stack.functions.back().url = std::make_shared<model::FunctionUrl>();

  model::Api http;
  http.name = "bazaar";
  http.kind = model::ApiKind::Http;
  http.auth.kind = model::AuthKind::Authorizer;
  http.auth.authorizerFunction = "gate";
  http.routes.push_back(route(HttpMethod::Get, "/stalls/{id}", "listStalls",
                              {param(ParamLocation::Path, "id", integer()),
                               param(ParamLocation::Query, "kinds", listOf(enumOf({"food", "craft"})), false),
                               param(ParamLocation::Header, "X-Count", integer())},
                              object({fieldOf("note", str(), true)})));
  http.routes.back().method = HttpMethod::Put;
  for (auto& r : http.routes) r.auth = http.auth;
  stack.apis.push_back(std::move(http));
  return stack;
}

inline model::EventTarget resourceTarget(std::string name) {
  model::EventTarget t;
  t.resource = std::move(name);
  return t;
}

inline model::Event event(std::string kind, model::EventDetail detail) {
  model::Event e;
  e.kind = std::move(kind);
  e.detail = std::move(detail);
  return e;
}

// Every kind of event in both runtimes: batches that report failures and
// batches that do not, a rule and a schedule with a fixed input, a function
// with nothing but events, and one export shared by a function that reports
// failures and one that does not (the export then does not).
inline model::Stack eventsStack() {
  model::Stack stack;
  stack.project.name = "pipeline";
  stack.stage.name = "dev";
  stack.stage.region = "us-east-1";
  stack.stackName = "pipeline-dev";

  model::SqsEvent jobs;
  jobs.queue = resourceTarget("jobs");
  jobs.reportFailures = true;
  model::StreamEvent clicks;
  clicks.stream = resourceTarget("clicks");
  clicks.start = "LATEST";
  clicks.reportFailures = true;
  model::SnsEvent alerts;
  alerts.topic = resourceTarget("alerts");
  model::S3Event uploads;
  uploads.bucket = resourceTarget("uploads");
  uploads.on = {"s3:ObjectCreated:*"};
  model::RuleEvent ec2;
  ec2.pattern = model::Value::object({{"source", model::Value::list({model::Value::ofString("aws.ec2")})}});
  model::ScheduleEvent hourly;
  hourly.expression = "rate(1 hour)";
  hourly.input = model::Value::object({{"full", model::Value::ofBool(true)}});

  // Node.js: everything on one handler.
  stack.functions.push_back(function("ingest", "src/ingest.main", "nodejs22.x"));
  stack.functions.back().events = {event("sqs", jobs), event("stream", clicks), event("sns", alerts),
                                   event("s3", uploads), event("rule", ec2), event("schedule", hourly)};
  // Node.js: a batch that does not report failures, and a rule with a fixed input.
  model::SqsEvent plainJobs = jobs;
  plainJobs.reportFailures = false;
  model::RuleEvent fixed = ec2;
  fixed.input = model::Value::object({{"action", model::Value::ofString("sweep")}});
  stack.functions.push_back(function("sweeper", "src/sweeper.main", "nodejs22.x"));
  stack.functions.back().events = {event("sqs", plainJobs), event("rule", fixed)};
  // Python: the same, on a runtime with typing.NotRequired.
  stack.functions.push_back(function("pyIngest", "py/ingest.main", "python3.13"));
  stack.functions.back().events = {event("sqs", jobs), event("stream", clicks), event("sns", alerts),
                                   event("s3", uploads), event("rule", ec2), event("schedule", hourly)};
  model::StreamEvent plainClicks = clicks;
  plainClicks.reportFailures = false;
  stack.functions.push_back(function("pySweeper", "py/sweeper.main", "python3.13"));
  stack.functions.back().events = {event("stream", plainClicks), event("rule", fixed)};
  // One export, two functions: the second does not report failures, so the export does not.
  stack.functions.push_back(function("sharedA", "src/shared.main", "nodejs22.x"));
  stack.functions.back().events = {event("sqs", jobs)};
  stack.functions.push_back(function("sharedB", "src/shared.main", "nodejs22.x"));
  stack.functions.back().events = {event("sqs", plainJobs)};
  return stack;
}

}  // namespace jaws::stubs::fixtures
