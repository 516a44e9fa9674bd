// Routes: one per line. Within a run of routes the method, path and target
// columns are aligned, and the route items follow on the route's line when
// they fit, else one per line.
#include <algorithm>

#include "fmt/Alignment.h"
#include "fmt/Layout.h"
#include "fmt/Printer.h"

namespace jaws::formatter {

namespace {

// A path longer than this neither gets padded nor widens its run's path
// column: one long path should not push every other route's `->` far right.
constexpr std::size_t kMaxAlignedPath = 40;

std::string spaces(std::size_t column, std::size_t width) { return std::string(column > width ? column - width : 0, ' '); }

}  // namespace

Layout::RouteParts Layout::routeParts(const ast::Route& r) {
  RouteParts parts;
  // Decorators get a line of their own so the route columns stay aligned.
  parts.decorators = r.decorators.empty() ? nothing() : decorators(r.decorators);
  parts.method = source(r.methodName.span);
  parts.methodWidth = displayWidth(r.methodName.text);
  parts.path = source(r.path.span);
  parts.pathWidth = displayWidth(r.path.text);
  parts.target = source(r.target.span);
  parts.targetWidth = displayWidth(r.target.text);
  // Comments before the method stand on lines of their own above the route.
  parts.headBreaks = parts.path->breaks || parts.target->breaks;
  parts.leadWidth = lastLineWidth(parts.method) - parts.methodWidth;
  parts.items = routeItems(r);
  if (parts.items && !parts.items->forceBreak && !parts.items->lead->breaks) {
    parts.itemsFlatWidth = flatWidth(concat({parts.items->lead, parts.items->body}));
  }
  return parts;
}

std::vector<Doc> Layout::alignRoutes(const std::vector<const RouteParts*>& run) {
  // The widths of a route's line with its columns padded to `columns`.
  struct Columns {
    std::size_t method = 0, path = 0, target = 0;
  };
  auto fits = [](const RouteParts& r, const Columns& c) {
    if (r.headBreaks) return false;
    if (!r.items) return true;
    if (!r.itemsFlatWidth) return false;
    const std::size_t head = kIndentWidth + r.leadWidth + std::max(c.method, r.methodWidth) + 1 +
                             std::max(c.path, r.pathWidth) + 4 + std::max(c.target, r.targetWidth);
    return head + 1 + *r.itemsFlatWidth + r.trailingWidth <= kLineWidth;
  };
  // Sections of routes that stay on one line get aligned columns; a route
  // whose items break over several lines is not padded and splits the run,
  // like a multi-line attribute (Alignment.h).
  const std::size_t count = run.size();
  std::vector<bool> oneLine(count);
  for (std::size_t i = 0; i < count; ++i) oneLine[i] = fits(*run[i], Columns{});
  std::vector<Columns> columns(count);
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t start = 0; start < count;) {
      if (!oneLine[start]) {
        columns[start] = Columns{};
        ++start;
        continue;
      }
      std::size_t end = start;
      Columns c;
      for (; end < count && oneLine[end]; ++end) {
        const RouteParts& r = *run[end];
        c.method = std::max(c.method, r.methodWidth);
        if (r.pathWidth <= kMaxAlignedPath) c.path = std::max(c.path, r.pathWidth);
        if (r.items) c.target = std::max(c.target, r.targetWidth);
      }
      for (std::size_t i = start; i < end; ++i) {
        columns[i] = c;
        if (!fits(*run[i], c)) {
          oneLine[i] = false;
          changed = true;
        }
      }
      start = end;
    }
  }

  std::vector<Doc> docs;
  for (std::size_t i = 0; i < count; ++i) {
    const RouteParts& r = *run[i];
    DocBuilder out;
    if (!isNothing(*r.decorators)) {
      out += r.decorators;
      out += hardLine();
    }
    out += r.method;
    out += spaces(columns[i].method, r.methodWidth);
    out += " ";
    out += r.path;
    out += spaces(columns[i].path, r.pathWidth);
    out += " -> ";
    out += r.target;
    if (r.items) {
      out += group(concat({text(spaces(columns[i].target, r.targetWidth) + " "), r.items->lead, r.items->body}),
                   r.items->forceBreak || !oneLine[i]);
    }
    docs.push_back(out.build());
  }
  return docs;
}

