// Stage-independent checks of the user's declarations: decorators (via
// DecoratorChecks), duplicate record fields (JW3013) and duplicate route
// items (JW3020). The standard library is not checked here; its own tests
// keep it clean, and it alone may use @deployTime.
#include "sema/DeclarationChecker.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "diag/Builders.h"
#include "sema/DecoratorChecks.h"

namespace jaws::sema {

namespace {

class Checker {
 public:
  Checker(TypeResolver& types, Diagnostics& out) : types_(types), out_(out) {}

  void declaration(const ast::Decl& decl) {
    switch (decl.kind) {
      case ast::DeclKind::Param: {
        const auto& param = static_cast<const ast::ParamDecl&>(decl);
        checkDecorators(decl.decorators, DecoratorPlace::Param, types_.resolve(*param.type).get(), out_);
        records(*param.type);
        return;
      }
      case ast::DeclKind::Type: {
        checkDecorators(decl.decorators, DecoratorPlace::Declaration, nullptr, out_);
        records(*static_cast<const ast::TypeDecl&>(decl).type);
        return;
      }
      case ast::DeclKind::Output: checkDecorators(decl.decorators, DecoratorPlace::Output, nullptr, out_); return;
      case ast::DeclKind::Resource: checkDecorators(decl.decorators, DecoratorPlace::Resource, nullptr, out_); return;
      case ast::DeclKind::Function: checkDecorators(decl.decorators, DecoratorPlace::Function, nullptr, out_); return;
      case ast::DeclKind::Api:
        checkDecorators(decl.decorators, DecoratorPlace::Api, nullptr, out_);
        for (const auto& route : static_cast<const ast::ApiDecl&>(decl).routes) this->route(route);
        return;
      default: checkDecorators(decl.decorators, DecoratorPlace::Declaration, nullptr, out_); return;
    }
  }

 private:
  // Every record type inside a type expression: its fields' decorators and
  // duplicate names.
  void records(const ast::TypeExpr& type) {
    switch (type.kind) {
      case ast::TypeKind::Record: {
        std::map<std::string, Span> seen;
        for (const auto& f : static_cast<const ast::RecordType&>(type).fields) {
          if (f.name.valid()) {
            if (auto [it, inserted] = seen.emplace(f.name.text, f.name.span); !inserted) {
              out_.push_back(diag::DuplicateAttribute(f.name.span, f.name.text).note(it->second, note::FirstDeclaredHere()));
            }
          }
          checkDecorators(f.decorators, DecoratorPlace::Field, types_.resolve(*f.type).get(), out_);
          records(*f.type);
        }
        return;
      }
      case ast::TypeKind::Union:
        for (const auto& m : static_cast<const ast::UnionType&>(type).members) records(*m);
        return;
      case ast::TypeKind::List: records(*static_cast<const ast::ListType&>(type).element); return;
      case ast::TypeKind::Paren: records(*static_cast<const ast::ParenType&>(type).inner); return;
      case ast::TypeKind::Named:
        for (const auto& arg : static_cast<const ast::NamedType&>(type).args) records(*arg);
        return;
      default: return;
    }
  }

  void typedItem(const std::vector<ast::Decorator>& decorators, const ast::TypeExpr& type) {
    checkDecorators(decorators, DecoratorPlace::RouteItem, types_.resolve(type).get(), out_);
    records(type);
  }

  void route(const ast::Route& route) {
    checkDecorators(route.decorators, DecoratorPlace::Route, nullptr, out_);
    std::map<std::string, Span> seen;
    auto once = [&](const std::string& key, Span at, const std::string& what) {
      if (auto [it, inserted] = seen.emplace(key, at); !inserted) {
        out_.push_back(diag::DuplicateBody(at, what).note(it->second, note::FirstDeclaredHere()));
      }
    };
    for (const auto& p : route.parameters) {
      typedItem(p.decorators, *p.type);
      if (!p.name.valid()) continue;
      const std::string where = ast::paramLocationText(p.where);
      // Header names are case-insensitive in HTTP.
      std::string name = p.name.text;
      if (p.where == ast::ParamLocation::Header) {
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
      }
      once(where + " " + name, p.span, "`" + where + " " + p.name.text + "`");
    }
    for (const auto& b : route.bodies) {
      typedItem(b.decorators, *b.type);
      once("body", b.span, "body");
    }
    for (const auto& r : route.responses) {
      typedItem(r.decorators, *r.type);
      const std::string status = std::to_string(r.status.value_or(200));
      once("returns " + status, r.span, "`returns " + status + "`");
    }
  }

  TypeResolver& types_;
  Diagnostics& out_;
};

}  // namespace

void checkDeclarations(const Program& program, TypeResolver& types, Diagnostics& out) {
  Checker checker(types, out);
  if (program.project != nullptr) checker.declaration(*program.project);
  for (const auto* d : program.stages) checker.declaration(*d);
  for (const auto* d : program.params) checker.declaration(*d);
  for (const auto* d : program.lets) checker.declaration(*d);
  for (const auto* d : program.types) checker.declaration(*d);
  for (const auto* d : program.functions) checker.declaration(*d);
  for (const auto* d : program.apis) checker.declaration(*d);
  for (const auto* d : program.resources) checker.declaration(*d);
  for (const auto* d : program.outputs) checker.declaration(*d);
}

}  // namespace jaws::sema
