#include "AstEquality.h"

#include <bit>
#include <cstring>

namespace jaws::test {

namespace {

using namespace ast;

class Comparer {
 public:
  std::string difference;

  void unit(const SourceUnit& a, const SourceUnit& b) {
    same(a.file == b.file, "file");
    list(a.imports, b.imports, "imports", [&](const ImportDecl& x, const ImportDecl& y, const std::string& at) {
      same(x.path == y.path && x.interpolated == y.interpolated && x.pathSpan == y.pathSpan && x.span == y.span, at);
    });
    list(a.decls, b.decls, "decls", [&](const DeclPtr& x, const DeclPtr& y, const std::string& at) { decl(*x, *y, at); });
    list(a.comments, b.comments, "comments", [&](const Comment& x, const Comment& y, const std::string& at) {
      same(x.kind == y.kind && x.span == y.span, at);
    });
    same(a.complete == b.complete, "complete");
  }

 private:
  void same(bool equal, const std::string& at) {
    if (!equal && difference.empty()) difference = at;
  }
  template <typename T, typename Each>
  void list(const std::vector<T>& a, const std::vector<T>& b, const std::string& at, Each each) {
    same(a.size() == b.size(), at + ".size");
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) each(a[i], b[i], at + "[" + std::to_string(i) + "]");
  }
  void id(const Identifier& a, const Identifier& b, const std::string& at) { same(a.text == b.text && a.span == b.span, at); }
  void decorators(const std::vector<Decorator>& a, const std::vector<Decorator>& b, const std::string& at) {
    list(a, b, at, [&](const Decorator& x, const Decorator& y, const std::string& here) {
      id(x.name, y.name, here + ".name");
      exprs(x.args, y.args, here + ".args");
      same(x.hasParens == y.hasParens && x.span == y.span, here);
    });
  }
  void attributes(const std::vector<Attribute>& a, const std::vector<Attribute>& b, const std::string& at) {
    list(a, b, at, [&](const Attribute& x, const Attribute& y, const std::string& here) {
      id(x.key, y.key, here + ".key");
      expr(x.value.get(), y.value.get(), here + ".value");
      same(x.quotedKey == y.quotedKey && x.doc == y.doc && x.span == y.span, here);
    });
  }
  void exprs(const std::vector<ExprPtr>& a, const std::vector<ExprPtr>& b, const std::string& at) {
    list(a, b, at, [&](const ExprPtr& x, const ExprPtr& y, const std::string& here) { expr(x.get(), y.get(), here); });
  }
  void types(const std::vector<TypePtr>& a, const std::vector<TypePtr>& b, const std::string& at) {
    list(a, b, at, [&](const TypePtr& x, const TypePtr& y, const std::string& here) { type(x.get(), y.get(), here); });
  }

