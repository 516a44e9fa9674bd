// Writes a syntax tree in the form AstBinaryReader.cpp reads (AstBinary.h).
// Integers are LEB128 varints (signed ones zigzagged), strings a length and
// their bytes, optional children a kind byte of kAbsent. The field order here
// and in the reader is the format: change both and kAstBinaryVersion together.
#include <cstring>

#include "syntax/AstBinary.h"
#include "syntax/AstBinaryTags.h"

namespace jaws::ast {

namespace {

class Writer {
 public:
  Writer(FileId file, std::string& out) : file_(file), out_(out) {}

  bool run(const SourceUnit& unit) {
    count(kAstBinaryVersion);
    count(unit.imports.size());
    for (const auto& import : unit.imports) {
      text(import.path);
      flag(import.interpolated);
      span(import.pathSpan);
      span(import.span);
    }
    count(unit.decls.size());
    for (const auto& d : unit.decls) decl(*d);
    count(unit.comments.size());
    for (const auto& c : unit.comments) {
      byte(static_cast<std::uint8_t>(c.kind));
      span(c.span);
    }
    flag(unit.complete);
    return ok_;
  }

 private:
  void byte(std::uint8_t b) { out_.push_back(static_cast<char>(b)); }
  void flag(bool b) { byte(b ? 1 : 0); }
  void count(std::uint64_t v) {
    while (v >= 0x80) {
      byte(static_cast<std::uint8_t>(v | 0x80));
      v >>= 7;
    }
    byte(static_cast<std::uint8_t>(v));
  }
  void integer(std::int64_t v) { count((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63)); }
  void decimal(double v) {
    std::uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    for (int i = 0; i < 8; ++i) byte(static_cast<std::uint8_t>(bits >> (8 * i)));
  }
  void text(const std::string& s) {
    count(s.size());
    out_ += s;
  }
  void span(Span s) {
    if (s.file != kNoFile && s.file != file_) ok_ = false;
    flag(s.file != kNoFile);
    count(s.begin);
    count(s.end);
  }
  void identifier(const Identifier& id) {
    text(id.text);
    span(id.span);
  }
  void decorators(const std::vector<Decorator>& list) {
    count(list.size());
    for (const auto& d : list) {
      identifier(d.name);
      exprs(d.args);
      flag(d.hasParens);
      span(d.span);
    }
  }
  void attributes(const std::vector<Attribute>& list) {
    count(list.size());
    for (const auto& a : list) {
      identifier(a.key);
      flag(a.quotedKey);
      expr(a.value.get());
      text(a.doc);
      span(a.span);
    }
  }
  void exprs(const std::vector<ExprPtr>& list) {
    count(list.size());
    for (const auto& e : list) expr(e.get());
  }
  void types(const std::vector<TypePtr>& list) {
    count(list.size());
    for (const auto& t : list) type(t.get());
  }

  void expr(const Expr* e) {
    if (!e) return byte(kAbsent);
    byte(static_cast<std::uint8_t>(e->kind));
    span(e->span);
    switch (e->kind) {
      case ExprKind::Error:
      case ExprKind::Null: break;
      case ExprKind::Int: integer(static_cast<const IntLiteral*>(e)->value); break;
      case ExprKind::Decimal: decimal(static_cast<const DecimalLiteral*>(e)->value); break;
      case ExprKind::Size: integer(static_cast<const SizeLiteral*>(e)->bytes); break;
      case ExprKind::Duration: integer(static_cast<const DurationLiteral*>(e)->milliseconds); break;
      case ExprKind::Bool: flag(static_cast<const BoolLiteral*>(e)->value); break;
      case ExprKind::String: {
        const auto* s = static_cast<const StringLiteral*>(e);
        flag(s->terminated);
        count(s->parts.size());
        for (const auto& part : s->parts) {
          text(part.text);
          expr(part.expr.get());
          span(part.span);
        }
        break;
      }
      case ExprKind::List: exprs(static_cast<const ListLiteral*>(e)->items); break;
      case ExprKind::Object: {
        const auto& entries = static_cast<const ObjectLiteral*>(e)->entries;
        count(entries.size());
        for (const auto& entry : entries) {
          identifier(entry.key);
          flag(entry.quotedKey);
          expr(entry.value.get());
          span(entry.span);
        }
        break;
      }
      case ExprKind::Name: identifier(static_cast<const NameExpr*>(e)->name); break;
      case ExprKind::Member: {
        const auto* m = static_cast<const MemberExpr*>(e);
        expr(m->object.get());
        identifier(m->member);
        break;
      }
      case ExprKind::Call: {
        const auto* c = static_cast<const CallExpr*>(e);
        expr(c->callee.get());
        exprs(c->args);
        break;
      }
      case ExprKind::Not: expr(static_cast<const NotExpr*>(e)->operand.get()); break;
      case ExprKind::Binary: {
        const auto* b = static_cast<const BinaryExpr*>(e);
        byte(static_cast<std::uint8_t>(b->op));
        expr(b->lhs.get());
        expr(b->rhs.get());
        break;
      }
      case ExprKind::Conditional: {
        const auto* c = static_cast<const ConditionalExpr*>(e);
        expr(c->condition.get());
        expr(c->whenTrue.get());
        expr(c->whenFalse.get());
        break;
      }
      case ExprKind::Paren: expr(static_cast<const ParenExpr*>(e)->inner.get()); break;
    }
  }

