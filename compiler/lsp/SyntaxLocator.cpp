#include "lsp/SyntaxLocator.h"

namespace jaws::lsp {

namespace {

class Locator {
 public:
  explicit Locator(std::uint32_t offset) : offset_(offset) {}
  Located found;

  void unit(const ast::SourceUnit& unit) {
    for (const auto& import : unit.imports) {
      if (at(import.pathSpan)) {
        found.kind = Located::Kind::ImportPath;
        found.span = import.pathSpan;
        found.name = import.path;
        found.import = &import;
        return;
      }
    }
    for (const auto& decl : unit.decls) {
      if (!at(decl->span) && !at(decl->name.span)) continue;
      found.decl = decl.get();
      declaration(*decl);
      if (found.kind != Located::Kind::None) return;
    }
  }

 private:
  bool at(Span span) const { return span.valid() && span.contains(offset_); }

  bool identifier(const ast::Identifier& id, Located::Kind kind) {
    if (!id.valid() || !at(id.span)) return false;
    found.kind = kind;
    found.span = id.span;
    found.name = id.text;
    return true;
  }

  void declaration(const ast::Decl& decl) {
    if (identifier(decl.name, Located::Kind::DeclName)) return;
    decorators(decl.decorators);
    switch (decl.kind) {
      case ast::DeclKind::Project:
      case ast::DeclKind::Stage:
      case ast::DeclKind::Function:
      case ast::DeclKind::Resource: attributes(static_cast<const ast::BlockDecl&>(decl).attributes); return;
      case ast::DeclKind::Api: {
        const auto& api = static_cast<const ast::ApiDecl&>(decl);
        attributes(api.attributes);
        for (const auto& route : api.routes) {
          if (!at(route.span)) continue;
          found.route = &route;
          routeItems(route);
          return;
        }
        return;
      }
      case ast::DeclKind::Param: {
        const auto& p = static_cast<const ast::ParamDecl&>(decl);
        type(*p.type);
        if (p.defaultValue) expression(*p.defaultValue);
        return;
      }
      case ast::DeclKind::Let: expression(*static_cast<const ast::LetDecl&>(decl).value); return;
      case ast::DeclKind::Output: expression(*static_cast<const ast::OutputDecl&>(decl).value); return;
      case ast::DeclKind::Type: type(*static_cast<const ast::TypeDecl&>(decl).type); return;
    }
  }

  void routeItems(const ast::Route& route) {
    decorators(route.decorators);
    if (identifier(route.target, Located::Kind::RouteTarget)) return;
    for (const auto& p : route.parameters) {
      if (!at(p.span)) continue;
      type(*p.type);
      decorators(p.decorators);
    }
    for (const auto& b : route.bodies) {
      if (!at(b.span)) continue;
      type(*b.type);
      decorators(b.decorators);
    }
    for (const auto& r : route.responses) {
      if (!at(r.span)) continue;
      type(*r.type);
      decorators(r.decorators);
    }
    attributes(route.attributes);
  }

  void decorators(const std::vector<ast::Decorator>& list) {
    for (const auto& d : list) {
      if (!at(d.span)) continue;
      if (identifier(d.name, Located::Kind::Decorator)) return;
      for (const auto& arg : d.args) expression(*arg);
    }
  }

  void attributes(const std::vector<ast::Attribute>& list) {
    for (const auto& a : list) {
      if (!at(a.span) && !at(a.key.span)) continue;
      found.attribute = &a;
      found.keyPath = {a.key.text};
      if (at(a.key.span) && a.key.valid()) {
        found.kind = Located::Kind::AttributeKey;
        found.span = a.key.span;
        found.name = a.key.text;
        return;
      }
      expression(*a.value);
      return;
    }
  }

  void expression(const ast::Expr& expr) {
    if (!at(expr.span) || found.kind != Located::Kind::None) return;
    switch (expr.kind) {
      case ast::ExprKind::Name: {
        const auto& name = static_cast<const ast::NameExpr&>(expr);
        if (identifier(name.name, Located::Kind::Name)) found.expr = &expr;
        return;
      }
      case ast::ExprKind::Member: {
        const auto& member = static_cast<const ast::MemberExpr&>(expr);
        if (identifier(member.member, Located::Kind::Member)) {
          found.expr = &expr;
          return;
        }
        expression(*member.object);
        return;
      }
      case ast::ExprKind::Object:
        for (const auto& entry : static_cast<const ast::ObjectLiteral&>(expr).entries) {
          if (!at(entry.span) && !at(entry.key.span)) continue;
          found.keyPath.push_back(entry.key.text);
          if (at(entry.key.span)) {
            found.kind = Located::Kind::AttributeKey;
            found.span = entry.key.span;
            found.name = entry.key.text;
            return;
          }
          expression(*entry.value);
          return;
        }
        return;
      case ast::ExprKind::List:
        for (const auto& item : static_cast<const ast::ListLiteral&>(expr).items) expression(*item);
        return;
      case ast::ExprKind::String:
        for (const auto& part : static_cast<const ast::StringLiteral&>(expr).parts) {
          if (part.expr) expression(*part.expr);
        }
        return;
      case ast::ExprKind::Call: {
        const auto& call = static_cast<const ast::CallExpr&>(expr);
        expression(*call.callee);
        for (std::size_t i = 0; i < call.args.size(); ++i) {
          if (!at(call.args[i]->span) || found.kind != Located::Kind::None) continue;
          found.call = &call;
          found.callArgument = i;
          found.callKeys = found.keyPath.size();
          expression(*call.args[i]);
        }
        return;
      }
      case ast::ExprKind::Not: expression(*static_cast<const ast::NotExpr&>(expr).operand); return;
      case ast::ExprKind::Binary: {
        const auto& b = static_cast<const ast::BinaryExpr&>(expr);
        expression(*b.lhs);
        expression(*b.rhs);
        return;
      }
      case ast::ExprKind::Conditional: {
        const auto& c = static_cast<const ast::ConditionalExpr&>(expr);
        expression(*c.condition);
        expression(*c.whenTrue);
        expression(*c.whenFalse);
        return;
      }
      case ast::ExprKind::Paren: expression(*static_cast<const ast::ParenExpr&>(expr).inner); return;
      default: return;
    }
  }

  void type(const ast::TypeExpr& t) {
    if (!at(t.span) || found.kind != Located::Kind::None) return;
    switch (t.kind) {
      case ast::TypeKind::Named: {
        const auto& named = static_cast<const ast::NamedType&>(t);
        if (identifier(named.name, Located::Kind::TypeName)) return;
        for (const auto& arg : named.args) type(*arg);
        return;
      }
      case ast::TypeKind::Union:
        for (const auto& m : static_cast<const ast::UnionType&>(t).members) type(*m);
        return;
      case ast::TypeKind::List: type(*static_cast<const ast::ListType&>(t).element); return;
      case ast::TypeKind::Paren: type(*static_cast<const ast::ParenType&>(t).inner); return;
      case ast::TypeKind::Record:
        for (const auto& f : static_cast<const ast::RecordType&>(t).fields) {
          if (!at(f.span) && !at(f.name.span)) continue;
          if (identifier(f.name, Located::Kind::FieldName)) {
            found.field = &f;
            return;
          }
          type(*f.type);
          if (f.defaultValue) expression(*f.defaultValue);
          decorators(f.decorators);
          return;
        }
        return;
      default: return;
    }
  }

  std::uint32_t offset_;
};

}  // namespace

Located locate(const ast::SourceUnit& unit, std::uint32_t offset) {
  Locator locator(offset);
  locator.unit(unit);
  return locator.found;
}

}  // namespace jaws::lsp
