#include "syntax/AstDump.h"

#include <fmt/format.h>

namespace jaws::ast {

namespace {

class Dumper {
 public:
  Dumper(const SourceFile& file, bool spans) : file_(file), spans_(spans) {}

  std::string run(const SourceUnit& unit) {
    for (const auto& import : unit.imports) line(0, import.span, fmt::format("Import \"{}\"", escape(import.path)));
    for (const auto& decl : unit.decls) dumpDecl(*decl);
    line(0, Span{}, fmt::format("Comments {}", unit.comments.size()));
    return std::move(out_);
  }

 private:
  static std::string escape(std::string_view text) {
    std::string out;
    for (char c : text) {
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default: out += c;
      }
    }
    return out;
  }

  std::string where(Span span) const {
    if (!spans_ || !span.valid()) return "";
    const LineColumn a = file_.lineColumn(span.begin), b = file_.lineColumn(span.end);
    return fmt::format(" @{}:{}-{}:{}", a.line, a.column, b.line, b.column);
  }

  void line(int depth, Span span, const std::string& text) {
    out_ += std::string(static_cast<std::size_t>(depth) * 2, ' ') + text + where(span) + "\n";
  }

  static std::string name(const Identifier& id) { return id.valid() ? id.text : "<missing>"; }

  void dumpDecorators(int depth, const std::vector<Decorator>& decorators) {
    for (const auto& d : decorators) {
      line(depth, d.span, "Decorator @" + name(d.name) + (d.hasParens ? "()" : ""));
      for (const auto& arg : d.args) dumpExpr(depth + 1, *arg);
    }
  }

  void dumpDoc(int depth, const std::string& doc) {
    if (!doc.empty()) line(depth, Span{}, "Doc \"" + escape(doc) + "\"");
  }

  void dumpAttributes(int depth, const std::vector<Attribute>& attributes) {
    for (const auto& a : attributes) {
      line(depth, a.span, fmt::format("Attribute {}{}", a.quotedKey ? "\"" + escape(a.key.text) + "\"" : name(a.key), ""));
      dumpDoc(depth + 1, a.doc);
      dumpExpr(depth + 1, *a.value);
    }
  }

  void dumpDecl(const Decl& decl) {
    std::string head = fmt::format("{} {}", declKindKeyword(decl.kind), name(decl.name));
    if (decl.kind == DeclKind::Resource) head += " : \"" + escape(static_cast<const ResourceDecl&>(decl).resourceType) + "\"";
    line(0, decl.span, head);
    dumpDoc(1, decl.doc);
    dumpDecorators(1, decl.decorators);
    switch (decl.kind) {
      case DeclKind::Project:
      case DeclKind::Stage:
      case DeclKind::Function:
      case DeclKind::Resource: dumpAttributes(1, static_cast<const BlockDecl&>(decl).attributes); break;
      case DeclKind::Api: {
        const auto& api = static_cast<const ApiDecl&>(decl);
        dumpAttributes(1, api.attributes);
        for (const auto& route : api.routes) dumpRoute(1, route);
        break;
      }
      case DeclKind::Param: {
        const auto& p = static_cast<const ParamDecl&>(decl);
        dumpType(1, *p.type);
        if (p.defaultValue) dumpExpr(1, *p.defaultValue);
        break;
      }
      case DeclKind::Let: dumpExpr(1, *static_cast<const LetDecl&>(decl).value); break;
      case DeclKind::Output: dumpExpr(1, *static_cast<const OutputDecl&>(decl).value); break;
      case DeclKind::Type: {
        const auto& t = static_cast<const TypeDecl&>(decl);
        if (t.isAlias) line(1, Span{}, "Alias");
        dumpType(1, *t.type);
        break;
      }
    }
  }

  void dumpRoute(int depth, const Route& route) {
    line(depth, route.span,
         fmt::format("Route {} {} -> {}", name(route.methodName), route.path.text.empty() ? "<missing>" : route.path.text,
                     name(route.target)));
    dumpDoc(depth + 1, route.doc);
    dumpDecorators(depth + 1, route.decorators);
    for (const auto& seg : route.path.segments) {
      const char* kind = seg.kind == PathSegment::Kind::Literal ? "Literal" : seg.kind == PathSegment::Kind::Parameter ? "Param" : "Greedy";
      line(depth + 1, seg.span, fmt::format("Segment {} {}", kind, seg.text));
    }
    for (const auto& p : route.parameters) {
      line(depth + 1, p.span, fmt::format("Parameter {} {}{}", paramLocationText(p.where), name(p.name), p.optional ? "?" : ""));
      dumpType(depth + 2, *p.type);
      dumpDecorators(depth + 2, p.decorators);
    }
    for (const auto& b : route.bodies) {
      line(depth + 1, b.span, "Body");
      dumpType(depth + 2, *b.type);
      dumpDecorators(depth + 2, b.decorators);
    }
    for (const auto& r : route.responses) {
      line(depth + 1, r.span, fmt::format("Returns {}", r.status ? std::to_string(*r.status) : "default"));
      dumpType(depth + 2, *r.type);
      dumpDecorators(depth + 2, r.decorators);
    }
    dumpAttributes(depth + 1, route.attributes);
  }

