// Types and records. A record stays on one line when the source wrote it on
// one line (no line break between `{` and its first field) and it fits;
// otherwise it takes one field per line.
#include "fmt/Layout.h"

namespace jaws::formatter {

Doc Layout::type(const ast::TypeExpr& t) {
  switch (t.kind) {
    case ast::TypeKind::Error:
    case ast::TypeKind::StringLiteral:
    case ast::TypeKind::IntLiteral:
    case ast::TypeKind::BoolLiteral: return source(t.span);
    case ast::TypeKind::Named: {
      const auto& named = static_cast<const ast::NamedType&>(t);
      DocBuilder out;
      out += source(named.name.span);
      if (named.hasArgs) {
        out += token("<", comments_.find(named.name.span.end, '<'), comments_.find(named.name.span.end, '<') + 1);
        for (std::size_t i = 0; i < named.args.size(); ++i) {
          if (i > 0) out += ", ";
          out += type(*named.args[i]);
        }
        out += token(">", t.span.end - 1, t.span.end);
      }
      return out.build();
    }
    case ast::TypeKind::Union: {
      const auto& u = static_cast<const ast::UnionType&>(t);
      DocBuilder first;
      first += type(*u.members.front());
      first += comments_.trailing();
      DocBuilder rest;
      for (std::size_t i = 1; i < u.members.size(); ++i) {
        rest += line();
        rest += "| ";
        rest += type(*u.members[i]);
        if (i + 1 < u.members.size()) rest += comments_.trailing();
      }
      return group(concat({first.build(), indent(rest.build())}));
    }
    case ast::TypeKind::List: {
      // `[` and `]` are placed as tokens: a comment before the `]` must not
      // drift past the end of the type (it could become the next member's doc).
      const ast::TypeExpr& element = *static_cast<const ast::ListType&>(t).element;
      Doc inner = type(element);
      const std::uint32_t openAt = comments_.find(element.span.end, '[');
      Doc open = token("[", openAt, openAt + 1);
      return concat({inner, open, token("]", t.span.end - 1, t.span.end)});
    }
    case ast::TypeKind::Record: return record(static_cast<const ast::RecordType&>(t));
    case ast::TypeKind::Paren: {
      Doc open = token("(", t.span.begin, t.span.begin + 1);
      Doc inner = type(*static_cast<const ast::ParenType&>(t).inner);
      return concat({open, inner, token(")", t.span.end - 1, t.span.end)});
    }
  }
  return source(t.span);
}

Doc Layout::field(const ast::Field& f) {
  DocBuilder out;
  out += source(f.name.span);
  if (f.optional) out += "?";
  out += ": ";
  out += type(*f.type);
  // Decorators follow the type, also those written after the default.
  out += trailingDecorators(f.decorators);
  if (f.defaultValue) {
    out += " = ";
    out += expr(*f.defaultValue);
  }
  return out.build();
}

Doc Layout::record(const ast::RecordType& r) {
  std::vector<Span> spans;
  for (const auto& f : r.fields) spans.push_back(f.span);
  Bracketed shape;
  shape.open = "{";
  shape.close = "}";
  shape.openAt = r.span.begin;
  shape.closeAt = r.span.end - 1;
  shape.flatPad = " ";
  shape.flatSeparator = ",";
  shape.brokenSeparator = "";
  shape.keepBlankLines = true;
  shape.forceBreak = !r.fields.empty() && comments_.hasLineBreak(r.span.begin, r.fields.front().span.begin);
  return bracketed(shape, spans, [&](std::size_t i) { return field(r.fields[i]); });
}

}  // namespace jaws::formatter