  void type(const TypeExpr* t) {
    if (!t) return byte(kAbsent);
    byte(static_cast<std::uint8_t>(t->kind));
    span(t->span);
    switch (t->kind) {
      case TypeKind::Error: break;
      case TypeKind::Named: {
        const auto* n = static_cast<const NamedType*>(t);
        identifier(n->name);
        types(n->args);
        flag(n->hasArgs);
        break;
      }
      case TypeKind::StringLiteral: text(static_cast<const StringLiteralType*>(t)->value); break;
      case TypeKind::IntLiteral: integer(static_cast<const IntLiteralType*>(t)->value); break;
      case TypeKind::BoolLiteral: flag(static_cast<const BoolLiteralType*>(t)->value); break;
      case TypeKind::Union: types(static_cast<const UnionType*>(t)->members); break;
      case TypeKind::List: type(static_cast<const ListType*>(t)->element.get()); break;
      case TypeKind::Paren: type(static_cast<const ParenType*>(t)->inner.get()); break;
      case TypeKind::Record: {
        const auto& fields = static_cast<const RecordType*>(t)->fields;
        count(fields.size());
        for (const auto& f : fields) {
          identifier(f.name);
          flag(f.optional);
          type(f.type.get());
          expr(f.defaultValue.get());
          decorators(f.decorators);
          text(f.doc);
          span(f.span);
        }
        break;
      }
    }
  }

  void route(const Route& r) {
    decorators(r.decorators);
    text(r.doc);
    byte(r.method ? static_cast<std::uint8_t>(*r.method) : kAbsent);
    identifier(r.methodName);
    text(r.path.text);
    count(r.path.segments.size());
    for (const auto& s : r.path.segments) {
      byte(static_cast<std::uint8_t>(s.kind));
      text(s.text);
      span(s.span);
    }
    span(r.path.span);
    flag(r.path.valid);
    identifier(r.target);
    count(r.parameters.size());
    for (const auto& p : r.parameters) {
      byte(static_cast<std::uint8_t>(p.where));
      identifier(p.name);
      flag(p.optional);
      type(p.type.get());
      decorators(p.decorators);
      text(p.doc);
      span(p.span);
    }
    count(r.bodies.size());
    for (const auto& b : r.bodies) {
      type(b.type.get());
      decorators(b.decorators);
      span(b.span);
    }
    count(r.responses.size());
    for (const auto& response : r.responses) {
      flag(response.status.has_value());
      if (response.status) integer(*response.status);
      span(response.statusSpan);
      type(response.type.get());
      decorators(response.decorators);
      text(response.doc);
      span(response.span);
    }
    attributes(r.attributes);
    flag(r.hasBraces);
    span(r.span);
  }

  void decl(const Decl& d) {
    byte(static_cast<std::uint8_t>(d.kind));
    identifier(d.name);
    decorators(d.decorators);
    text(d.doc);
    span(d.span);
    span(d.keywordSpan);
    switch (d.kind) {
      case DeclKind::Project:
      case DeclKind::Stage:
      case DeclKind::Function:
      case DeclKind::Api:
      case DeclKind::Resource: {
        const auto& block = static_cast<const BlockDecl&>(d);
        attributes(block.attributes);
        span(block.bodySpan);
        if (d.kind == DeclKind::Api) {
          const auto& routes = static_cast<const ApiDecl&>(d).routes;
          count(routes.size());
          for (const auto& r : routes) route(r);
        } else if (d.kind == DeclKind::Resource) {
          const auto& resource = static_cast<const ResourceDecl&>(d);
          text(resource.resourceType);
          span(resource.resourceTypeSpan);
        }
        break;
      }
      case DeclKind::Param: {
        const auto& p = static_cast<const ParamDecl&>(d);
        type(p.type.get());
        expr(p.defaultValue.get());
        break;
      }
      case DeclKind::Let: expr(static_cast<const LetDecl&>(d).value.get()); break;
      case DeclKind::Output: expr(static_cast<const OutputDecl&>(d).value.get()); break;
      case DeclKind::Type: {
        const auto& t = static_cast<const TypeDecl&>(d);
        type(t.type.get());
        flag(t.isAlias);
        break;
      }
    }
  }

  FileId file_;
  std::string& out_;
  bool ok_ = true;
};

}  // namespace

bool writeBinary(const SourceUnit& unit, std::string& out) { return Writer(unit.file, out).run(unit); }

}  // namespace jaws::ast
