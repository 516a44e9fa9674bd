#include "syntax/ItemExtent.h"

namespace jaws::syntax {

namespace {

// Descends from the file through the one node on each level that holds the
// offset; the first node that begins at it is the outermost. Siblings never
// overlap, so the walk visits one path of the tree.
class ItemFinder {
 public:
  explicit ItemFinder(std::uint32_t offset) : offset_(offset) {}
  std::optional<std::uint32_t> end;

  void unit(const ast::SourceUnit& unit) {
    for (const auto& import : unit.imports) {
      if (enter(import.span)) return;
    }
    for (const auto& decl : unit.decls) {
      if (enter(decl->span)) return declaration(*decl);
    }
  }

 private:
  // Whether the offset is in `span`; records the end when `span` begins there
  // (then nothing below it needs a look: `done()` turns true).
  bool enter(Span span) {
    if (done() || !span.valid() || offset_ < span.begin || offset_ >= span.end) return false;
    if (span.begin == offset_) end = span.end;
    return true;
  }
  bool done() const { return end.has_value(); }

  void declaration(const ast::Decl& decl) {
    if (done()) return;
    decorators(decl.decorators);
    switch (decl.kind) {
      case ast::DeclKind::Project:
      case ast::DeclKind::Stage:
      case ast::DeclKind::Function:
      case ast::DeclKind::Resource: return attributes(static_cast<const ast::BlockDecl&>(decl).attributes);
      case ast::DeclKind::Api: {
        const auto& api = static_cast<const ast::ApiDecl&>(decl);
        attributes(api.attributes);
        for (const auto& route : api.routes) {
          if (enter(route.span)) return routeItems(route);
        }
        return;
      }
      case ast::DeclKind::Param: {
        const auto& param = static_cast<const ast::ParamDecl&>(decl);
        type(param.type.get());
        return expression(param.defaultValue.get());
      }
      case ast::DeclKind::Let: return expression(static_cast<const ast::LetDecl&>(decl).value.get());
      case ast::DeclKind::Output: return expression(static_cast<const ast::OutputDecl&>(decl).value.get());
      case ast::DeclKind::Type: return type(static_cast<const ast::TypeDecl&>(decl).type.get());
    }
  }

  void routeItems(const ast::Route& route) {
    if (done()) return;
    decorators(route.decorators);
    for (const auto& p : route.parameters) {
      if (enter(p.span)) return typed(p.type.get(), p.decorators);
    }
    for (const auto& b : route.bodies) {
      if (enter(b.span)) return typed(b.type.get(), b.decorators);
    }
    for (const auto& r : route.responses) {
      if (enter(r.span)) return typed(r.type.get(), r.decorators);
    }
    attributes(route.attributes);
  }

  void typed(const ast::TypeExpr* t, const std::vector<ast::Decorator>& list) {
    if (done()) return;
    type(t);
    decorators(list);
  }

  void decorators(const std::vector<ast::Decorator>& list) {
    for (const auto& d : list) {
      if (enter(d.span)) return expressions(d.args);
    }
  }

  void attributes(const std::vector<ast::Attribute>& list) {
    for (const auto& a : list) {
      if (enter(a.span)) return expression(a.value.get());
    }
  }

  void expressions(const std::vector<ast::ExprPtr>& list) {
    for (const auto& e : list) {
      if (done()) return;
      expression(e.get());
    }
  }

  void expression(const ast::Expr* e) {
    if (e == nullptr || !enter(e->span) || done()) return;
    switch (e->kind) {
      case ast::ExprKind::List: return expressions(static_cast<const ast::ListLiteral&>(*e).items);
      case ast::ExprKind::Object:
        for (const auto& entry : static_cast<const ast::ObjectLiteral&>(*e).entries) {
          if (enter(entry.span)) return expression(entry.value.get());
        }
        return;
      case ast::ExprKind::String:
        for (const auto& part : static_cast<const ast::StringLiteral&>(*e).parts) {
          if (part.isInterpolation()) expression(part.expr.get());
        }
        return;
      case ast::ExprKind::Member: return expression(static_cast<const ast::MemberExpr&>(*e).object.get());
      case ast::ExprKind::Call: {
        const auto& call = static_cast<const ast::CallExpr&>(*e);
        expression(call.callee.get());
        return expressions(call.args);
      }
      case ast::ExprKind::Not: return expression(static_cast<const ast::NotExpr&>(*e).operand.get());
      case ast::ExprKind::Binary: {
        const auto& binary = static_cast<const ast::BinaryExpr&>(*e);
        expression(binary.lhs.get());
        return expression(binary.rhs.get());
      }
      case ast::ExprKind::Conditional: {
        const auto& conditional = static_cast<const ast::ConditionalExpr&>(*e);
        expression(conditional.condition.get());
        expression(conditional.whenTrue.get());
        return expression(conditional.whenFalse.get());
      }
      case ast::ExprKind::Paren: return expression(static_cast<const ast::ParenExpr&>(*e).inner.get());
      default: return;
    }
  }

  void type(const ast::TypeExpr* t) {
    if (t == nullptr || !enter(t->span) || done()) return;
    switch (t->kind) {
      case ast::TypeKind::Named:
        for (const auto& arg : static_cast<const ast::NamedType&>(*t).args) type(arg.get());
        return;
      case ast::TypeKind::Union:
        for (const auto& member : static_cast<const ast::UnionType&>(*t).members) type(member.get());
        return;
      case ast::TypeKind::List: return type(static_cast<const ast::ListType&>(*t).element.get());
      case ast::TypeKind::Record:
        for (const auto& field : static_cast<const ast::RecordType&>(*t).fields) {
          if (!enter(field.span)) continue;
          type(field.type.get());
          expression(field.defaultValue.get());
          return decorators(field.decorators);
        }
        return;
      case ast::TypeKind::Paren: return type(static_cast<const ast::ParenType&>(*t).inner.get());
      default: return;
    }
  }

  std::uint32_t offset_;
};

}  // namespace

std::optional<std::uint32_t> itemEndAt(const ast::SourceUnit& unit, std::uint32_t offset) {
  ItemFinder finder(offset);
  finder.unit(unit);
  return finder.end;
}

}  // namespace jaws::syntax
