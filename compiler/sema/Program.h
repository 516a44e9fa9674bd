#pragma once
// The bound program: every declaration of the project and of the standard
// library, by name, with each name reference resolved. Built once per
// compilation by the Binder; the checker, the evaluator and the language
// server read it.
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "sema/EventBuiltins.h"
#include "syntax/Ast.h"

namespace jaws::cfnspec {
class ResourceSpec;
struct ResourceType;
}  // namespace jaws::cfnspec

namespace jaws::sema {

enum class SymbolKind : std::uint8_t { Project, Param, Let, Stage, Type, Function, Api, Resource, Output, Builtin };
const char* symbolKindName(SymbolKind kind);

struct Symbol {
  SymbolKind kind;
  std::string name;
  const ast::Decl* decl = nullptr;  // null for builtins
  bool stdlib = false;
};

// A place in the source that names a symbol (for go-to-definition, find
// references, rename and the unused-declaration lints).
struct Reference {
  Span span;
  const Symbol* symbol;
};

enum class Builtin : std::uint8_t {
  Stage, Region, Project, Account,                       // values
  Ssm, Secret, Allow, Join, Cognito, Authorizer,         // functions
  Jwt,                                                   // added (issue 11): jwt({ issuer, audience })
  Event,  // the event builtins (sqs, stream, ...): their names are the keys of the stdlib's `eventSources`
};

class Program {
 public:
  const ast::ProjectDecl* project = nullptr;
  std::vector<const ast::StageDecl*> stages;
  // A file of the program is missing or was not parsed to its end: what is
  // absent may hold the project, a stage, or the use of a declaration.
  bool incomplete = false;
  std::vector<const ast::ParamDecl*> params;
  std::vector<const ast::LetDecl*> lets;
  std::vector<const ast::TypeDecl*> types;
  std::vector<const ast::FunctionDecl*> functions;
  std::vector<const ast::ApiDecl*> apis;
  std::vector<const ast::ResourceDecl*> resources;
  std::vector<const ast::OutputDecl*> outputs;

  // Declarations of the standard library, by name.
  std::map<std::string, const ast::TypeDecl*> stdlibTypes;
  std::map<std::string, const ast::LetDecl*, std::less<>> stdlibLets;

  // CloudFormation's resource specification (stdlib/resources.spec); null
  // when the standard library in use has none (then resources are not checked).
  const cfnspec::ResourceSpec* resourceSpec = nullptr;
  // The specification of a resource's type; null for types it does not have
  // (`Custom::`, registry types, mistakes).
  const cfnspec::ResourceType* resourceType(const ast::ResourceDecl& resource) const;

  const Symbol* lookup(std::string_view name) const;  // user declarations, then builtins
  // Whether `type` is one of `types` (a user's, not the stdlib's): a user
  // type is referred to by name in schemas, once per reference.
  bool isUserType(const ast::TypeDecl* type) const { return userTypes_.count(type) != 0; }
  const Symbol* symbolOf(const ast::Decl* decl) const;
  // What a name expression refers to (null when unresolved).
  const Symbol* binding(const ast::Expr* name) const;
  std::optional<Builtin> builtin(const Symbol* symbol) const;

  const std::vector<Reference>& references() const { return references_; }
  std::vector<std::string> userNames() const;
  std::vector<std::string> stageNames() const;
  // Whether a stage of that name is declared (the names stageNames lists).
  bool hasStage(std::string_view name) const;
  // The event builtins, from the stdlib (`eventSources` in stdlib/events.jaws).
  const std::map<std::string, EventBuiltinInfo, std::less<>>& eventBuiltins() const { return eventBuiltins_; }

 private:
  friend class Binder;
  // Hashed: every name in every expression is looked up here, in each target.
  struct NameHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view name) const { return std::hash<std::string_view>{}(name); }
  };
  std::unordered_map<std::string, Symbol, NameHash, std::equal_to<>> symbols_;
  std::map<std::string, Symbol, std::less<>> builtins_;
  std::map<std::string, EventBuiltinInfo, std::less<>> eventBuiltins_;
  std::unordered_map<const ast::Decl*, const Symbol*> bySymbolDecl_;
  std::unordered_set<const ast::TypeDecl*> userTypes_;  // those of `types`
  std::unordered_map<const ast::Expr*, const Symbol*> bindings_;
  std::vector<Reference> references_;
};

}  // namespace jaws::sema
