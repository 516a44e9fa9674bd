// Content checks of the `jaws stubs` generators for payload 2.0 (issue 11):
// HTTP API routes, HTTP API Lambda authorizers (simple responses) and
// function URLs, in both runtimes. tests/stubs/ runs what they generate.
#include <catch2/catch.hpp>

#include "stubs/StubFixtures.h"
#include "stubs/StubLookup.h"
#include "stubs/StubGenerators.h"
#include "stubs/StubLayout.h"
#include "stubs/StubRequests.h"

using namespace jaws;
using namespace jaws::stubs;
namespace fx = jaws::stubs::fixtures;
using fx::has;
using fx::moduleAt;

namespace {

std::string nodeModule(const model::Stack& stack, const std::string& path) {
  return generateNodeModule(stack, moduleAt(layoutStubs(stack), path), nameModels(stack, Language::Node));
}
std::string pythonModule(const model::Stack& stack, const std::string& path) {
  return generatePythonModule(stack, moduleAt(layoutStubs(stack), path), nameModels(stack, Language::Python));
}

}  // namespace

TEST_CASE("an HTTP API route dispatches on payload 2.0 and leaves CORS to the gateway", "[stubs][http]") {
  const model::Stack stack = fx::httpStack();
  const std::string text = nodeModule(stack, "src/offers.mjs");
  CHECK(has(text, "        method: \"GET\", resource: \"/offers\", handle: listOffers, cors: null, body: false, http: true,\n"));
  // The same function on a REST API keeps its payload 1.0 route and its CORS headers.
  CHECK(has(text, "handle: legacyListOffers, cors: JAWS_CORS.legacyApi, body: false,\n"));
  CHECK(has(text, "  legacyApi: { origins: [\"*\"], credentials: false },\n"));
  CHECK_FALSE(has(text, "marketApi: { origins"));
  CHECK(has(text, "expects: \"an API Gateway REST API request or an API Gateway HTTP API request (payload 2.0)\""));
  CHECK(has(text, "event.version === \"2.0\" && typeof event.routeKey === \"string\""));
  CHECK(has(text, "if (param.list && event.version === \"2.0\") return String(single).split(\",\");"));
  CHECK(has(text, " * @param {JawsHttpEvent} [event] the HTTP API event (payload 2.0), when called through AWS\n"));

  CHECK(has(text, "typeof event.httpMethod === \"string\""));  // listOffers is also on the REST API

  // A module with only HTTP API routes has no payload 1.0 branch.
  const std::string bazaar = pythonModule(fx::httpPythonStack(), "app/stalls.py");
  CHECK_FALSE(has(bazaar, "_b.isinstance(event.get(\"httpMethod\"), _b.str)"));
  CHECK(has(bazaar, "event.get(\"version\") == \"2.0\""));
  CHECK(has(bazaar, "\"body\": True, \"http\": True,\n"));
  CHECK(has(bazaar, "def list_stalls(request: ListStallsRequest, event: JawsHttpEvent | None = None,"));
}

TEST_CASE("an HTTP API's Lambda authorizer answers with a simple response", "[stubs][http]") {
  const std::string gate = nodeModule(fx::httpStack(), "src/gate.mjs");
  CHECK(has(gate, "export async function gateAuthorize(request, event, context) {"));
  CHECK(has(gate, "return jawsAuthorizeSimple(event, context, triggers.authorize);"));
  CHECK(has(gate, "if (!result) return { isAuthorized: false };"));
  // Only an HTTP API uses it: no TOKEN/REQUEST policy adapter.
  CHECK_FALSE(has(gate, "async function jawsAuthorize("));
  CHECK_FALSE(has(gate, "policyDocument"));

  const std::string py = pythonModule(fx::httpPythonStack(), "app/gate.py");
  CHECK(has(py, "return _jaws_authorize_simple(event, context, triggers[\"authorize\"])"));
  CHECK(has(py, "return {\"isAuthorized\": False}"));
  CHECK_FALSE(has(py, "def _jaws_authorize(event"));
}

TEST_CASE("a function URL gets its own plain function and the response adapter", "[stubs][http]") {
  const std::string links = nodeModule(fx::httpStack(), "src/links.mjs");
  CHECK(has(links, "export async function redirectOnUrl(request, event, context) {"));
  CHECK(has(links, " * Answers the requests to the function URL of function redirect (anyone may call it).\n"));
  CHECK(has(links, " * Answers the requests to the function URL of function digest (callers sign them with IAM).\n"));
  CHECK(has(links, "    url: redirectOnUrl,\n"));
  CHECK(has(links, "    url: digestOnUrl,\n"));
  CHECK(has(links, "    schedule: digestOnSchedule,\n"));
  CHECK(has(links, "event.routeKey === \"$default\""));
  CHECK(has(links, "async function jawsHandleUrl(event, context, handle) {"));
  CHECK(has(links, "function jawsRespond(result, cors, event) {"));
  // No routes: none of the route adapter.
  CHECK_FALSE(has(links, "jawsHandleHttp"));
  CHECK_FALSE(has(links, "class JawsBadRequest"));

  const std::string hook = pythonModule(fx::httpPythonStack(), "app/hook.py");
  CHECK(has(hook, "def hook_on_url(request: JawsUrlRequest, event: JawsHttpEvent | None = None, context: Any = None)"));
  CHECK(has(hook, "import json as _json\n"));
  CHECK_FALSE(has(hook, "import re as _re"));
  CHECK(has(hook, "def _jaws_handle_url(event, context, handle):"));
  CHECK_FALSE(has(hook, "def _jaws_handle_http("));
}

TEST_CASE("the models declare the payload 2.0 shapes only where a module takes them", "[stubs][http]") {
  const model::Stack stack = fx::httpStack();
  const StubLayout layout = layoutStubs(stack);
  const ModelNames names = nameModels(stack, Language::Node);
  const std::string models = generateTypeScriptModels(stack, layout.models.front(), names);
  CHECK(has(models, "export interface JawsHttpEvent {\n  version: \"2.0\";\n"));
  CHECK(has(models, "export interface JawsUrlRequest {\n"));

  const model::Stack rest = fx::todoStack();
  const StubLayout restLayout = layoutStubs(rest);
  const std::string restModels = generateTypeScriptModels(rest, restLayout.models.front(), nameModels(rest, Language::Node));
  CHECK_FALSE(has(restModels, "JawsHttpEvent"));
  CHECK_FALSE(has(restModels, "JawsUrlRequest"));

  const model::Stack py = fx::httpPythonStack();
  const std::string pyModels = generatePythonModels(py, layoutStubs(py).models.front(), nameModels(py, Language::Python));
  CHECK(has(pyModels, "class JawsHttpEvent(TypedDict):"));
  CHECK(has(pyModels, "class JawsUrlRequest(TypedDict):"));
}
