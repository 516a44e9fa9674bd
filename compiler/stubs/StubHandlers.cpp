#include "stubs/StubHandlers.h"

#include <algorithm>
#include <map>

namespace jaws::stubs {

namespace {

bool reportsFailures(const model::Event& event) {
  if (const auto* sqs = std::get_if<model::SqsEvent>(&event.detail)) return sqs->reportFailures;
  if (const auto* stream = std::get_if<model::StreamEvent>(&event.detail)) return stream->reportFailures;
  return false;
}

bool sendsFixedInput(const model::Event& event) {
  if (const auto* rule = std::get_if<model::RuleEvent>(&event.detail)) return rule->input.has_value();
  if (const auto* schedule = std::get_if<model::ScheduleEvent>(&event.detail)) return schedule->input.has_value();
  return false;
}

// The events of `kind` a function has: whether all report failures, whether one sends a fixed input.
std::pair<bool, bool> eventFlags(const model::Function& function, std::string_view kind) {
  bool all = true, fixed = false;
  for (const model::Event& e : function.events) {
    if (e.kind != kind) continue;
    all = all && reportsFailures(e);
    fixed = fixed || sendsFixedInput(e);
  }
  return {all, fixed};
}

void bindEvent(ExportedHandler& handler, const EventStub* stub, std::size_t plain, std::pair<bool, bool> flags) {
  for (EventBinding& binding : handler.events) {
    if (binding.stub != stub) continue;
    // A handler shared by functions reports failures only if all of them do.
    binding.reportFailures = binding.reportFailures && flags.first;
    binding.anyEvent = binding.anyEvent || flags.second;
    return;
  }
  handler.events.push_back(EventBinding{stub, plain, stub != nullptr && stub->batch && flags.first, flags.second});
}

struct Naming {
  Language language;
  std::string name(std::string_view text) const {
    return language == Language::Node ? camelCase(text) : snakeCase(text);
  }
  bool usable(std::string_view text) const {
    return language == Language::Node ? isJsIdentifier(text) : isPythonIdentifier(text);
  }
  std::string suffix(std::string_view word) const {
    return language == Language::Node ? typeCase(word) : "_" + snakeCase(word);
  }
  std::string localHandlerName(std::string_view exportName) const {
    return language == Language::Node ? "jawsHandler_" + snakeCase(exportName) : "_jaws_handler_" + snakeCase(exportName);
  }
};

}  // namespace

HandlerPlan planHandlers(const ModuleGroup& group, const std::vector<std::string>& helperNames) {
  const Naming naming{group.language};
  UniqueNames names;
  for (const std::string& helper : helperNames) names.reserve(helper);

  HandlerPlan plan;
  std::map<std::string, std::size_t> exportIndex;
  for (const FunctionTriggers& triggers : group.functions) {
    const std::string& exportName = triggers.function->handlerExport;
    auto [it, inserted] = exportIndex.emplace(exportName, plan.exports.size());
    if (inserted) {
      ExportedHandler handler;
      handler.exportName = exportName;
      plan.exports.push_back(std::move(handler));
      if (naming.usable(exportName)) names.reserve(exportName);
    }
    plan.exports[it->second].functions.push_back(triggers.function);
  }
  for (ExportedHandler& handler : plan.exports) {
    handler.localName = naming.usable(handler.exportName) ? handler.exportName
                                                          : names.claim(naming.localHandlerName(handler.exportName));
  }

  auto addPlain = [&](PlainFunction::Kind kind, const std::string& base, std::string_view suffix,
                      const model::Function* function, RouteBinding route = {}) {
    PlainFunction plain;
    plain.kind = kind;
    plain.name = names.claim(base, naming.suffix(suffix));
    plain.function = function;
    plain.route = route;
    plan.plain.push_back(std::move(plain));
    return plan.plain.size() - 1;
  };
  for (const FunctionTriggers& triggers : group.functions) {
    ExportedHandler& handler = plan.exports[exportIndex.at(triggers.function->handlerExport)];
    for (const RouteBinding& route : triggers.routes) {
      (route.api->kind == model::ApiKind::Http ? handler.httpRoutes : handler.restRoutes) = true;
      const std::string& id = route.route->operationId.empty() ? triggers.function->name : route.route->operationId;
      handler.routes.push_back(addPlain(PlainFunction::Kind::Route, naming.name(id), "route", triggers.function, route));
    }
    // One export runs one plain function per kind of event; a second function
    // sharing the export shares it.
    if (triggers.scheduled() && !handler.schedule) {
      handler.schedule = addPlain(PlainFunction::Kind::Schedule, naming.name(triggers.function->name + "OnSchedule"),
                                  "handler", triggers.function);
    }
    if ((triggers.authorizer || triggers.httpAuthorizer) && !handler.authorizer) {
      handler.authorizer = addPlain(PlainFunction::Kind::Authorizer,
                                    naming.name(triggers.function->name + "Authorize"), "handler", triggers.function);
    }
    handler.restAuthorizer = handler.restAuthorizer || triggers.authorizer;
    handler.httpAuthorizer = handler.httpAuthorizer || triggers.httpAuthorizer;
    if (triggers.hasUrl() && !handler.url) {
      handler.url = addPlain(PlainFunction::Kind::Url, naming.name(triggers.function->name + "OnUrl"), "handler",
                             triggers.function);
    }
    for (const EventStub* stub : triggers.eventKinds()) {
      const auto bound = std::find_if(handler.events.begin(), handler.events.end(),
                                      [&](const EventBinding& b) { return b.stub == stub; });
      std::size_t plain = bound == handler.events.end() ? 0 : bound->plain;
      if (bound == handler.events.end()) {
        plain = addPlain(PlainFunction::Kind::Event, naming.name(triggers.function->name + stub->suffix), "handler",
                         triggers.function);
        plan.plain[plain].event = stub;
      }
      bindEvent(handler, stub, plain, eventFlags(*triggers.function, stub->kind));
    }
    if (handler.schedule && eventFlags(*triggers.function, "schedule").second) {
      bindEvent(handler, nullptr, *handler.schedule, {false, true});
    }
  }
  for (ExportedHandler& handler : plan.exports) {
    if (!handler.routes.empty() || handler.schedule || handler.authorizer || handler.url || !handler.events.empty()) continue;
    handler.direct = addPlain(PlainFunction::Kind::Direct, naming.name(handler.functions.front()->name), "logic",
                              handler.functions.front());
  }
  return plan;
}

ModuleNeeds moduleNeeds(const HandlerPlan& plan, const ModelNames& names) {
  ModuleNeeds uses;
  for (const PlainFunction& plain : plan.plain) {
    switch (plain.kind) {
      case PlainFunction::Kind::Route:
        uses.routes = true;
        uses.httpRoutes = uses.httpRoutes || plain.route.api->kind == model::ApiKind::Http;
        uses.types.insert(names.httpResult);
        uses.types.insert(names.requests.at(plain.route.route));
        if (plain.route.api->kind == model::ApiKind::Http) uses.types.insert(names.httpEvent);
        break;
      case PlainFunction::Kind::Url:
        uses.url = true;
        uses.types.insert(names.httpResult);
        uses.types.insert(names.urlRequest);
        uses.types.insert(names.httpEvent);
        break;
      case PlainFunction::Kind::Schedule: uses.types.insert(names.scheduledEvent); break;
      case PlainFunction::Kind::Authorizer:
        uses.types.insert(names.authorizerRequest);
        uses.types.insert(names.authorizerResult);
        break;
      case PlainFunction::Kind::Direct: break;
      case PlainFunction::Kind::Event: uses.types.insert(names.eventType(plain.event->argumentType)); break;
    }
  }
  for (const ExportedHandler& handler : plan.exports) {
    uses.dispatch = uses.dispatch || !handler.direct;
    uses.schedule = uses.schedule || handler.schedule.has_value();
    uses.authorizer = uses.authorizer || handler.restAuthorizer;
    uses.httpAuthorizer = uses.httpAuthorizer || handler.httpAuthorizer;
    uses.restRoutes = uses.restRoutes || handler.restRoutes;
    for (const EventBinding& binding : handler.events) {
      uses.fixedInput = uses.fixedInput || binding.anyEvent;
      if (binding.stub == nullptr) continue;
      uses.batch = uses.batch || binding.stub->batch;
      uses.records = uses.records || binding.stub->records;
      uses.each = uses.each || (binding.stub->records && !binding.stub->batch);
    }
  }
  // In the registry's order, so every module tries the kinds alike.
  for (const EventStub* stub : eventStubs()) {
    for (const ExportedHandler& handler : plan.exports) {
      const bool used = std::any_of(handler.events.begin(), handler.events.end(),
                                    [&](const EventBinding& b) { return b.stub == stub; });
      if (used) {
        uses.events.push_back(stub);
        break;
      }
    }
  }
  return uses;
}

std::string eventHandles(const EventStub& stub, const model::Function& function) {
  std::vector<std::string> sources;
  std::size_t rules = 0;
  for (const model::Event& event : function.events) {
    if (event.kind != stub.kind) continue;
    const model::EventTarget* source = model::eventSource(event);
    if (source == nullptr) {
      ++rules;
      continue;
    }
    const std::string label = source->isResource() ? "`" + source->resource + "`" : model::describe(source->arn);
    if (std::find(sources.begin(), sources.end(), label) == sources.end()) sources.push_back(label);
  }
  if (rules > 0) sources.push_back(rules == 1 ? "its rule" : "its rules");
  std::string list;
  for (std::size_t i = 0; i < sources.size(); ++i) list += (i == 0 ? "" : i + 1 == sources.size() ? " or " : ", ") + sources[i];
  std::string text = stub.handles;
  const std::size_t at = text.find("{sources}");
  if (at != std::string::npos) text.replace(at, 9, list);
  return text;
}

std::string expectedEvents(const ExportedHandler& handler) {
  std::vector<std::string> kinds;
  if (handler.restRoutes) kinds.push_back("an API Gateway REST API request");
  if (handler.httpRoutes) kinds.push_back("an API Gateway HTTP API request (payload 2.0)");
  if (handler.schedule) kinds.push_back("an EventBridge scheduled event");
  if (handler.authorizer) kinds.push_back("an API Gateway authorizer event");
  if (handler.url) kinds.push_back("a function URL request");
  for (const EventBinding& binding : handler.events) {
    if (binding.stub != nullptr) kinds.push_back(binding.stub->expects);
  }
  std::string out;
  for (std::size_t i = 0; i < kinds.size(); ++i) out += (i == 0 ? "" : i + 1 == kinds.size() ? " or " : ", ") + kinds[i];
  return out;
}

}  // namespace jaws::stubs
