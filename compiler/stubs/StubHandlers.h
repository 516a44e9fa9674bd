#pragma once
// The functions one generated handler module defines: one Lambda handler per
// distinct export (functions may share one), and the plain functions the
// user fills in — one per route, one for a schedule, one for authorizing,
// one for a function URL's requests, or one taking the raw event when
// nothing in the project invokes the function. Shared by the Node.js and Python generators so both name and
// dispatch the same way.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "stubs/StubLayout.h"
#include "stubs/StubNames.h"
#include "stubs/StubRequests.h"

namespace jaws::stubs {

struct PlainFunction {
  enum class Kind : std::uint8_t { Route, Schedule, Authorizer, Direct, Url, Event };
  Kind kind = Kind::Direct;
  std::string name;  // its identifier in the module
  const model::Function* function = nullptr;
  RouteBinding route;  // Route
  const EventStub* event = nullptr;  // Event: which kind (stubs/events/)
};

// A kind of event an exported handler takes, and the plain function it runs.
struct EventBinding {
  const EventStub* stub = nullptr;  // null: the schedule's plain function, for a schedule(...) with `input`
  std::size_t plain = 0;            // into HandlerPlan::plain
  bool reportFailures = false;      // batches: every source of this kind reports failures
  bool anyEvent = false;            // a rule or schedule sends a fixed `input`: whatever arrives goes here
  std::string key() const { return stub ? stub->kind : "schedule"; }
};

struct ExportedHandler {
  std::string exportName;  // as the handler string says: "list"
  std::string localName;   // the identifier that defines it (differs when exportName is reserved)
  std::vector<const model::Function*> functions;  // every function whose handler it is
  std::vector<std::size_t> routes;                // into HandlerPlan::plain
  std::optional<std::size_t> schedule, authorizer, direct;
  std::optional<std::size_t> url;  // added (issue 11): a function URL's requests
  bool restAuthorizer = false, httpAuthorizer = false;  // which kinds of API call `authorizer`
  bool restRoutes = false, httpRoutes = false;          // which kinds of API route to it
  std::vector<EventBinding> events;  // in the dispatch's order
};

struct HandlerPlan {
  std::vector<PlainFunction> plain;       // in the order the module defines them
  std::vector<ExportedHandler> exports;   // in order of first appearance
};

// `helperNames` are the identifiers the generator's adapter code uses.
HandlerPlan planHandlers(const ModuleGroup& group, const std::vector<std::string>& helperNames);

// What a module needs: the model types its plain functions take from the
// models file, and which parts of the AWS adapter it must include.
struct ModuleNeeds {
  std::set<std::string> types;  // model type names, sorted
  bool routes = false;          // the HTTP adapter
  bool authorizer = false;      // the authorizer adapter (REST APIs)
  bool schedule = false;        // a handler takes scheduled events
  bool dispatch = false;        // a handler tells event kinds apart (not only direct calls)
  // Added (issue 11): payload 2.0 events.
  bool restRoutes = false;      // routes of a REST API
  bool httpRoutes = false;      // routes of an HTTP API
  bool httpAuthorizer = false;  // the simple-response authorizer adapter (HTTP APIs)
  bool url = false;             // the function URL adapter
  std::vector<const EventStub*> events;  // the kinds of event whose branches the dispatch needs
  bool batch = false, each = false, records = false, fixedInput = false;  // the shared event adapters
};
ModuleNeeds moduleNeeds(const HandlerPlan& plan, const ModelNames& names);

// The events an exported handler accepts, for its doc comment: "an API
// Gateway REST API request or an EventBridge scheduled event".
std::string expectedEvents(const ExportedHandler& handler);

// What an event's plain function handles, for its doc comment: "one message
// from `jobs`", naming the function's sources of that kind.
std::string eventHandles(const EventStub& stub, const model::Function& function);

}  // namespace jaws::stubs
