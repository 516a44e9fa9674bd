#include "stubs/StubLayout.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <tuple>

namespace jaws::stubs {

namespace {

const char* extension(Language language) { return language == Language::Node ? ".mjs" : ".py"; }

std::string joinFolder(const std::string& folder, const std::string& file) {
  return folder.empty() ? file : folder + "/" + file;
}

FunctionTriggers triggersOf(const model::Stack& stack, const model::Function& function) {
  FunctionTriggers triggers;
  triggers.function = &function;
  for (const model::Api& api : stack.apis) {
    auto authorizesWith = [&](const model::Auth& auth) {
      return auth.kind == model::AuthKind::Authorizer && auth.authorizerFunction == function.name;
    };
    bool& authorizer = api.kind == model::ApiKind::Http ? triggers.httpAuthorizer : triggers.authorizer;
    if (authorizesWith(api.auth)) authorizer = true;
    for (const model::Route& route : api.routes) {
      if (route.function == function.name) triggers.routes.push_back({&api, &route});
      if (authorizesWith(route.auth)) authorizer = true;
    }
  }
  return triggers;
}

}  // namespace

bool FunctionTriggers::scheduled() const { return !scheduleExpressions().empty(); }

std::vector<std::string> FunctionTriggers::scheduleExpressions() const {
  std::vector<std::string> out;
  for (const model::Schedule& schedule : function->schedules) out.push_back(schedule.expression);
  for (const model::Event& event : function->events) {
    if (const auto* s = std::get_if<model::ScheduleEvent>(&event.detail)) out.push_back(s->expression);
  }
  return out;
}

std::vector<const EventStub*> FunctionTriggers::eventKinds() const {
  std::vector<const EventStub*> kinds;
  for (const EventStub* stub : eventStubs()) {
    const bool used = std::any_of(function->events.begin(), function->events.end(),
                                  [&](const model::Event& e) { return e.kind == stub->kind; });
    if (used) kinds.push_back(stub);
  }
  return kinds;
}

std::vector<const EventStub*> eventKindsOf(const std::vector<FunctionTriggers>& functions) {
  std::vector<const EventStub*> kinds;
  for (const EventStub* stub : eventStubs()) {
    for (const FunctionTriggers& triggers : functions) {
      const auto own = triggers.eventKinds();
      if (std::find(own.begin(), own.end(), stub) != own.end()) {
        kinds.push_back(stub);
        break;
      }
    }
  }
  return kinds;
}

std::string ModuleGroup::path() const { return module + extension(language); }

std::vector<std::string> ModuleGroup::existingPaths() const {
  // In Lambda's order of lookup: a package wins over a module file in Python.
  if (language == Language::Python) return {module + "/__init__.py", module + ".py"};
  // What Lambda's Node.js runtime loads, and the TypeScript a user may
  // compile to it: any of them means the user owns this module.
  std::vector<std::string> paths;
  for (const char* ext : {".js", ".mjs", ".cjs", ".ts", ".mts", ".cts"}) paths.push_back(module + ext);
  return paths;
}

std::string ModelsGroup::path() const {
  return joinFolder(folder, language == Language::Node ? "jaws_models.d.ts" : "jaws_models.py");
}

std::string projectRelativeModule(const std::string& source, const std::string& module) {
  namespace fs = std::filesystem;
  if (module.empty() || fs::path(module).is_absolute() || fs::path(source).is_absolute()) return "";
  // The module must stay inside its source folder: the package's root.
  const std::string own = fs::path(module).lexically_normal().generic_string();
  if (own.empty() || own == "." || own.rfind("..", 0) == 0) return "";
  const fs::path joined = (fs::path(source.empty() ? "." : source) / module).lexically_normal();
  const std::string text = joined.generic_string();
  if (text.empty() || text == "." || text.rfind("..", 0) == 0 || text.back() == '/') return "";
  return text;
}

int pythonMinorVersion(const std::string& runtime) {
  const std::string prefix = "python3.";
  if (runtime.rfind(prefix, 0) != 0 || runtime.size() == prefix.size()) return 0;
  int minor = 0;
  for (std::size_t i = prefix.size(); i < runtime.size(); ++i) {
    const char c = runtime[i];
    if (c < '0' || c > '9' || minor > 1000) return 0;
    minor = minor * 10 + (c - '0');
  }
  return minor;
}

StubLayout layoutStubs(const model::Stack& stack) {
  StubLayout layout;
  std::map<std::pair<std::string, Language>, ModuleGroup> modules;  // by path
  std::map<std::pair<std::string, Language>, ModelsGroup> models;
  for (const model::Function& function : stack.functions) {
    Language language;
    if (function.runtimeFamily == model::RuntimeFamily::Node) {
      language = Language::Node;
    } else if (function.runtimeFamily == model::RuntimeFamily::Python) {
      language = Language::Python;
    } else {
      layout.skipped.push_back({&function, "runtime " + function.runtime + " has no stub generator"});
      continue;
    }
    const std::string module = projectRelativeModule(function.source, function.handlerModule);
    if (module.empty()) {
      layout.skipped.push_back({&function, "handler module " + function.handlerModule + " in source folder " +
                                               function.source + " is not inside the project folder"});
      continue;
    }
    const FunctionTriggers triggers = triggersOf(stack, function);
    ModuleGroup& group = modules[{module, language}];
    group.language = language;
    group.module = module;
    group.folder = std::filesystem::path(module).parent_path().generic_string();
    group.functions.push_back(triggers);

    ModelsGroup& folder = models[{group.folder, language}];
    const bool first = folder.functions.empty();
    folder.language = language;
    folder.folder = group.folder;
    folder.functions.push_back(triggers);
    if (language == Language::Python) {
      const int minor = pythonMinorVersion(function.runtime);
      folder.pythonMinor = first ? minor : std::min(folder.pythonMinor, minor);
    }
  }
  for (auto& [key, group] : modules) layout.modules.push_back(std::move(group));
  for (auto& [key, group] : models) layout.models.push_back(std::move(group));
  auto byPath = [](const auto& a, const auto& b) { return a.path() < b.path(); };
  std::sort(layout.modules.begin(), layout.modules.end(), byPath);
  std::sort(layout.models.begin(), layout.models.end(), byPath);
  return layout;
}

}  // namespace jaws::stubs
