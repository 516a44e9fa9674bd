#include "stubs/StubReport.h"

#include "stubs/StubLayout.h"
#include "stubs/StubRequests.h"

namespace jaws::stubs {

namespace {

nlohmann::json routeJson(const RouteBinding& binding, const model::Stack& stack) {
  const model::Route& route = *binding.route;
  nlohmann::json params = nlohmann::json::array();
  for (const model::RouteParameter& parameter : route.parameters) {
    const ParamShape shape = paramShape(parameter.schema, stack);
    const char* where = parameter.where == model::ParamLocation::Path    ? "path"
                        : parameter.where == model::ParamLocation::Query ? "query"
                                                                         : "header";
    params.push_back({{"in", where},
                      {"name", parameterKey(parameter)},
                      {"required", parameter.required},
                      {"type", paramKindName(shape.kind)},
                      {"list", shape.list},
                      {"values", shape.values}});
  }
  nlohmann::json cors = nullptr;
  if (binding.api->cors.enabled) {
    std::vector<std::string> origins = binding.api->cors.origins;
    if (origins.empty()) origins.push_back("*");
    cors = {{"origins", origins}, {"credentials", binding.api->cors.credentials}};
  }
  return {{"api", binding.api->name},
          {"kind", binding.api->kind == model::ApiKind::Http ? "http" : "rest"},
          {"method", model::httpMethodName(route.method)},
          {"resource", route.path},
          {"body", route.body.has_value()},
          {"params", params},
          {"cors", cors}};
}

// An event as the runtime tests need it: its kind, whether it reports
// failures and whether it sends a fixed input instead of an event.
nlohmann::json eventJson(const model::Event& event) {
  bool reportFailures = false, fixedInput = false;
  if (const auto* e = std::get_if<model::SqsEvent>(&event.detail)) reportFailures = e->reportFailures;
  if (const auto* e = std::get_if<model::StreamEvent>(&event.detail)) reportFailures = e->reportFailures;
  if (const auto* e = std::get_if<model::RuleEvent>(&event.detail)) fixedInput = e->input.has_value();
  if (const auto* e = std::get_if<model::ScheduleEvent>(&event.detail)) fixedInput = e->input.has_value();
  return {{"kind", event.kind}, {"reportFailures", reportFailures}, {"fixedInput", fixedInput}};
}

}  // namespace

const char* actionName(StubAction action) {
  switch (action) {
    case StubAction::Create: return "create";
    case StubAction::Update: return "update";
    case StubAction::Unchanged: return "unchanged";
    case StubAction::KeepUserFile: return "keep-user-file";
    case StubAction::MissingExports: return "missing-exports";
    case StubAction::Blocked: return "blocked";
  }
  return "unchanged";
}

nlohmann::json stubReport(const StubPlan& plan, const std::vector<model::Stack>& stacks) {
  nlohmann::json files = nlohmann::json::array();
  for (const StubFile& file : plan.files) {
    files.push_back({{"kind", file.kind == StubFile::Kind::Models ? "models" : "handler-module"},
                     {"action", actionName(file.action)},
                     {"path", file.path},
                     {"functions", file.functions},
                     {"missingExports", file.missingExports}});
  }
  nlohmann::json handlers = nlohmann::json::array();
  if (!stacks.empty()) {
    const model::Stack& stack = stacks.front();
    for (const ModuleGroup& group : layoutStubs(stack).modules) {
      for (const FunctionTriggers& triggers : group.functions) {
        nlohmann::json routes = nlohmann::json::array();
        for (const RouteBinding& binding : triggers.routes) routes.push_back(routeJson(binding, stack));
        const std::vector<std::string> schedules = triggers.scheduleExpressions();
        nlohmann::json events = nlohmann::json::array();
        for (const model::Event& event : triggers.function->events) events.push_back(eventJson(event));
        handlers.push_back({{"function", triggers.function->name},
                            {"language", group.language == Language::Node ? "node" : "python"},
                            {"module", group.path()},
                            {"export", triggers.function->handlerExport},
                            {"routes", routes},
                            {"schedules", schedules},
                            {"events", events},
                            {"authorizer", triggers.authorizer},
                            {"httpAuthorizer", triggers.httpAuthorizer},
                            {"url", triggers.hasUrl() ? nlohmann::json{{"auth", triggers.function->url->iam ? "iam" : "none"},
                                                                       {"stream", triggers.function->url->stream}}
                                                      : nlohmann::json(nullptr)}});
      }
    }
  }
  return {{"stage", plan.stage},
          {"region", plan.region},
          {"files", files},
          {"skipped", plan.skipped},
          {"handlers", handlers}};
}

}  // namespace jaws::stubs
