// Blocks between braces (project, stage, function, resource, api): one member
// per line; in each run of members not separated by an empty line, the `=` of
// attributes and the columns of routes are aligned (Alignment.h).
#include <algorithm>

#include "fmt/Alignment.h"
#include "fmt/Layout.h"
#include "fmt/Printer.h"

namespace jaws::formatter {

Layout::AttributeParts Layout::attributeParts(const ast::Attribute& a) {
  AttributeParts parts;
  parts.key = source(a.key.span);
  parts.keyWidth = displayWidth(slice(a.key.span));
  parts.value = expr(*a.value);
  return parts;
}

Doc Layout::attributeDoc(const AttributeParts& parts, std::size_t keyColumn) {
  const std::string padding(keyColumn > parts.keyWidth ? keyColumn - parts.keyWidth : 0, ' ');
  return concat({parts.key, text(padding), text(" = "), parts.value});
}

Doc Layout::block(Span body, const std::vector<Span>& memberSpans,
                  const std::function<void(std::size_t, Member&)>& build) {
  const std::uint32_t closeAt = body.end - 1;
  DocBuilder out;
  out += open("{", body.begin);
  Doc afterOpen = comments_.trailing();
  out += afterOpen;
  std::vector<Member> members(memberSpans.size());
  for (std::size_t i = 0; i < members.size(); ++i) {
    members[i].blankBefore = i > 0 && comments_.blankLineBefore(memberSpans[i].begin);
    if (i > 0) {
      if (auto kept = comments_.separatorAfterDoc(memberSpans[i - 1].end, memberSpans[i].begin)) {
        members[i].separator = concat({separatorToken(*kept), text(" ")});
      }
    }
    build(i, members[i]);
    members[i].trailing = comments_.trailing();
  }
  Doc dangling = comments_.dangling(closeAt);
  // What follows each member on its line: its trailing comments, and for the
  // last one a comment before the `}` that is not on a line of its own.
  std::vector<std::size_t> afterWidths(members.size());
  for (std::size_t i = 0; i < members.size(); ++i) {
    afterWidths[i] = firstLineWidth(members[i].trailing);
    if (i + 1 == members.size() && isNothing(*members[i].trailing)) afterWidths[i] += firstLineWidth(dangling);
    if (members[i].route) members[i].route->trailingWidth = afterWidths[i];
  }

  // Lay out each run of members of one kind not separated by an empty line.
  std::vector<Doc> docs(members.size());
  for (std::size_t start = 0; start < members.size();) {
    const bool routes = members[start].route.has_value();
    std::size_t end = start + 1;
    while (end < members.size() && members[end].route.has_value() == routes && !members[end].blankBefore) ++end;
    if (routes) {
      std::vector<const RouteParts*> run;
      for (std::size_t i = start; i < end; ++i) run.push_back(&*members[i].route);
      const std::vector<Doc> laidOut = alignRoutes(run);
      std::copy(laidOut.begin(), laidOut.end(), docs.begin() + static_cast<std::ptrdiff_t>(start));
    } else {
      // `=` aligned in sections of attributes that stay on one line.
      std::vector<std::size_t> widths;
      std::vector<std::optional<std::size_t>> restWidths;
      for (std::size_t i = start; i < end; ++i) {
        const AttributeParts& parts = *members[i].attribute;
        widths.push_back(parts.keyWidth);
        // What must fit on the line besides the key: a comment before it on
        // its line, ` = `, the value and the comments after it.
        auto width = flatWidth(parts.value);
        if (width) *width += lastLineWidth(parts.key) - parts.keyWidth + 3 + afterWidths[i];
        restWidths.push_back(width);
      }
      const auto columns = alignedColumns(widths, [&](std::size_t i, std::size_t column) {
        return restWidths[i] && kIndentWidth + column + *restWidths[i] <= kLineWidth;
      });
      for (std::size_t i = start; i < end; ++i) {
        docs[i] = attributeDoc(*members[i].attribute, columns[i - start].value_or(0));
      }
    }
    start = end;
  }

  DocBuilder items;
  for (std::size_t i = 0; i < members.size(); ++i) {
    items += hardLine();
    if (members[i].blankBefore) items += blankLine();
    if (members[i].separator) items += members[i].separator;
    items += docs[i];
    items += members[i].trailing;
  }
  items += dangling;
  if (items.empty()) {
    // `{}`, or `{ // comment` and `}` on the next line.
    if (!isNothing(*afterOpen)) out += hardLine();
    out += close("}", closeAt);
    return out.build();
  }
  out += indent(items.build());
  out += hardLine();
  out += close("}", closeAt);
  return out.build();
}

}  // namespace jaws::formatter