std::optional<Layout::BracketedParts> Layout::routeItems(const ast::Route& r) {
  if (!r.hasBraces) return std::nullopt;
  const std::uint32_t openAt = comments_.find(r.target.span.end, '{');
  const std::uint32_t closeAt = r.span.end - 1;
  // The items of every kind, in source order.
  struct Item {
    Span span;
    std::function<Doc()> build;
  };
  std::vector<Item> items;
  for (const auto& p : r.parameters) {
    items.push_back({p.span, [this, &p] {
                       DocBuilder out;
                       const std::string_view keyword = ast::paramLocationText(p.where);
                       out += token(keyword, p.span.begin, p.span.begin + static_cast<std::uint32_t>(keyword.size()));
                       out += " ";
                       out += source(p.name.span);
                       if (p.optional) out += "?";
                       out += ": ";
                       out += type(*p.type);
                       out += trailingDecorators(p.decorators);
                       return out.build();
                     }});
  }
  for (const auto& b : r.bodies) {
    items.push_back({b.span, [this, &b] {
                       DocBuilder out;
                       out += token("body", b.span.begin, b.span.begin + 4);
                       out += ": ";
                       out += type(*b.type);
                       out += trailingDecorators(b.decorators);
                       return out.build();
                     }});
  }
  for (const auto& response : r.responses) {
    items.push_back({response.span, [this, &response] {
                       DocBuilder out;
                       out += token("returns", response.span.begin, response.span.begin + 7);
                       if (response.statusSpan.valid()) out += concat({text(" "), source(response.statusSpan)});
                       out += ": ";
                       out += type(*response.type);
                       out += trailingDecorators(response.decorators);
                       return out.build();
                     }});
  }
  // Attributes among the items get their `=` aligned when the items break;
  // the padding is decided once every item is built.
  std::vector<AttributeParts> attrParts(r.attributes.size());
  std::vector<Slot> paddings(r.attributes.size());
  for (std::size_t i = 0; i < r.attributes.size(); ++i) {
    items.push_back({r.attributes[i].span, [this, &r, &attrParts, &paddings, i] {
                       attrParts[i] = attributeParts(r.attributes[i]);
                       return concat({attrParts[i].key, paddings[i].doc(), text(" = "), attrParts[i].value});
                     }});
  }
  std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.span.begin < b.span.begin; });
  // Empty braces say nothing; they go, unless a comment sits inside them or
  // before them (without the braces, a `///` there could join the next
  // route's description).
  if (items.empty() && !comments_.hasCommentWithin(Span{r.span.file, r.target.span.end, closeAt})) {
    comments_.advance(r.span.end);
    return std::nullopt;
  }
  std::vector<Span> spans;
  for (const auto& item : items) spans.push_back(item.span);
  Bracketed shape;
  shape.open = "{";
  shape.close = "}";
  shape.openAt = openAt;
  shape.closeAt = closeAt;
  shape.flatPad = " ";
  shape.flatSeparator = "";
  shape.flatGap = "  ";
  shape.brokenSeparator = "";
  shape.keepBlankLines = true;
  // Comments between the target and `{` on the target's line move just after
  // the `{`, so the brace stays on the route's line.
  shape.commentsBeforeOpenInside = comments_.canMoveAfter(r.target.span.end, openAt);
  BracketedParts parts = bracketedParts(shape, spans, [&](std::size_t i) { return items[i].build(); });
  alignAttributeItems(r, attrParts, paddings);
  return parts;
}

void Layout::alignAttributeItems(const ast::Route& r, const std::vector<AttributeParts>& parts, std::vector<Slot>& paddings) {
  // Runs of attributes with no other item between them, in source order.
  std::vector<std::size_t> order(parts.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return r.attributes[a].span.begin < r.attributes[b].span.begin; });
  auto otherItemBetween = [&](std::uint32_t from, std::uint32_t to) {
    auto inside = [&](Span s) { return s.begin > from && s.begin < to; };
    return std::any_of(r.parameters.begin(), r.parameters.end(), [&](const auto& p) { return inside(p.span); }) ||
           std::any_of(r.bodies.begin(), r.bodies.end(), [&](const auto& b) { return inside(b.span); }) ||
           std::any_of(r.responses.begin(), r.responses.end(), [&](const auto& x) { return inside(x.span); });
  };
  for (std::size_t start = 0; start < order.size();) {
    std::size_t end = start + 1;
    while (end < order.size() && !otherItemBetween(r.attributes[order[end - 1]].span.end, r.attributes[order[end]].span.begin) &&
           !comments_.hasBlankLine(r.attributes[order[end - 1]].span.end, r.attributes[order[end]].span.begin)) {
      ++end;
    }
    std::vector<std::size_t> widths;
    std::vector<std::optional<std::size_t>> valueWidths;
    for (std::size_t k = start; k < end; ++k) {
      widths.push_back(parts[order[k]].keyWidth);
      valueWidths.push_back(flatWidth(parts[order[k]].value));
    }
    // Route items sit two levels deep.
    const auto columns = alignedColumns(widths, [&](std::size_t k, std::size_t column) {
      return valueWidths[k] && 2 * kIndentWidth + column + 3 + *valueWidths[k] <= kLineWidth;
    });
    for (std::size_t k = start; k < end; ++k) {
      const std::size_t column = columns[k - start].value_or(0);
      const std::size_t width = parts[order[k]].keyWidth;
      paddings[order[k]].fill(ifBreak(text(std::string(column > width ? column - width : 0, ' ')), nothing()));
    }
    start = end;
  }
}

}  // namespace jaws::formatter
