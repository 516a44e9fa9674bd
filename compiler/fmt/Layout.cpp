// The top level of the layout, tokens and the bracketed-sequence helper the
// other Layout*.cpp files share.
#include <algorithm>

#include "fmt/Layout.h"

namespace jaws::formatter {

Doc Layout::token(std::string_view s, std::uint32_t begin, std::uint32_t end) {
  Doc lead = comments_.leading(begin);
  comments_.advance(end);
  return concat({lead, text(s)});
}

Doc Layout::source(Span span) { return token(slice(span), span.begin, span.end); }

Doc Layout::open(std::string_view s, std::uint32_t at) {
  Doc lead = comments_.leading(at);
  comments_.opened(at + static_cast<std::uint32_t>(s.size()));
  return concat({lead, text(s)});
}

Doc Layout::separatorToken(std::uint32_t at) {
  const std::string_view separator = file_.text().substr(at, 1);
  return token(separator, at, at + 1);
}

Doc Layout::close(std::string_view s, std::uint32_t at) {
  comments_.advance(at + static_cast<std::uint32_t>(s.size()));
  return text(s);
}

Doc Layout::build() {
  // Imports and declarations in source order (an import after a declaration
  // is only a warning, and the formatter does not move code).
  struct Item {
    std::uint32_t begin;
    const ast::ImportDecl* import;
    const ast::Decl* decl;
  };
  std::vector<Item> items;
  for (const auto& i : unit_.imports) items.push_back({i.span.begin, &i, nullptr});
  for (const auto& d : unit_.decls) items.push_back({d->span.begin, nullptr, d.get()});
  std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.begin < b.begin; });

  DocBuilder out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) {
      out += hardLine();
      if (comments_.blankLineBefore(items[i].begin)) out += blankLine();
    }
    out += items[i].import ? import(*items[i].import) : declaration(*items[i].decl);
    out += comments_.trailing();
  }
  out += comments_.dangling(file_.size());
  return out.build();
}

Layout::BracketedParts Layout::bracketedParts(const Bracketed& shape, const std::vector<Span>& itemSpans,
                                              const std::function<Doc(std::size_t)>& item) {
  BracketedParts parts;
  parts.forceBreak = shape.forceBreak;
  const std::uint32_t afterOpen = shape.openAt + static_cast<std::uint32_t>(shape.open.size());
  DocBuilder body;
  DocBuilder afterOpenComments;
  if (shape.commentsBeforeOpenInside) {
    parts.lead = nothing();
    afterOpenComments += comments_.asTrailing(afterOpen);
  } else {
    parts.lead = comments_.leading(shape.openAt);
  }
  comments_.opened(afterOpen);
  afterOpenComments += comments_.trailing();
  const Doc afterOpenDoc = afterOpenComments.build();
  body += shape.open;
  body += afterOpenDoc;
  DocBuilder items;
  const std::size_t count = itemSpans.size();
  // Where a separator must stay, it replaces the one the layout would put.
  std::vector<std::optional<std::uint32_t>> keptSeparators(count);
  if (shape.brokenSeparator.empty()) {
    for (std::size_t i = 1; i < count; ++i) {
      keptSeparators[i] = comments_.separatorAfterDoc(itemSpans[i - 1].end, itemSpans[i].begin);
    }
  }
  for (std::size_t i = 0; i < count; ++i) {
    if (i == 0) {
      items += lineOr(shape.flatPad);
    } else {
      items += lineOr(shape.flatGap);
      if (shape.keepBlankLines && comments_.blankLineBefore(itemSpans[i].begin)) items += blankLine();
      if (keptSeparators[i]) items += concat({separatorToken(*keptSeparators[i]), text(" ")});
    }
    items += item(i);
    const bool last = i + 1 == count;
    if (!last && keptSeparators[i + 1]) {
      // The next item brings its own separator.
    } else if (!last) {
      items += ifBreak(text(shape.brokenSeparator), text(shape.flatSeparator));
    } else if (shape.trailingSeparator) {
      items += ifBreak(text(shape.brokenSeparator), nothing());
    }
    // Trailing comments after the separator: `a, // note`.
    items += comments_.trailing();
  }
  Doc dangling = comments_.dangling(shape.closeAt);
  items += dangling;
  body += indent(items.build());
  // `[ /* nothing */ ]`: an empty container around a block comment gets
  // a space on both sides.
  const bool spacedEmpty = count == 0 && !(isNothing(*dangling) && afterOpenDoc->children.empty()) &&
                           !dangling->breaks && !afterOpenDoc->breaks;
  body += count > 0 ? lineOr(shape.flatPad) : spacedEmpty ? line() : softLine();
  body += close(shape.close, shape.closeAt);
  parts.body = body.build();
  return parts;
}

Doc Layout::bracketed(const Bracketed& shape, const std::vector<Span>& itemSpans,
                      const std::function<Doc(std::size_t)>& item) {
  BracketedParts parts = bracketedParts(shape, itemSpans, item);
  return concat({parts.lead, group(parts.body, parts.forceBreak)});
}

}  // namespace jaws::formatter
