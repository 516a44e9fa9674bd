// The Node.js handler module generator: an ES module whose first half is the
// user's logic (plain async functions taking typed requests) and whose second
// half is the AWS adapter (see StubNodeRuntime.h).
#include <fmt/format.h>

#include <set>

#include "stubs/StubGenerators.h"
#include "stubs/StubHandlers.h"
#include "stubs/StubNodeRuntime.h"

namespace jaws::stubs {

namespace {

constexpr const char* kRule = "// ---------------------------------------------------------------------------\n";
constexpr const char* kBatchUntilImplemented =
    "Until it is implemented it throws, so every record is reported as failed and delivered again: nothing is lost.";
constexpr const char* kUntilImplemented = "Until it is implemented it logs that it is not.";

// "//   listTodos (src/todos.list)" lines.
std::string functionList(const std::vector<FunctionTriggers>& functions, std::string_view prefix) {
  std::string out;
  for (const FunctionTriggers& triggers : functions) {
    out += fmt::format("{}{} ({})\n", prefix, triggers.function->name, triggers.function->handler);
  }
  return out;
}

void appendDocLines(std::string& out, std::string_view text) {
  for (const std::string& line : commentLines(text)) out += line.empty() ? " *\n" : " * " + line + "\n";
}

std::string responsesSummary(const model::Route& route) {
  std::string out;
  for (const model::Response& response : route.responses) {
    out += fmt::format("{}{} {}", out.empty() ? "" : ", ", response.status,
                       response.schema ? schemaSummary(*response.schema) : std::string("(no body)"));
  }
  return out;
}

std::string routeLabel(const model::Route& route) {
  return fmt::format("{} {}", model::httpMethodName(route.method), route.path);
}

std::string notImplementedMessage(const PlainFunction& plain, const std::string& file) {
  std::string what = "Function " + plain.function->name;
  if (plain.kind == PlainFunction::Kind::Route) what += " (" + routeLabel(*plain.route.route) + ")";
  if (plain.kind == PlainFunction::Kind::Event) what += std::string(" (") + plain.event->expects + ")";
  return fmt::format("{} is not implemented yet: fill in {}() in {}", what, plain.name, file);
}

void appendPlainFunction(std::string& out, const PlainFunction& plain, const ModuleGroup& group,
                         const ModelNames& names) {
  const model::Function& function = *plain.function;
  const std::string file = group.path();
  const std::string message = quote(notImplementedMessage(plain, file));
  out += "/**\n";
  switch (plain.kind) {
    case PlainFunction::Kind::Route: {
      const model::Route& route = *plain.route.route;
      out += fmt::format(" * {}: function {} (api {}).\n", routeLabel(route), function.name, plain.route.api->name);
      appendDocLines(out, route.description.empty() ? function.description : route.description);
      if (!route.responses.empty()) out += " * Declared responses: " + commentLines(responsesSummary(route)).front() + ".\n";
      out += fmt::format(" * @param {{{}}} request\n", names.requests.at(&route));
      if (plain.route.api->kind == model::ApiKind::Http) {
        out += fmt::format(" * @param {{{}}} [event] the HTTP API event (payload 2.0), when called through AWS\n", names.httpEvent);
      } else {
        out += " * @param {object} [event] the API Gateway event, when called through AWS\n";
      }
      out += " * @param {object} [context] the Lambda context, when called through AWS\n";
      out += fmt::format(" * @returns {{Promise<{}>}}\n */\n", names.httpResult);
      out += fmt::format("export async function {}(request, event, context) {{\n", plain.name);
      out += fmt::format("  return {{\n    statusCode: 501,\n    body: {{ message: {} }},\n  }};\n}}\n\n", message);
      return;
    }
    case PlainFunction::Kind::Schedule: {
      std::string schedules;
      FunctionTriggers triggers;
      triggers.function = &function;
      for (const std::string& expression : triggers.scheduleExpressions()) {
        schedules += (schedules.empty() ? "" : ", ") + expression;
      }
      out += fmt::format(" * Runs on the schedule of function {}: {}.\n", function.name,
                         commentLines(schedules).empty() ? "" : commentLines(schedules).front());
      appendDocLines(out, function.description);
      out += fmt::format(" * @param {{{}}} event the EventBridge scheduled event\n", names.scheduledEvent);
      out += " * @param {object} [context] the Lambda context, when called through AWS\n */\n";
      out += fmt::format("export async function {}(event, context) {{\n", plain.name);
      out += fmt::format("  console.log({});\n", message);
      out += fmt::format("  return {{ message: {} }};\n}}\n\n", message);
      return;
    }
    case PlainFunction::Kind::Authorizer:
      out += fmt::format(" * Decides who may call the routes that function {} authorizes.\n", function.name);
      appendDocLines(out, function.description);
      out += " * Return { principalId, context? } to allow the request, or null to deny it (401).\n";
      out += fmt::format(" * @param {{{}}} request\n", names.authorizerRequest);
      out += " * @param {object} [event] the authorizer event, when called through AWS\n";
      out += " * @param {object} [context] the Lambda context, when called through AWS\n";
      out += fmt::format(" * @returns {{Promise<{} | null>}}\n */\n", names.authorizerResult);
      out += fmt::format("export async function {}(request, event, context) {{\n", plain.name);
      out += fmt::format("  console.log({});\n", message);
      out += "  return null;  // deny every request until this is implemented\n}\n\n";
      return;
    case PlainFunction::Kind::Url:
      out += fmt::format(" * Answers the requests to the function URL of function {}{}.\n", function.name,
                         function.url->iam ? " (callers sign them with IAM)" : " (anyone may call it)");
      appendDocLines(out, function.description);
      out += fmt::format(" * @param {{{}}} request\n", names.urlRequest);
      out += fmt::format(" * @param {{{}}} [event] the function URL event (payload 2.0), when called through AWS\n", names.httpEvent);
      out += " * @param {object} [context] the Lambda context, when called through AWS\n";
      out += fmt::format(" * @returns {{Promise<{}>}}\n */\n", names.httpResult);
      out += fmt::format("export async function {}(request, event, context) {{\n", plain.name);
      out += fmt::format("  return {{\n    statusCode: 501,\n    body: {{ message: {} }},\n  }};\n}}\n\n", message);
      return;
    case PlainFunction::Kind::Event: {
      const EventStub& stub = *plain.event;
      out += fmt::format(" * Handles {} for function {}.\n", commentLines(eventHandles(stub, function)).front(), function.name);
      appendDocLines(out, function.description);
      out += fmt::format(" * {}\n", stub.batch ? kBatchUntilImplemented : kUntilImplemented);
      out += fmt::format(" * @param {{{}}} {}\n", names.eventType(stub.argumentType), stub.argument);
      out += " * @param {object} [context] the Lambda context, when called through AWS\n */\n";
      out += fmt::format("export async function {}({}, context) {{\n", plain.name, stub.argument);
      out += stub.batch ? fmt::format("  throw new Error({});\n}}\n\n", message)
                        : fmt::format("  console.log({});\n}}\n\n", message);
      return;
    }
    case PlainFunction::Kind::Direct:
      out += fmt::format(" * Function {}: no route, schedule or authorizer invokes it; it gets the event its\n",
                         function.name);
      out += " * caller sends.\n";
      appendDocLines(out, function.description);
      out += " * @param {any} event\n * @param {object} [context] the Lambda context, when called through AWS\n */\n";
      out += fmt::format("export async function {}(event, context) {{\n", plain.name);
      out += fmt::format("  throw new Error({});\n}}\n\n", message);
      return;
  }
}

std::string paramSpec(const model::RouteParameter& parameter, const model::Stack& stack) {
  const ParamShape shape = paramShape(parameter.schema, stack);
  const char* where = parameter.where == model::ParamLocation::Path    ? "path"
                      : parameter.where == model::ParamLocation::Query ? "query"
                                                                       : "header";
  std::string spec = fmt::format("{{ in: \"{}\", name: {}, required: {}, type: \"{}\", list: {}", where,
                                 quote(parameterKey(parameter)), parameter.required ? "true" : "false",
                                 paramKindName(shape.kind), shape.list ? "true" : "false");
  if (!shape.values.empty()) {
    std::string values;
    for (const std::string& value : shape.values) values += (values.empty() ? "" : ", ") + quote(value);
    spec += ", values: [" + values + "]";
  }
  return spec + " }";
}

void appendExport(std::string& out, const ExportedHandler& handler, const HandlerPlan& plan,
                  const model::Stack& stack) {
  std::string functions;
  for (const model::Function* function : handler.functions) {
    functions += (functions.empty() ? "" : ", ") + function->name;
  }
  out += fmt::format("/**\n * The Lambda handler of {} {} (handler export {}).\n * @param {{any}} event\n"
                     " * @param {{any}} context\n */\n",
                     handler.functions.size() == 1 ? "function" : "functions", functions, quote(handler.exportName));
  const bool exported = handler.localName == handler.exportName;
  out += fmt::format("{}async function {}(event, context) {{\n", exported ? "export " : "", handler.localName);
  if (handler.direct) {
    out += fmt::format("  return {}(event, context);\n}}\n", plan.plain[*handler.direct].name);
  } else {
    out += "  return jawsDispatch(event, context, {\n";
    out += fmt::format("    name: {},\n    expects: {},\n", quote(functions), quote(expectedEvents(handler)));
    if (!handler.routes.empty()) {
      out += "    routes: [\n";
      for (std::size_t index : handler.routes) {
        const PlainFunction& plain = plan.plain[index];
        const model::Route& route = *plain.route.route;
        // An HTTP API adds the CORS headers itself (from its configuration).
        const bool http = plain.route.api->kind == model::ApiKind::Http;
        const std::string cors = plain.route.api->cors.enabled && !http ? "JAWS_CORS." + plain.route.api->name : "null";
        out += fmt::format("      {{\n        method: \"{}\", resource: {}, handle: {}, cors: {}, body: {},{}\n",
                           model::httpMethodName(route.method), quote(route.path), plain.name, cors,
                           route.body ? "true" : "false", http ? " http: true," : "");
        out += "        params: [";
        for (const model::RouteParameter& parameter : route.parameters) {
          out += "\n          " + paramSpec(parameter, stack) + ",";
        }
        out += route.parameters.empty() ? "],\n      },\n" : "\n        ],\n      },\n";
      }
      out += "    ],\n";
    }
    if (handler.schedule) out += fmt::format("    schedule: {},\n", plan.plain[*handler.schedule].name);
    if (handler.authorizer) out += fmt::format("    authorize: {},\n", plan.plain[*handler.authorizer].name);
    if (handler.url) out += fmt::format("    url: {},\n", plan.plain[*handler.url].name);
    if (!handler.events.empty()) {
      out += "    events: {\n";
      for (const EventBinding& binding : handler.events) {
        out += fmt::format("      {}: {{ handle: {}, reportFailures: {}, anyEvent: {} }},\n", binding.key(),
                           plan.plain[binding.plain].name, binding.reportFailures ? "true" : "false",
                           binding.anyEvent ? "true" : "false");
      }
      out += "    },\n";
    }
    out += "  });\n}\n";
  }
  if (!exported) {
    // Reserved words and other names that cannot be declared are exported
    // under their own name, which is what Lambda looks up.
    // `export { x as delete }` takes any identifier name, reserved or not;
    // anything else needs the string form.
    const bool identifierName = isJsIdentifier(handler.exportName + "_");
    const std::string exportAs = identifierName ? handler.exportName : quote(handler.exportName);
    out += fmt::format("export {{ {} as {} }};\n", handler.localName, exportAs);
  }
  out += "\n";
}

void appendCorsTable(std::string& out, const HandlerPlan& plan) {
  std::set<std::string> seen;
  std::string entries;
  for (const PlainFunction& plain : plan.plain) {
    if (plain.kind != PlainFunction::Kind::Route || !plain.route.api->cors.enabled) continue;
    if (plain.route.api->kind == model::ApiKind::Http) continue;  // the HTTP API adds the headers
    const model::Api& api = *plain.route.api;
    if (!seen.insert(api.name).second) continue;
    std::vector<std::string> origins = api.cors.origins;
    if (origins.empty()) origins.push_back("*");
    std::string list;
    for (const std::string& origin : origins) list += (list.empty() ? "" : ", ") + quote(origin);
    entries += fmt::format("  {}: {{ origins: [{}], credentials: {} }},\n", api.name, list,
                           api.cors.credentials ? "true" : "false");
  }
  if (entries.empty()) return;
  out += "// The CORS settings of the APIs whose routes this module serves.\n";
  out += "const JAWS_CORS = {\n" + entries + "};\n\n";
}

}  // namespace

std::string generateNodeModule(const model::Stack& stack, const ModuleGroup& group, const ModelNames& names) {
  std::vector<std::string> helpers(std::begin(node::kHelperNames), std::end(node::kHelperNames));
  helpers.insert(helpers.end(), std::begin(node::kEventHelperNames), std::end(node::kEventHelperNames));
  const HandlerPlan plan = planHandlers(group, helpers);

  std::string out;
  out += fmt::format("// Generated by `jaws stubs` for project {}, the handlers of\n{}", stack.project.name,
                     functionList(group.functions, "//   "));
  out += "// This file is yours to edit from now on: `jaws stubs` never rewrites it. The types it\n";
  out += "// uses are in ./jaws_models.d.ts, which `jaws stubs` regenerates on every run.\n//\n";
  out += "// Your logic goes in the plain functions below. They know nothing about AWS, so tests\n";
  out += "// can call them directly; the AWS adapter at the end turns Lambda events into their\n";
  out += "// arguments.\n";
  if (!routesOf(group.functions).empty()) {
    out += "// A route's function takes a typed request and returns { statusCode, headers?, body? }\n";
    out += "// (body is sent as JSON), which the adapter turns into the API Gateway response.\n";
  }
  out += "\n";

  const ModuleNeeds needs = moduleNeeds(plan, names);
  const auto& typedefs = needs.types;
  for (const std::string& type : typedefs) {
    out += fmt::format("/** @typedef {{import('./jaws_models.js').{0}}} {0} */\n", type);
  }
  if (!typedefs.empty()) out += "\n";

  out += std::string(kRule) + "// Your logic\n" + kRule + "\n";
  for (const PlainFunction& plain : plan.plain) appendPlainFunction(out, plain, group, names);

  out += std::string(kRule) + "// AWS adapter (generated once; edit it if you need to)\n" + kRule + "\n";
  appendCorsTable(out, plan);
  if (needs.dispatch) {
    out += std::string(node::kTypedefs) + "\n" + node::kDispatchHead;
    if (needs.authorizer) out += node::kDispatchAuthorizer;
    if (needs.httpAuthorizer) out += node::kDispatchAuthorizerV2;
    if (needs.restRoutes) out += node::kDispatchHttp;
    if (needs.httpRoutes) out += node::kDispatchHttpV2;
    if (needs.url) out += node::kDispatchUrl;
    if (needs.schedule) out += node::kDispatchSchedule;
    for (const EventStub* stub : needs.events) out += stub->nodeBranch;
    if (needs.fixedInput) out += node::kDispatchFixedInput;
    out += std::string(node::kDispatchTail) + "\n";
  }
  if (needs.records) out += std::string(node::kRecordsFrom) + "\n";
  if (needs.batch) out += std::string(node::kBatch) + "\n";
  if (needs.each) out += std::string(node::kEach) + "\n";
  if (needs.routes || needs.authorizer || needs.httpAuthorizer || needs.url) out += std::string(node::kLowerCaseKeys) + "\n";
  if (needs.routes) out += std::string(node::kHttp) + "\n";
  if (needs.routes || needs.url) out += std::string(node::kRespond) + "\n";
  if (needs.url) out += std::string(node::kUrl) + "\n";
  if (needs.authorizer) out += std::string(node::kAuthorizer) + "\n";
  if (needs.httpAuthorizer) out += std::string(node::kAuthorizerV2) + "\n";
  for (const ExportedHandler& handler : plan.exports) appendExport(out, handler, plan, stack);
  while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

}  // namespace jaws::stubs
