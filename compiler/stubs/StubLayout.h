#pragma once
// Which files `jaws stubs` is about, read from one evaluated stack: the
// handler modules its functions point at (one file holds every export that
// points at it), what invokes each function (routes, schedules, use as an
// authorizer), and the folders that get typed models. Pure: it reads the
// model only, never the disk.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "model/Model.h"
#include "stubs/events/EventStubs.h"

namespace jaws::stubs {

enum class Language : std::uint8_t { Node, Python };

struct RouteBinding {
  const model::Api* api = nullptr;
  const model::Route* route = nullptr;
};

// One function and everything that invokes it.
struct FunctionTriggers {
  const model::Function* function = nullptr;
  std::vector<RouteBinding> routes;  // API order, then route order
  bool authorizer = false;           // a REST API or route authorizes requests with it
  bool httpAuthorizer = false;       // added (issue 11): an HTTP API or route does (payload 2.0)

  // The `schedule` attribute, or a `schedule(...)` event.
  bool scheduled() const;
  // Their expressions, the attribute's first.
  std::vector<std::string> scheduleExpressions() const;
  bool hasUrl() const { return function->url != nullptr; }  // added (issue 11): a function URL invokes it
  // The kinds of event (stubs/events/) that invoke it, in the dispatch's order.
  std::vector<const EventStub*> eventKinds() const;
  bool invokedDirectly() const {
    return routes.empty() && !authorizer && !httpAuthorizer && !scheduled() && !hasUrl() && eventKinds().empty();
  }
};

// A handler module: `<source>/<handlerModule>` plus the language's extension.
struct ModuleGroup {
  Language language = Language::Node;
  std::string module;  // project-relative, '/'-separated, no extension: "src/todos"
  std::string folder;  // its folder, "" for the project folder: "src"
  std::vector<FunctionTriggers> functions;  // declaration order

  std::string path() const;                       // "src/todos.mjs" / "src/todos.py"
  std::vector<std::string> existingPaths() const;  // every file that counts as this module already
};

// A folder that gets typed models, with the functions whose modules are in it.
struct ModelsGroup {
  Language language = Language::Node;
  std::string folder;
  std::vector<FunctionTriggers> functions;
  // Python: the lowest minor version of `python3.X` among the functions'
  // runtimes (NotRequired needs 3.11); 0 when a runtime does not say.
  int pythonMinor = 0;

  std::string path() const;  // "src/jaws_models.d.ts" / "src/jaws_models.py"
};

struct SkippedFunction {
  const model::Function* function = nullptr;
  std::string reason;
};

struct StubLayout {
  std::vector<ModuleGroup> modules;  // sorted by path
  std::vector<ModelsGroup> models;   // sorted by path
  std::vector<SkippedFunction> skipped;
};

StubLayout layoutStubs(const model::Stack& stack);

// The kinds of event any of these functions takes, in the dispatch's order.
std::vector<const EventStub*> eventKindsOf(const std::vector<FunctionTriggers>& functions);

// "<source>/<module>" normalized and '/'-separated ("./src/todos" ->
// "src/todos"); empty when it would leave the project folder or the source
// folder, or is absolute (JW9009). Links are not resolved here.
std::string projectRelativeModule(const std::string& source, const std::string& module);

// projectRelativeModule, remembered: functions share modules, and a check
// asks once per function and target (normalizing paths was 2% of an edit in
// the language server at N = 1,000).
class RelativeModules {
 public:
  const std::string& of(const std::string& source, const std::string& module) {
    auto [it, inserted] = known_.try_emplace({source, module});
    if (inserted) it->second = projectRelativeModule(source, module);
    return it->second;
  }

 private:
  std::map<std::pair<std::string, std::string>, std::string> known_;
};

// `python3.12` -> 12; 0 when the runtime is not `python3.<minor>`.
int pythonMinorVersion(const std::string& runtime);

}  // namespace jaws::stubs
