// Expressions. Literals keep their source spelling (`1024MB` stays
// `1024MB`, escapes stay as written); lists, objects and call arguments go on
// one line when they fit in the line width, else one item per line.
#include <algorithm>

#include "fmt/Alignment.h"
#include "fmt/Layout.h"
#include "fmt/Printer.h"

namespace jaws::formatter {

Doc Layout::expr(const ast::Expr& e) {
  switch (e.kind) {
    case ast::ExprKind::Error:
    case ast::ExprKind::Int:
    case ast::ExprKind::Decimal:
    case ast::ExprKind::Size:
    case ast::ExprKind::Duration:
    case ast::ExprKind::Bool:
    case ast::ExprKind::Null: return source(e.span);
    case ast::ExprKind::Name: return source(static_cast<const ast::NameExpr&>(e).name.span);
    case ast::ExprKind::String: return string(static_cast<const ast::StringLiteral&>(e));
    case ast::ExprKind::List: return list(static_cast<const ast::ListLiteral&>(e));
    case ast::ExprKind::Object: return object(static_cast<const ast::ObjectLiteral&>(e));
    case ast::ExprKind::Member: {
      const auto& m = static_cast<const ast::MemberExpr&>(e);
      Doc object = expr(*m.object);
      return concat({object, text("."), source(m.member.span)});
    }
    case ast::ExprKind::Call: {
      const auto& c = static_cast<const ast::CallExpr&>(e);
      Doc callee = expr(*c.callee);
      return concat({callee, arguments(c.args, comments_.find(c.callee->span.end, '('), e.span.end - 1)});
    }
    case ast::ExprKind::Not: {
      Doc bang = token("!", e.span.begin, e.span.begin + 1);
      return concat({bang, expr(*static_cast<const ast::NotExpr&>(e).operand)});
    }
    case ast::ExprKind::Binary: {
      const auto& b = static_cast<const ast::BinaryExpr&>(e);
      Doc lhs = expr(*b.lhs);
      Doc rhs = expr(*b.rhs);
      return concat({lhs, text(" "), text(ast::binaryOpText(b.op)), text(" "), rhs});
    }
    case ast::ExprKind::Conditional: {
      const auto& c = static_cast<const ast::ConditionalExpr&>(e);
      Doc condition = expr(*c.condition);
      Doc whenTrue = expr(*c.whenTrue);
      Doc whenFalse = expr(*c.whenFalse);
      return concat({condition, text(" ? "), whenTrue, text(" : "), whenFalse});
    }
    case ast::ExprKind::Paren: {
      Doc open = token("(", e.span.begin, e.span.begin + 1);
      Doc inner = expr(*static_cast<const ast::ParenExpr&>(e).inner);
      return concat({open, inner, token(")", e.span.end - 1, e.span.end)});
    }
  }
  return source(e.span);
}

Doc Layout::string(const ast::StringLiteral& literal) {
  // A comment inside an interpolation stays where it is: the string is kept
  // exactly as written.
  if (literal.isPlain() || comments_.hasCommentWithin(literal.span)) {
    Doc lead = comments_.leading(literal.span.begin);
    comments_.skipWithin(literal.span);
    return concat({lead, text(slice(literal.span))});
  }
  Doc lead = comments_.leading(literal.span.begin);
  std::string out = "\"";
  for (const auto& part : literal.parts) {
    if (!part.isInterpolation()) {
      out += slice(part.span);
      continue;
    }
    // Interpolations are laid out on one line: `${expr}`.
    const std::string inner = print(expr(*part.expr), std::string::npos / 2);
    out += "${";
    out += std::string_view(inner).substr(0, inner.empty() ? 0 : inner.size() - 1);
    out += "}";
  }
  out += "\"";
  comments_.advance(literal.span.end);
  return concat({lead, text(out)});
}

Doc Layout::list(const ast::ListLiteral& l) {
  // A list of one object or list hugs it: `[{` ... `}]`.
  if (l.items.size() == 1) {
    const ast::Expr& only = *l.items.front();
    const bool hug = (only.kind == ast::ExprKind::Object || only.kind == ast::ExprKind::List) &&
                     !comments_.hasCommentWithin(Span{l.span.file, l.span.begin, only.span.begin}) &&
                     !comments_.hasCommentWithin(Span{l.span.file, only.span.end, l.span.end});
    if (hug) {
      Doc openDoc = open("[", l.span.begin);
      Doc inner = expr(only);
      return concat({openDoc, inner, close("]", l.span.end - 1)});
    }
  }
  std::vector<Span> spans;
  for (const auto& item : l.items) spans.push_back(item->span);
  Bracketed shape;
  shape.open = "[";
  shape.close = "]";
  shape.openAt = l.span.begin;
  shape.closeAt = l.span.end - 1;
  shape.flatPad = "";
  shape.brokenSeparator = ",";
  shape.trailingSeparator = true;
  return bracketed(shape, spans, [&](std::size_t i) { return expr(*l.items[i]); });
}

Doc Layout::object(const ast::ObjectLiteral& o) {
  std::vector<Span> spans;
  for (const auto& entry : o.entries) spans.push_back(entry.span);
  Bracketed shape;
  shape.open = "{";
  shape.close = "}";
  shape.openAt = o.span.begin;
  shape.closeAt = o.span.end - 1;
  shape.flatPad = " ";
  shape.brokenSeparator = "";
  // A broken object aligns its `=` like an attribute block; the padding is
  // decided once every entry is built, and only shows when the object breaks.
  std::vector<std::size_t> keyWidths(o.entries.size());
  std::vector<std::optional<std::size_t>> valueWidths(o.entries.size());
  std::vector<Slot> paddings(o.entries.size());
  Doc doc = bracketed(shape, spans, [&](std::size_t i) {
    const ast::ObjectEntry& entry = o.entries[i];
    Doc key = source(entry.key.span);
    Doc value = expr(*entry.value);
    keyWidths[i] = displayWidth(slice(entry.key.span));
    valueWidths[i] = flatWidth(value);
    return concat({key, paddings[i].doc(), text(" = "), value});
  });
  // Entries sit (at least) two levels deep: an object in an attribute's value.
  const auto columns = alignedColumns(keyWidths, [&](std::size_t i, std::size_t column) {
    return valueWidths[i] && 2 * kIndentWidth + column + 3 + *valueWidths[i] <= kLineWidth;
  });
  for (std::size_t i = 0; i < paddings.size(); ++i) {
    const std::size_t column = columns[i].value_or(0);
    paddings[i].fill(ifBreak(text(std::string(column > keyWidths[i] ? column - keyWidths[i] : 0, ' ')), nothing()));
  }
  return doc;
}

namespace {

// An argument printed exactly as its source: a name, a member, a number or a
// plain string. Its width is known before it is laid out.
bool isAtom(const ast::Expr& e) {
  switch (e.kind) {
    case ast::ExprKind::Name:
    case ast::ExprKind::Member:
    case ast::ExprKind::Int:
    case ast::ExprKind::Decimal:
    case ast::ExprKind::Size:
    case ast::ExprKind::Duration:
    case ast::ExprKind::Bool:
    case ast::ExprKind::Null: return true;
    case ast::ExprKind::String: return static_cast<const ast::StringLiteral&>(e).isPlain();
    default: return false;
  }
}

// Short atoms before it leave room for the hugged object on their line.
constexpr std::size_t kHuggedLeadWidth = 40;

}  // namespace

Doc Layout::arguments(const std::vector<ast::ExprPtr>& args, std::uint32_t openAt, std::uint32_t closeAt) {
  // A call whose last argument is an object hugs it, as a list of one object
  // does: `sqs(jobs, {` ... `})`, the object breaking on its own lines. Only
  // when the arguments before it are short atoms and no comment stands
  // outside the object, so the choice is the same on every run.
  if (!args.empty() && args.back()->kind == ast::ExprKind::Object) {
    const ast::Expr& last = *args.back();
    std::size_t lead = 0;
    bool atoms = true;
    for (std::size_t i = 0; i + 1 < args.size(); ++i) {
      atoms = atoms && isAtom(*args[i]);
      lead += displayWidth(slice(args[i]->span)) + 2;
    }
    const bool hug = atoms && lead <= kHuggedLeadWidth &&
                     !comments_.hasCommentWithin(Span{last.span.file, openAt, last.span.begin}) &&
                     !comments_.hasCommentWithin(Span{last.span.file, last.span.end, closeAt + 1});
    if (hug) {
      DocBuilder out;
      out += open("(", openAt);
      for (std::size_t i = 0; i + 1 < args.size(); ++i) {
        out += expr(*args[i]);
        out += text(", ");
      }
      out += expr(last);
      out += close(")", closeAt);
      return out.build();
    }
  }
  std::vector<Span> spans;
  for (const auto& a : args) spans.push_back(a->span);
  Bracketed shape;
  shape.open = "(";
  shape.close = ")";
  shape.openAt = openAt;
  shape.closeAt = closeAt;
  shape.flatPad = "";
  shape.brokenSeparator = ",";
  shape.trailingSeparator = true;
  return bracketed(shape, spans, [&](std::size_t i) { return expr(*args[i]); });
}

}  // namespace jaws::formatter
