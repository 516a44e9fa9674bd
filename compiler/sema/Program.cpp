#include "sema/Program.h"

#include <algorithm>

#include "cfnspec/ResourceSpec.h"

namespace jaws::sema {

const char* symbolKindName(SymbolKind kind) {
  switch (kind) {
    case SymbolKind::Project: return "project";
    case SymbolKind::Param: return "param";
    case SymbolKind::Let: return "let";
    case SymbolKind::Stage: return "stage";
    case SymbolKind::Type: return "type";
    case SymbolKind::Function: return "function";
    case SymbolKind::Api: return "api";
    case SymbolKind::Resource: return "resource";
    case SymbolKind::Output: return "output";
    case SymbolKind::Builtin: return "builtin";
  }
  return "?";
}

const cfnspec::ResourceType* Program::resourceType(const ast::ResourceDecl& resource) const {
  return resourceSpec != nullptr ? resourceSpec->find(resource.resourceType) : nullptr;
}

const Symbol* Program::lookup(std::string_view name) const {
  if (auto it = symbols_.find(name); it != symbols_.end()) return &it->second;
  if (auto it = builtins_.find(name); it != builtins_.end()) return &it->second;
  return nullptr;
}

const Symbol* Program::symbolOf(const ast::Decl* decl) const {
  auto it = bySymbolDecl_.find(decl);
  return it == bySymbolDecl_.end() ? nullptr : it->second;
}

const Symbol* Program::binding(const ast::Expr* name) const {
  auto it = bindings_.find(name);
  return it == bindings_.end() ? nullptr : it->second;
}

std::optional<Builtin> Program::builtin(const Symbol* symbol) const {
  if (symbol == nullptr || symbol->kind != SymbolKind::Builtin) return std::nullopt;
  static constexpr std::pair<std::string_view, Builtin> kNames[] = {
      {"stage", Builtin::Stage},     {"region", Builtin::Region}, {"project", Builtin::Project},
      {"account", Builtin::Account}, {"ssm", Builtin::Ssm},       {"secret", Builtin::Secret},
      {"allow", Builtin::Allow},     {"join", Builtin::Join},     {"cognito", Builtin::Cognito},
      {"authorizer", Builtin::Authorizer},
      {"jwt", Builtin::Jwt}};
  for (const auto& [name, b] : kNames) {
    if (name == symbol->name) return b;
  }
  if (eventBuiltins_.count(symbol->name)) return Builtin::Event;
  return std::nullopt;
}

std::vector<std::string> Program::userNames() const {
  std::vector<std::string> names;
  for (const auto& [name, symbol] : symbols_) names.push_back(name);
  std::sort(names.begin(), names.end());  // the declarations', in name order as before the builtins
  for (const auto& [name, symbol] : builtins_) names.push_back(name);
  return names;
}

std::vector<std::string> Program::stageNames() const {
  std::vector<std::string> names;
  for (const auto* stage : stages) {
    if (stage->name.valid()) names.push_back(stage->name.text);
  }
  return names;
}

bool Program::hasStage(std::string_view name) const {
  return std::any_of(stages.begin(), stages.end(),
                     [&](const ast::StageDecl* stage) { return stage->name.valid() && stage->name.text == name; });
}

}  // namespace jaws::sema