  void expr(const Expr* a, const Expr* b, const std::string& at) {
    same((a == nullptr) == (b == nullptr), at + ".present");
    if (!a || !b) return;
    same(a->kind == b->kind && a->span == b->span, at);
    if (a->kind != b->kind) return;
    switch (a->kind) {
      case ExprKind::Error:
      case ExprKind::Null: break;
      case ExprKind::Int: same(as<IntLiteral>(a).value == as<IntLiteral>(b).value, at); break;
      case ExprKind::Decimal:
        same(std::bit_cast<std::uint64_t>(as<DecimalLiteral>(a).value) == std::bit_cast<std::uint64_t>(as<DecimalLiteral>(b).value), at);
        break;
      case ExprKind::Size: same(as<SizeLiteral>(a).bytes == as<SizeLiteral>(b).bytes, at); break;
      case ExprKind::Duration: same(as<DurationLiteral>(a).milliseconds == as<DurationLiteral>(b).milliseconds, at); break;
      case ExprKind::Bool: same(as<BoolLiteral>(a).value == as<BoolLiteral>(b).value, at); break;
      case ExprKind::String: {
        const auto &x = as<StringLiteral>(a), &y = as<StringLiteral>(b);
        same(x.terminated == y.terminated, at + ".terminated");
        list(x.parts, y.parts, at + ".parts", [&](const StringPart& p, const StringPart& q, const std::string& here) {
          same(p.text == q.text && p.span == q.span, here);
          expr(p.expr.get(), q.expr.get(), here + ".expr");
        });
        break;
      }
      case ExprKind::List: exprs(as<ListLiteral>(a).items, as<ListLiteral>(b).items, at + ".items"); break;
      case ExprKind::Object:
        list(as<ObjectLiteral>(a).entries, as<ObjectLiteral>(b).entries, at + ".entries",
             [&](const ObjectEntry& p, const ObjectEntry& q, const std::string& here) {
               id(p.key, q.key, here + ".key");
               expr(p.value.get(), q.value.get(), here + ".value");
               same(p.quotedKey == q.quotedKey && p.span == q.span, here);
             });
        break;
      case ExprKind::Name: id(as<NameExpr>(a).name, as<NameExpr>(b).name, at + ".name"); break;
      case ExprKind::Member:
        expr(as<MemberExpr>(a).object.get(), as<MemberExpr>(b).object.get(), at + ".object");
        id(as<MemberExpr>(a).member, as<MemberExpr>(b).member, at + ".member");
        break;
      case ExprKind::Call:
        expr(as<CallExpr>(a).callee.get(), as<CallExpr>(b).callee.get(), at + ".callee");
        exprs(as<CallExpr>(a).args, as<CallExpr>(b).args, at + ".args");
        break;
      case ExprKind::Not: expr(as<NotExpr>(a).operand.get(), as<NotExpr>(b).operand.get(), at + ".operand"); break;
      case ExprKind::Binary: {
        const auto &x = as<BinaryExpr>(a), &y = as<BinaryExpr>(b);
        same(x.op == y.op, at + ".op");
        expr(x.lhs.get(), y.lhs.get(), at + ".lhs");
        expr(x.rhs.get(), y.rhs.get(), at + ".rhs");
        break;
      }
      case ExprKind::Conditional: {
        const auto &x = as<ConditionalExpr>(a), &y = as<ConditionalExpr>(b);
        expr(x.condition.get(), y.condition.get(), at + ".condition");
        expr(x.whenTrue.get(), y.whenTrue.get(), at + ".whenTrue");
        expr(x.whenFalse.get(), y.whenFalse.get(), at + ".whenFalse");
        break;
      }
      case ExprKind::Paren: expr(as<ParenExpr>(a).inner.get(), as<ParenExpr>(b).inner.get(), at + ".inner"); break;
    }
  }

  void type(const TypeExpr* a, const TypeExpr* b, const std::string& at) {
    same((a == nullptr) == (b == nullptr), at + ".present");
    if (!a || !b) return;
    same(a->kind == b->kind && a->span == b->span, at);
    if (a->kind != b->kind) return;
    switch (a->kind) {
      case TypeKind::Error: break;
      case TypeKind::Named:
        id(as<NamedType>(a).name, as<NamedType>(b).name, at + ".name");
        types(as<NamedType>(a).args, as<NamedType>(b).args, at + ".args");
        same(as<NamedType>(a).hasArgs == as<NamedType>(b).hasArgs, at + ".hasArgs");
        break;
      case TypeKind::StringLiteral: same(as<StringLiteralType>(a).value == as<StringLiteralType>(b).value, at); break;
      case TypeKind::IntLiteral: same(as<IntLiteralType>(a).value == as<IntLiteralType>(b).value, at); break;
      case TypeKind::BoolLiteral: same(as<BoolLiteralType>(a).value == as<BoolLiteralType>(b).value, at); break;
      case TypeKind::Union: types(as<UnionType>(a).members, as<UnionType>(b).members, at + ".members"); break;
      case TypeKind::List: type(as<ListType>(a).element.get(), as<ListType>(b).element.get(), at + ".element"); break;
      case TypeKind::Paren: type(as<ParenType>(a).inner.get(), as<ParenType>(b).inner.get(), at + ".inner"); break;
      case TypeKind::Record:
        list(as<RecordType>(a).fields, as<RecordType>(b).fields, at + ".fields",
             [&](const Field& x, const Field& y, const std::string& here) {
               id(x.name, y.name, here + ".name");
               type(x.type.get(), y.type.get(), here + ".type");
               expr(x.defaultValue.get(), y.defaultValue.get(), here + ".defaultValue");
               decorators(x.decorators, y.decorators, here + ".decorators");
               same(x.optional == y.optional && x.doc == y.doc && x.span == y.span, here);
             });
        break;
    }
  }

