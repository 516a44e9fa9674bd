// The Python handler module generator: the user's logic first (plain
// functions taking typed requests), then the AWS adapter (see
// StubPythonRuntime.h).
#include <fmt/format.h>

#include <set>

#include "stubs/StubGenerators.h"
#include "stubs/StubHandlers.h"
#include "stubs/StubPythonRuntime.h"

namespace jaws::stubs {

namespace {

constexpr const char* kRule = "# -----------------------------------------------------------------------------\n";

std::string pythonLiteral(bool value) { return value ? "True" : "False"; }

std::string routeLabel(const model::Route& route) {
  return fmt::format("{} {}", model::httpMethodName(route.method), route.path);
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : std::string(separator)) + part;
  return out;
}

// A name the user's code may shadow with an export of the same name.
struct Builtins {
  std::set<std::string> exports;
  std::string operator()(const std::string& name) const { return exports.count(name) ? "_b." + name : name; }
};

void appendDocstring(std::string& out, const std::vector<std::string>& paragraphs) {
  std::vector<std::string> lines;
  for (const std::string& paragraph : paragraphs) {
    const std::string text = docstringText(paragraph);
    if (text.empty()) continue;
    if (!lines.empty()) lines.push_back("");
    std::size_t start = 0;
    while (start <= text.size()) {
      const std::size_t end = text.find('\n', start);
      lines.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
      if (end == std::string::npos) break;
      start = end + 1;
    }
  }
  if (lines.empty()) return;
  out += "    \"\"\"" + lines.front();
  if (lines.size() == 1) {
    out += "\"\"\"\n";
    return;
  }
  out += "\n";
  for (std::size_t i = 1; i < lines.size(); ++i) out += lines[i].empty() ? "\n" : "    " + lines[i] + "\n";
  out += "    \"\"\"\n";
}

std::string responsesSummary(const model::Route& route) {
  std::vector<std::string> parts;
  for (const model::Response& response : route.responses) {
    parts.push_back(fmt::format("{} {}", response.status,
                                response.schema ? schemaSummary(*response.schema) : std::string("(no body)")));
  }
  return parts.empty() ? "" : "Declared responses: " + join(parts, ", ") + ".";
}

void appendPlainFunction(std::string& out, const PlainFunction& plain, const ModuleGroup& group,
                         const ModelNames& names, const Builtins& builtin) {
  const model::Function& function = *plain.function;
  std::string what = "Function " + function.name;
  if (plain.kind == PlainFunction::Kind::Route) what += " (" + routeLabel(*plain.route.route) + ")";
  if (plain.kind == PlainFunction::Kind::Event) what += std::string(" (") + plain.event->expects + ")";
  const std::string message =
      quote(fmt::format("{} is not implemented yet: fill in {}() in {}", what, plain.name, group.path()));
  switch (plain.kind) {
    case PlainFunction::Kind::Route: {
      const model::Route& route = *plain.route.route;
      // An HTTP API's event has a type in the models (payload 2.0).
      const std::string event = plain.route.api->kind == model::ApiKind::Http ? names.httpEvent + " | None" : "Any";
      out += fmt::format("def {}(request: {}, event: {} = None, context: Any = None) -> {}:\n", plain.name,
                         names.requests.at(&route), event, names.httpResult);
      appendDocstring(out, {fmt::format("{}: function {} (api {}).", routeLabel(route), function.name,
                                        plain.route.api->name),
                            route.description.empty() ? function.description : route.description,
                            responsesSummary(route),
                            "`event` and `context` are the API Gateway event and the Lambda context when called "
                            "through AWS."});
      out += fmt::format("    return {{\n        \"statusCode\": 501,\n        \"body\": {{\"message\": {}}},\n    }}\n\n\n",
                         message);
      return;
    }
    case PlainFunction::Kind::Schedule: {
      FunctionTriggers triggers;
      triggers.function = &function;
      const std::vector<std::string> schedules = triggers.scheduleExpressions();
      out += fmt::format("def {}(event: {}, context: Any = None) -> Any:\n", plain.name, names.scheduledEvent);
      appendDocstring(out, {fmt::format("Runs on the schedule of function {}: {}.", function.name, join(schedules, ", ")),
                            function.description, "`event` is the EventBridge scheduled event."});
      out += fmt::format("    {}({})\n", builtin("print"), message);
      out += fmt::format("    return {{\"message\": {}}}\n\n\n", message);
      return;
    }
    case PlainFunction::Kind::Authorizer:
      out += fmt::format("def {}(request: {}, event: Any = None, context: Any = None) -> Optional[{}]:\n", plain.name,
                         names.authorizerRequest, names.authorizerResult);
      appendDocstring(out, {fmt::format("Decides who may call the routes that function {} authorizes.", function.name),
                            function.description,
                            "Return {\"principalId\": ..., \"context\": {...}} to allow the request, or None to deny "
                            "it (401)."});
      out += fmt::format("    {}({})\n", builtin("print"), message);
      out += "    return None  # deny every request until this is implemented\n\n\n";
      return;
    case PlainFunction::Kind::Url:
      out += fmt::format("def {}(request: {}, event: {} | None = None, context: Any = None) -> {}:\n", plain.name,
                         names.urlRequest, names.httpEvent, names.httpResult);
      appendDocstring(out, {fmt::format("Answers the requests to the function URL of function {}{}.", function.name,
                                        function.url->iam ? " (callers sign them with IAM)" : " (anyone may call it)"),
                            function.description,
                            "`event` and `context` are the function URL event (payload 2.0) and the Lambda context "
                            "when called through AWS."});
      out += fmt::format("    return {{\n        \"statusCode\": 501,\n        \"body\": {{\"message\": {}}},\n    }}\n\n\n",
                         message);
      return;
    case PlainFunction::Kind::Event: {
      const EventStub& stub = *plain.event;
      out += fmt::format("def {}({}: {}, context: Any = None) -> None:\n", plain.name, stub.argument,
                         names.eventType(stub.argumentType));
      appendDocstring(out, {fmt::format("Handles {} for function {}.", eventHandles(stub, function), function.name),
                            function.description,
                            stub.batch ? "Until it is implemented it raises, so every record is reported as failed "
                                         "and delivered again: nothing is lost."
                                       : "Until it is implemented it logs that it is not."});
      out += stub.batch ? fmt::format("    raise {}({})\n\n\n", builtin("NotImplementedError"), message)
                        : fmt::format("    {}({})\n\n\n", builtin("print"), message);
      return;
    }
    case PlainFunction::Kind::Direct:
      out += fmt::format("def {}(event: Any, context: Any = None) -> Any:\n", plain.name);
      appendDocstring(out, {fmt::format("Function {}: no route, schedule or authorizer invokes it; it gets the event "
                                        "its caller sends.",
                                        function.name),
                            function.description});
      out += fmt::format("    raise {}({})\n\n\n", builtin("NotImplementedError"), message);
      return;
  }
}

std::string paramSpec(const model::RouteParameter& parameter, const model::Stack& stack) {
  const ParamShape shape = paramShape(parameter.schema, stack);
  const char* where = parameter.where == model::ParamLocation::Path    ? "path"
                      : parameter.where == model::ParamLocation::Query ? "query"
                                                                       : "header";
  std::string spec = fmt::format("{{\"in\": \"{}\", \"name\": {}, \"required\": {}, \"type\": \"{}\", \"list\": {}",
                                 where, quote(parameterKey(parameter)), pythonLiteral(parameter.required),
                                 paramKindName(shape.kind), pythonLiteral(shape.list));
  if (!shape.values.empty()) {
    std::vector<std::string> values;
    for (const std::string& value : shape.values) values.push_back(quote(value));
    spec += ", \"values\": [" + join(values, ", ") + "]";
  }
  return spec + "}";
}

void appendExport(std::string& out, const ExportedHandler& handler, const HandlerPlan& plan,
                  const model::Stack& stack) {
  std::vector<std::string> functions;
  for (const model::Function* function : handler.functions) functions.push_back(function->name);
  out += fmt::format("def {}(event, context):\n", handler.localName);
  out += fmt::format("    \"\"\"The Lambda handler of {} {} (handler export {}).\"\"\"\n",
                     functions.size() == 1 ? "function" : "functions", join(functions, ", "),
                     docstringText(handler.exportName));
  if (handler.direct) {
    out += fmt::format("    return {}(event, context)\n", plan.plain[*handler.direct].name);
  } else {
    out += "    return _jaws_dispatch(event, context, {\n";
    out += fmt::format("        \"name\": {},\n        \"expects\": {},\n", quote(join(functions, ", ")),
                       quote(expectedEvents(handler)));
    if (!handler.routes.empty()) {
      out += "        \"routes\": [\n";
      for (std::size_t index : handler.routes) {
        const PlainFunction& plain = plan.plain[index];
        const model::Route& route = *plain.route.route;
        // An HTTP API adds the CORS headers itself (from its configuration).
        const bool http = plain.route.api->kind == model::ApiKind::Http;
        const std::string cors =
            plain.route.api->cors.enabled && !http ? "_JAWS_CORS[" + quote(plain.route.api->name) + "]" : "None";
        out += fmt::format("            {{\n                \"method\": \"{}\", \"resource\": {}, \"handle\": {}, "
                           "\"cors\": {}, \"body\": {},{}\n",
                           model::httpMethodName(route.method), quote(route.path), plain.name, cors,
                           pythonLiteral(route.body.has_value()), http ? " \"http\": True," : "");
        out += "                \"params\": [";
        for (const model::RouteParameter& parameter : route.parameters) {
          out += "\n                    " + paramSpec(parameter, stack) + ",";
        }
        out += route.parameters.empty() ? "],\n            },\n" : "\n                ],\n            },\n";
      }
      out += "        ],\n";
    }
    if (handler.schedule) out += fmt::format("        \"schedule\": {},\n", plan.plain[*handler.schedule].name);
    if (handler.authorizer) out += fmt::format("        \"authorize\": {},\n", plan.plain[*handler.authorizer].name);
    if (handler.url) out += fmt::format("        \"url\": {},\n", plan.plain[*handler.url].name);
    if (!handler.events.empty()) {
      out += "        \"events\": {\n";
      for (const EventBinding& binding : handler.events) {
        out += fmt::format("            \"{}\": {{\"handle\": {}, \"reportFailures\": {}, \"anyEvent\": {}}},\n",
                           binding.key(), plan.plain[binding.plain].name, pythonLiteral(binding.reportFailures),
                           pythonLiteral(binding.anyEvent));
      }
      out += "        },\n";
    }
    out += "    })\n";
  }
  if (handler.localName != handler.exportName) {
    // A keyword or another name `def` cannot take: Lambda looks the handler
    // up as a module attribute, which any string may name.
    out += fmt::format("\n\n_b.globals()[{}] = {}\n", quote(handler.exportName), handler.localName);
  }
  out += "\n\n";
}

void appendCorsTable(std::string& out, const HandlerPlan& plan) {
  std::set<std::string> seen;
  std::string entries;
  for (const PlainFunction& plain : plan.plain) {
    if (plain.kind != PlainFunction::Kind::Route || !plain.route.api->cors.enabled) continue;
    if (plain.route.api->kind == model::ApiKind::Http) continue;  // the HTTP API adds the headers
    const model::Api& api = *plain.route.api;
    if (!seen.insert(api.name).second) continue;
    std::vector<std::string> origins;
    for (const std::string& origin : api.cors.origins) origins.push_back(quote(origin));
    if (origins.empty()) origins.push_back("\"*\"");
    entries += fmt::format("    {}: {{\"origins\": [{}], \"credentials\": {}}},\n", quote(api.name), join(origins, ", "),
                           pythonLiteral(api.cors.credentials));
  }
  if (entries.empty()) return;
  out += "# The CORS settings of the APIs whose routes this module serves.\n";
  out += "_JAWS_CORS = {\n" + entries + "}\n\n\n";
}

}  // namespace

