#include "sema/Binder.h"

#include <optional>
#include <utility>

#include "diag/Builders.h"
#include "sema/EventBuiltins.h"
#include "sema/Suggest.h"

namespace jaws::sema {

namespace {

constexpr std::string_view kPrimitiveTypes[] = {"string", "int", "number", "bool", "size", "duration", "any", "null", "map"};

// Primitive types under the names other languages give them: too far from ours
// for closestMatch (`integer` is four edits from `int`), yet the likeliest
// mistake, so the did-you-mean names them directly.
constexpr std::pair<std::string_view, std::string_view> kForeignPrimitives[] = {
    {"integer", "int"}, {"long", "int"},       {"boolean", "bool"},    {"float", "number"},
    {"double", "number"}, {"decimal", "number"}, {"str", "string"}, {"text", "string"}};

std::optional<std::string> foreignPrimitive(std::string_view name) {
  for (const auto& [foreign, ours] : kForeignPrimitives) {
    if (foreign == name) return std::string(ours);
  }
  return std::nullopt;
}

SymbolKind kindOf(ast::DeclKind kind) {
  switch (kind) {
    case ast::DeclKind::Project: return SymbolKind::Project;
    case ast::DeclKind::Param: return SymbolKind::Param;
    case ast::DeclKind::Let: return SymbolKind::Let;
    case ast::DeclKind::Stage: return SymbolKind::Stage;
    case ast::DeclKind::Type: return SymbolKind::Type;
    case ast::DeclKind::Function: return SymbolKind::Function;
    case ast::DeclKind::Api: return SymbolKind::Api;
    case ast::DeclKind::Resource: return SymbolKind::Resource;
    case ast::DeclKind::Output: return SymbolKind::Output;
  }
  return SymbolKind::Let;
}

}  // namespace

std::unique_ptr<Program> Binder::bind(const std::vector<const ast::SourceUnit*>& userUnits,
                                      const std::vector<const ast::SourceUnit*>& stdlibUnits, bool programIncomplete,
                                      Diagnostics& out) {
  auto program = std::make_unique<Program>();
  Binder binder(*program, out);
  for (const auto* unit : stdlibUnits) {
    for (const auto& decl : unit->decls) {
      if (!decl->name.valid()) continue;
      if (decl->kind == ast::DeclKind::Type) program->stdlibTypes[decl->name.text] = static_cast<const ast::TypeDecl*>(decl.get());
      if (decl->kind == ast::DeclKind::Let) program->stdlibLets[decl->name.text] = static_cast<const ast::LetDecl*>(decl.get());
    }
  }
  binder.declareBuiltins();
  for (const auto* unit : userUnits) {
    for (const auto& decl : unit->decls) binder.declare(*decl);
  }
  program->incomplete = programIncomplete;
  if (!programIncomplete) binder.checkShape(userUnits);
  for (const auto* unit : userUnits) {
    for (const auto& decl : unit->decls) binder.resolveDecl(*decl);
  }
  // Stdlib defaults refer to builtins (`project.memory`); resolve them too.
  for (const auto* unit : stdlibUnits) {
    for (const auto& decl : unit->decls) binder.resolveDecl(*decl);
  }
  return program;
}

void Binder::declareBuiltins() {
  for (const char* name : {"stage", "region", "project", "account", "ssm", "secret", "allow", "join", "cognito", "authorizer"}) {
    program_.builtins_.emplace(name, Symbol{SymbolKind::Builtin, name, nullptr, true});
  }
  for (const char* name : {"jwt"}) program_.builtins_.emplace(name, Symbol{SymbolKind::Builtin, name, nullptr, true});
  // The event builtins are stdlib data: one per entry of `eventSources`.
  if (auto it = program_.stdlibLets.find("eventSources"); it != program_.stdlibLets.end()) {
    for (auto& [name, info] : eventBuiltinsOf(*it->second)) {
      program_.builtins_.emplace(name, Symbol{SymbolKind::Builtin, name, nullptr, true});
      program_.eventBuiltins_.emplace(name, std::move(info));
    }
  }
}

void Binder::declare(const ast::Decl& decl) {
  switch (decl.kind) {
    case ast::DeclKind::Project:
      if (program_.project == nullptr) program_.project = static_cast<const ast::ProjectDecl*>(&decl);
      break;
    case ast::DeclKind::Stage: program_.stages.push_back(static_cast<const ast::StageDecl*>(&decl)); break;
    case ast::DeclKind::Param: program_.params.push_back(static_cast<const ast::ParamDecl*>(&decl)); break;
    case ast::DeclKind::Let: program_.lets.push_back(static_cast<const ast::LetDecl*>(&decl)); break;
    case ast::DeclKind::Type:
      program_.types.push_back(static_cast<const ast::TypeDecl*>(&decl));
      program_.userTypes_.insert(program_.types.back());
      break;
    case ast::DeclKind::Function: program_.functions.push_back(static_cast<const ast::FunctionDecl*>(&decl)); break;
    case ast::DeclKind::Api: program_.apis.push_back(static_cast<const ast::ApiDecl*>(&decl)); break;
    case ast::DeclKind::Resource: program_.resources.push_back(static_cast<const ast::ResourceDecl*>(&decl)); break;
    case ast::DeclKind::Output: program_.outputs.push_back(static_cast<const ast::OutputDecl*>(&decl)); break;
  }
  if (!decl.name.valid()) return;
  auto [it, inserted] = program_.symbols_.emplace(decl.name.text, Symbol{kindOf(decl.kind), decl.name.text, &decl, false});
  if (!inserted) {
    // A second project is JW2103 (checkShape), whatever its name: not also JW2101.
    if (decl.kind == ast::DeclKind::Project && it->second.kind == SymbolKind::Project) return;
    out_.push_back(diag::DuplicateDeclaration(decl.name.span, decl.name.text)
                       .note(it->second.decl->name.span, note::FirstDeclaredHere()));
    return;
  }
  program_.bySymbolDecl_[&decl] = &it->second;
  if (program_.builtins_.count(decl.name.text)) {
    out_.push_back(diag::ShadowsBuiltin(decl.name.span, decl.name.text));
  }
}

void Binder::checkShape(const std::vector<const ast::SourceUnit*>& userUnits) {
  std::vector<const ast::Decl*> projects;
  for (const auto* unit : userUnits) {
    for (const auto& decl : unit->decls) {
      if (decl->kind == ast::DeclKind::Project) projects.push_back(decl.get());
    }
  }
  const Span programStart = userUnits.empty() ? Span{} : Span{userUnits.front()->file, 0, 0};
  if (projects.empty()) out_.push_back(diag::MissingProject(programStart));
  for (std::size_t i = 1; i < projects.size(); ++i) {
    out_.push_back(diag::DuplicateProject(projects[i]->keywordSpan).note(projects[0]->keywordSpan, note::FirstDeclaredHere()));
  }
  if (program_.stages.empty() && !projects.empty()) {
    out_.push_back(diag::MissingStage(projects.front()->name.valid() ? projects.front()->name.span : projects.front()->keywordSpan));
  }
}

void Binder::reference(Span span, const Symbol* symbol) {
  if (symbol != nullptr && !symbol->stdlib) program_.references_.push_back(Reference{span, symbol});
}

void Binder::resolveDecorators(const std::vector<ast::Decorator>& decorators) {
  for (const auto& d : decorators) {
    for (const auto& arg : d.args) resolveExpr(*arg);
  }
}

void Binder::resolveDecl(const ast::Decl& decl) {
  if (const Symbol* self = program_.symbolOf(&decl)) {
    // The declaration's own name counts as a reference for rename and find-all.
    program_.references_.push_back(Reference{decl.name.span, self});
  }
  resolveDecorators(decl.decorators);
  switch (decl.kind) {
    case ast::DeclKind::Project:
    case ast::DeclKind::Stage:
    case ast::DeclKind::Function:
    case ast::DeclKind::Resource:
      for (const auto& a : static_cast<const ast::BlockDecl&>(decl).attributes) {
        // In a stage block, a key may set a param: it refers to that param.
        if (decl.kind == ast::DeclKind::Stage && !a.quotedKey) {
          if (const Symbol* s = program_.lookup(a.key.text); s && s->kind == SymbolKind::Param) reference(a.key.span, s);
        }
        resolveExpr(*a.value);
      }
      break;
    case ast::DeclKind::Api: {
      const auto& api = static_cast<const ast::ApiDecl&>(decl);
      for (const auto& a : api.attributes) resolveExpr(*a.value);
      for (const auto& route : api.routes) {
        resolveDecorators(route.decorators);
        resolveFunctionName(route.target);
        for (const auto& p : route.parameters) {
          resolveType(*p.type);
          resolveDecorators(p.decorators);
        }
        for (const auto& b : route.bodies) {
          resolveType(*b.type);
          resolveDecorators(b.decorators);
        }
        for (const auto& r : route.responses) {
          resolveType(*r.type);
          resolveDecorators(r.decorators);
        }
        for (const auto& a : route.attributes) resolveExpr(*a.value);
      }
      break;
    }
    case ast::DeclKind::Param: {
      const auto& p = static_cast<const ast::ParamDecl&>(decl);
      resolveType(*p.type);
      if (p.defaultValue) resolveExpr(*p.defaultValue);
      break;
    }
    case ast::DeclKind::Let: resolveExpr(*static_cast<const ast::LetDecl&>(decl).value); break;
    case ast::DeclKind::Output: resolveExpr(*static_cast<const ast::OutputDecl&>(decl).value); break;
    case ast::DeclKind::Type: resolveType(*static_cast<const ast::TypeDecl&>(decl).type); break;
  }
}

void Binder::resolveFunctionName(const ast::Identifier& name) {
  if (!name.valid()) return;
  const Symbol* s = program_.lookup(name.text);
  if (s != nullptr && s->kind == SymbolKind::Function) {
    reference(name.span, s);
    return;
  }
  if (s != nullptr && s->kind != SymbolKind::Builtin) {
    out_.push_back(diag::NotAFunction(name.span, name.text, symbolKindName(s->kind)).note(s->decl->name.span, note::DeclaredHere()));
    reference(name.span, s);
    return;
  }
  reportUnknownFunction(name);
}

// JW2106, with a did-you-mean among the declared functions only.
void Binder::reportUnknownFunction(const ast::Identifier& name) {
  std::vector<std::string> functions;
  for (const auto* f : program_.functions) functions.push_back(f->name.text);
  Diagnostic d = diag::UnknownFunction(name.span, name.text);
  if (auto best = closestMatch(name.text, functions)) d.withHelp(note::DidYouMean(*best)).withFix(note::ReplaceWith(*best), name.span, *best);
  out_.push_back(std::move(d));
}

// JW2116, with a did-you-mean among the declared resources only.
void Binder::reportUnknownResource(const ast::Identifier& name) {
  std::vector<std::string> resources;
  for (const auto* r : program_.resources) resources.push_back(r->name.text);
  Diagnostic d = diag::UnknownEventSource(name.span, name.text);
  if (auto best = closestMatch(name.text, resources)) d.withHelp(note::DidYouMean(*best)).withFix(note::ReplaceWith(*best), name.span, *best);
  out_.push_back(std::move(d));
}

void Binder::resolveType(const ast::TypeExpr& type) {
  switch (type.kind) {
    case ast::TypeKind::Named: {
      const auto& named = static_cast<const ast::NamedType&>(type);
      for (const auto& arg : named.args) resolveType(*arg);
      if (!named.name.valid()) return;
      const std::string& n = named.name.text;
      for (auto p : kPrimitiveTypes) {
        if (p == n) return;
      }
      if (program_.stdlibTypes.count(n)) return;
      const Symbol* s = program_.lookup(n);
      if (s != nullptr && s->kind == SymbolKind::Type) {
        reference(named.name.span, s);
        return;
      }
      std::vector<std::string> candidates(std::begin(kPrimitiveTypes), std::end(kPrimitiveTypes));
      for (const auto* t : program_.types) candidates.push_back(t->name.text);
      for (const auto& [name, decl] : program_.stdlibTypes) candidates.push_back(name);
      Diagnostic d = diag::UnknownType(named.name.span, n);
      auto best = foreignPrimitive(n);
      if (!best) best = closestMatch(n, candidates);
      if (best) d.withHelp(note::DidYouMean(*best)).withFix(note::ReplaceWith(*best), named.name.span, *best);
      out_.push_back(std::move(d));
      return;
    }
    case ast::TypeKind::Union:
      for (const auto& m : static_cast<const ast::UnionType&>(type).members) resolveType(*m);
      return;
    case ast::TypeKind::List: resolveType(*static_cast<const ast::ListType&>(type).element); return;
    case ast::TypeKind::Paren: resolveType(*static_cast<const ast::ParenType&>(type).inner); return;
    case ast::TypeKind::Record:
      for (const auto& f : static_cast<const ast::RecordType&>(type).fields) {
        resolveType(*f.type);
        if (f.defaultValue) resolveExpr(*f.defaultValue);
        resolveDecorators(f.decorators);
      }
      return;
    default: return;
  }
}

void Binder::resolveExpr(const ast::Expr& expr) {
  switch (expr.kind) {
    case ast::ExprKind::Name: {
      const auto& name = static_cast<const ast::NameExpr&>(expr);
      if (!name.name.valid()) return;
      const Symbol* s = program_.lookup(name.name.text);
      if (s == nullptr) {
        Diagnostic d = diag::UnknownName(name.name.span, name.name.text);
        if (auto best = closestMatch(name.name.text, program_.userNames())) {
          d.withHelp(note::DidYouMean(*best)).withFix(note::ReplaceWith(*best), name.name.span, *best);
        }
        out_.push_back(std::move(d));
        return;
      }
      program_.bindings_[&expr] = s;
      reference(name.name.span, s);
      return;
    }
    case ast::ExprKind::String:
      for (const auto& part : static_cast<const ast::StringLiteral&>(expr).parts) {
        if (part.expr) resolveExpr(*part.expr);
      }
      return;
    case ast::ExprKind::List:
      for (const auto& item : static_cast<const ast::ListLiteral&>(expr).items) resolveExpr(*item);
      return;
    case ast::ExprKind::Object:
      for (const auto& e : static_cast<const ast::ObjectLiteral&>(expr).entries) resolveExpr(*e.value);
      return;
    case ast::ExprKind::Member: resolveExpr(*static_cast<const ast::MemberExpr&>(expr).object); return;
    case ast::ExprKind::Call: {
      const auto& call = static_cast<const ast::CallExpr&>(expr);
      resolveExpr(*call.callee);
      // authorizer(fn) names a function: an unknown name there is an unknown
      // function (JW2106, suggesting functions), not an unknown value.
      const Symbol* callee = program_.binding(call.callee.get());
      if (program_.builtin(callee) == Builtin::Authorizer && call.args.size() == 1 &&
          call.args[0]->kind == ast::ExprKind::Name) {
        const auto& arg = static_cast<const ast::NameExpr&>(*call.args[0]);
        if (arg.name.valid() && program_.lookup(arg.name.text) == nullptr) {
          reportUnknownFunction(arg.name);
          return;
        }
      }
      // sqs(jobs), s3(uploads): an unknown first argument is an unknown
      // resource (JW2116, suggesting resources), not an unknown value.
      if (program_.builtin(callee) == Builtin::Event && !call.args.empty() && call.args[0]->kind == ast::ExprKind::Name) {
        const auto& arg = static_cast<const ast::NameExpr&>(*call.args[0]);
        const std::string& argument = program_.eventBuiltins().find(callee->name)->second.argument;
        if ((argument == "source" || argument == "bucket") && arg.name.valid() && program_.lookup(arg.name.text) == nullptr) {
          reportUnknownResource(arg.name);
          for (std::size_t i = 1; i < call.args.size(); ++i) resolveExpr(*call.args[i]);
          return;
        }
      }
      for (const auto& arg : call.args) resolveExpr(*arg);
      return;
    }
    case ast::ExprKind::Not: resolveExpr(*static_cast<const ast::NotExpr&>(expr).operand); return;
    case ast::ExprKind::Binary: {
      const auto& b = static_cast<const ast::BinaryExpr&>(expr);
      resolveExpr(*b.lhs);
      resolveExpr(*b.rhs);
      return;
    }
    case ast::ExprKind::Conditional: {
      const auto& c = static_cast<const ast::ConditionalExpr&>(expr);
      resolveExpr(*c.condition);
      resolveExpr(*c.whenTrue);
      resolveExpr(*c.whenFalse);
      return;
    }
    case ast::ExprKind::Paren: resolveExpr(*static_cast<const ast::ParenExpr&>(expr).inner); return;
    default: return;
  }
}

}  // namespace jaws::sema