  void dumpType(int depth, const TypeExpr& type) {
    switch (type.kind) {
      case TypeKind::Error: line(depth, type.span, "ErrorType"); break;
      case TypeKind::Named: {
        const auto& t = static_cast<const NamedType&>(type);
        line(depth, t.span, "Named " + name(t.name) + (t.hasArgs ? "<>" : ""));
        for (const auto& a : t.args) dumpType(depth + 1, *a);
        break;
      }
      case TypeKind::StringLiteral:
        line(depth, type.span, "LiteralType \"" + escape(static_cast<const StringLiteralType&>(type).value) + "\"");
        break;
      case TypeKind::IntLiteral:
        line(depth, type.span, fmt::format("LiteralType {}", static_cast<const IntLiteralType&>(type).value));
        break;
      case TypeKind::BoolLiteral:
        line(depth, type.span, fmt::format("LiteralType {}", static_cast<const BoolLiteralType&>(type).value));
        break;
      case TypeKind::Union:
        line(depth, type.span, "Union");
        for (const auto& m : static_cast<const UnionType&>(type).members) dumpType(depth + 1, *m);
        break;
      case TypeKind::List:
        line(depth, type.span, "ListOf");
        dumpType(depth + 1, *static_cast<const ListType&>(type).element);
        break;
      case TypeKind::Paren:
        line(depth, type.span, "ParenType");
        dumpType(depth + 1, *static_cast<const ParenType&>(type).inner);
        break;
      case TypeKind::Record:
        line(depth, type.span, "Record");
        for (const auto& f : static_cast<const RecordType&>(type).fields) {
          line(depth + 1, f.span, "Field " + name(f.name) + (f.optional ? "?" : ""));
          dumpDoc(depth + 2, f.doc);
          dumpType(depth + 2, *f.type);
          if (f.defaultValue) {
            line(depth + 2, Span{}, "Default");
            dumpExpr(depth + 3, *f.defaultValue);
          }
          dumpDecorators(depth + 2, f.decorators);
        }
        break;
    }
  }

  void dumpExpr(int depth, const Expr& expr) {
    switch (expr.kind) {
      case ExprKind::Error: line(depth, expr.span, "Error"); break;
      case ExprKind::Int: line(depth, expr.span, fmt::format("Int {}", static_cast<const IntLiteral&>(expr).value)); break;
      case ExprKind::Decimal:
        line(depth, expr.span, fmt::format("Decimal {}", static_cast<const DecimalLiteral&>(expr).value));
        break;
      case ExprKind::Size: line(depth, expr.span, fmt::format("Size {}B", static_cast<const SizeLiteral&>(expr).bytes)); break;
      case ExprKind::Duration:
        line(depth, expr.span, fmt::format("Duration {}ms", static_cast<const DurationLiteral&>(expr).milliseconds));
        break;
      case ExprKind::Bool: line(depth, expr.span, fmt::format("Bool {}", static_cast<const BoolLiteral&>(expr).value)); break;
      case ExprKind::Null: line(depth, expr.span, "Null"); break;
      case ExprKind::String: {
        const auto& s = static_cast<const StringLiteral&>(expr);
        if (s.isPlain()) {
          line(depth, s.span, "String \"" + escape(s.plainText()) + "\"" + (s.terminated ? "" : " unterminated"));
          break;
        }
        line(depth, s.span, std::string("Interpolation") + (s.terminated ? "" : " unterminated"));
        for (const auto& part : s.parts) {
          if (part.isInterpolation()) {
            dumpExpr(depth + 1, *part.expr);
          } else {
            line(depth + 1, part.span, "Text \"" + escape(part.text) + "\"");
          }
        }
        break;
      }
      case ExprKind::List:
        line(depth, expr.span, "List");
        for (const auto& item : static_cast<const ListLiteral&>(expr).items) dumpExpr(depth + 1, *item);
        break;
      case ExprKind::Object:
        line(depth, expr.span, "Object");
        for (const auto& e : static_cast<const ObjectLiteral&>(expr).entries) {
          line(depth + 1, e.span, "Entry " + (e.quotedKey ? "\"" + escape(e.key.text) + "\"" : name(e.key)));
          dumpExpr(depth + 2, *e.value);
        }
        break;
      case ExprKind::Name: line(depth, expr.span, "Name " + name(static_cast<const NameExpr&>(expr).name)); break;
      case ExprKind::Member: {
        const auto& m = static_cast<const MemberExpr&>(expr);
        line(depth, m.span, "Member ." + name(m.member));
        dumpExpr(depth + 1, *m.object);
        break;
      }
      case ExprKind::Call: {
        const auto& c = static_cast<const CallExpr&>(expr);
        line(depth, c.span, "Call");
        dumpExpr(depth + 1, *c.callee);
        for (const auto& a : c.args) dumpExpr(depth + 1, *a);
        break;
      }
      case ExprKind::Not:
        line(depth, expr.span, "Not");
        dumpExpr(depth + 1, *static_cast<const NotExpr&>(expr).operand);
        break;
      case ExprKind::Binary: {
        const auto& b = static_cast<const BinaryExpr&>(expr);
        line(depth, b.span, std::string("Binary ") + binaryOpText(b.op));
        dumpExpr(depth + 1, *b.lhs);
        dumpExpr(depth + 1, *b.rhs);
        break;
      }
      case ExprKind::Conditional: {
        const auto& c = static_cast<const ConditionalExpr&>(expr);
        line(depth, c.span, "Conditional");
        dumpExpr(depth + 1, *c.condition);
        dumpExpr(depth + 1, *c.whenTrue);
        dumpExpr(depth + 1, *c.whenFalse);
        break;
      }
      case ExprKind::Paren:
        line(depth, expr.span, "Paren");
        dumpExpr(depth + 1, *static_cast<const ParenExpr&>(expr).inner);
        break;
    }
  }

  const SourceFile& file_;
  bool spans_;
  std::string out_;
};

}  // namespace

std::string dump(const SourceUnit& unit, const SourceFile& file) { return Dumper(file, true).run(unit); }
std::string dumpWithoutSpans(const SourceUnit& unit, const SourceFile& file) { return Dumper(file, false).run(unit); }

}  // namespace jaws::ast