std::string generatePythonModule(const model::Stack& stack, const ModuleGroup& group, const ModelNames& names) {
  std::vector<std::string> helpers(std::begin(python::kHelperNames), std::end(python::kHelperNames));
  helpers.insert(helpers.end(), std::begin(python::kEventHelperNames), std::end(python::kEventHelperNames));
  const HandlerPlan plan = planHandlers(group, helpers);
  Builtins builtin;
  for (const ExportedHandler& handler : plan.exports) builtin.exports.insert(handler.exportName);

  const ModuleNeeds needs = moduleNeeds(plan, names);
  const auto& types = needs.types;
  const bool routes = needs.routes, responds = needs.routes || needs.url;
  const bool authorizer = needs.authorizer || needs.httpAuthorizer;

  std::string out = fmt::format("# Generated by `jaws stubs` for project {}, the handlers of\n", stack.project.name);
  for (const FunctionTriggers& triggers : group.functions) {
    out += fmt::format("#   {} ({})\n", triggers.function->name, triggers.function->handler);
  }
  out += "# This file is yours to edit from now on: `jaws stubs` never rewrites it. The types it\n";
  out += "# uses are in jaws_models.py beside it, which `jaws stubs` regenerates on every run.\n#\n";
  out += "# Your logic goes in the plain functions below. They know nothing about AWS, so tests\n";
  out += "# can call them directly; the AWS adapter at the end turns Lambda events into their\n";
  out += "# arguments.\n";
  if (routes) {
    out += "# A route's function takes a typed request and returns a dict with \"statusCode\" and\n";
    out += "# optionally \"headers\" and \"body\" (sent as JSON), which the adapter turns into the\n";
    out += "# API Gateway response.\n";
  }
  std::vector<std::string> shadowed;
  for (const ExportedHandler& handler : plan.exports) {
    if (handler.exportName == handler.localName && isPythonBuiltin(handler.exportName)) {
      shadowed.push_back(handler.exportName);
    }
  }
  if (!shadowed.empty()) {
    out += fmt::format("#\n# Note: the handler {} shadows the builtin of that name in this module; write\n"
                       "# builtins.{}() (after `import builtins`) where you need the builtin.\n",
                       join(shadowed, ", "), shadowed.front());
  }
  out += "\nfrom __future__ import annotations\n\n";
  if (responds) out += "import base64 as _base64\n";
  out += "import builtins as _b\n";
  if (responds) out += "import json as _json\n";
  if (routes) out += "import re as _re\n";
  if (responds) out += "from decimal import Decimal as _Decimal\n";
  out += "from typing import TYPE_CHECKING\n\n";
  out += "if TYPE_CHECKING:  # the models are for type checkers; nothing imports them at run time\n";
  out += authorizer ? "    from typing import Any, Optional\n\n" : "    from typing import Any\n\n";
  if (!types.empty()) {
    const std::vector<std::string> sorted(types.begin(), types.end());
    out += fmt::format("    from {}jaws_models import {}\n", group.folder.empty() ? "" : ".", join(sorted, ", "));
  }
  out += "\n\n" + std::string(kRule) + "# Your logic\n" + kRule + "\n";
  for (const PlainFunction& plain : plan.plain) appendPlainFunction(out, plain, group, names, builtin);

  out += std::string(kRule) + "# AWS adapter (generated once; edit it if you need to)\n" + kRule;
  out += "# A handler may shadow a builtin of the same name, so the adapter reaches builtins\n";
  out += "# through `_b`.\n\n";
  appendCorsTable(out, plan);
  if (needs.dispatch) {
    out += python::kDispatchHead;
    if (needs.authorizer) out += python::kDispatchAuthorizer;
    if (needs.httpAuthorizer) out += python::kDispatchAuthorizerV2;
    if (needs.restRoutes) out += python::kDispatchHttp;
    if (needs.httpRoutes) out += python::kDispatchHttpV2;
    if (needs.url) out += python::kDispatchUrl;
    if (needs.schedule) out += python::kDispatchSchedule;
    for (const EventStub* stub : needs.events) out += stub->pythonBranch;
    if (needs.fixedInput) out += python::kDispatchFixedInput;
    out += std::string(python::kDispatchTail) + "\n\n";
  }
  if (needs.records) out += std::string(python::kRecordsFrom) + "\n\n";
  if (needs.batch) out += std::string(python::kBatch) + "\n\n";
  if (needs.each) out += std::string(python::kEach) + "\n\n";
  if (responds || authorizer) out += std::string(python::kLowerCaseKeys) + "\n\n";
  if (routes) out += std::string(python::kHttp) + "\n\n";
  if (responds) out += std::string(python::kRespond) + "\n\n";
  if (needs.url) out += std::string(python::kUrl) + "\n\n";
  if (needs.authorizer) out += std::string(python::kAuthorizer) + "\n\n";
  if (needs.httpAuthorizer) out += std::string(python::kAuthorizerV2) + "\n\n";
  for (const ExportedHandler& handler : plan.exports) appendExport(out, handler, plan, stack);
  while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

}  // namespace jaws::stubs