  void route(const Route& a, const Route& b, const std::string& at) {
    decorators(a.decorators, b.decorators, at + ".decorators");
    same(a.doc == b.doc && a.method == b.method && a.hasBraces == b.hasBraces && a.span == b.span, at);
    id(a.methodName, b.methodName, at + ".methodName");
    same(a.path.text == b.path.text && a.path.span == b.path.span && a.path.valid == b.path.valid, at + ".path");
    list(a.path.segments, b.path.segments, at + ".path.segments",
         [&](const PathSegment& x, const PathSegment& y, const std::string& here) {
           same(x.kind == y.kind && x.text == y.text && x.span == y.span, here);
         });
    id(a.target, b.target, at + ".target");
    list(a.parameters, b.parameters, at + ".parameters",
         [&](const RouteParameter& x, const RouteParameter& y, const std::string& here) {
           id(x.name, y.name, here + ".name");
           type(x.type.get(), y.type.get(), here + ".type");
           decorators(x.decorators, y.decorators, here + ".decorators");
           same(x.where == y.where && x.optional == y.optional && x.doc == y.doc && x.span == y.span, here);
         });
    list(a.bodies, b.bodies, at + ".bodies", [&](const RouteBody& x, const RouteBody& y, const std::string& here) {
      type(x.type.get(), y.type.get(), here + ".type");
      decorators(x.decorators, y.decorators, here + ".decorators");
      same(x.span == y.span, here);
    });
    list(a.responses, b.responses, at + ".responses",
         [&](const RouteResponse& x, const RouteResponse& y, const std::string& here) {
           type(x.type.get(), y.type.get(), here + ".type");
           decorators(x.decorators, y.decorators, here + ".decorators");
           same(x.status == y.status && x.statusSpan == y.statusSpan && x.doc == y.doc && x.span == y.span, here);
         });
    attributes(a.attributes, b.attributes, at + ".attributes");
  }

  void decl(const Decl& a, const Decl& b, const std::string& at) {
    same(a.kind == b.kind && a.doc == b.doc && a.span == b.span && a.keywordSpan == b.keywordSpan, at);
    id(a.name, b.name, at + ".name");
    decorators(a.decorators, b.decorators, at + ".decorators");
    if (a.kind != b.kind) return;
    switch (a.kind) {
      case DeclKind::Project:
      case DeclKind::Stage:
      case DeclKind::Function:
      case DeclKind::Api:
      case DeclKind::Resource: {
        const auto &x = static_cast<const BlockDecl&>(a), &y = static_cast<const BlockDecl&>(b);
        attributes(x.attributes, y.attributes, at + ".attributes");
        same(x.bodySpan == y.bodySpan, at + ".bodySpan");
        if (a.kind == DeclKind::Api) {
          list(static_cast<const ApiDecl&>(a).routes, static_cast<const ApiDecl&>(b).routes, at + ".routes",
               [&](const Route& p, const Route& q, const std::string& here) { route(p, q, here); });
        }
        if (a.kind == DeclKind::Resource) {
          const auto &p = static_cast<const ResourceDecl&>(a), &q = static_cast<const ResourceDecl&>(b);
          same(p.resourceType == q.resourceType && p.resourceTypeSpan == q.resourceTypeSpan, at + ".resourceType");
        }
        break;
      }
      case DeclKind::Param: {
        const auto &x = static_cast<const ParamDecl&>(a), &y = static_cast<const ParamDecl&>(b);
        type(x.type.get(), y.type.get(), at + ".type");
        expr(x.defaultValue.get(), y.defaultValue.get(), at + ".defaultValue");
        break;
      }
      case DeclKind::Let: expr(static_cast<const LetDecl&>(a).value.get(), static_cast<const LetDecl&>(b).value.get(), at + ".value"); break;
      case DeclKind::Output:
        expr(static_cast<const OutputDecl&>(a).value.get(), static_cast<const OutputDecl&>(b).value.get(), at + ".value");
        break;
      case DeclKind::Type: {
        const auto &x = static_cast<const TypeDecl&>(a), &y = static_cast<const TypeDecl&>(b);
        type(x.type.get(), y.type.get(), at + ".type");
        same(x.isAlias == y.isAlias, at + ".isAlias");
        break;
      }
    }
  }

  template <typename T, typename Base>
  static const T& as(const Base* node) {
    return static_cast<const T&>(*node);
  }
};

}  // namespace

std::string firstAstDifference(const ast::SourceUnit& a, const ast::SourceUnit& b) {
  Comparer comparer;
  comparer.unit(a, b);
  return comparer.difference;
}

}  // namespace jaws::test
