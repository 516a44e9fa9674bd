#pragma once
// The canonical layout of a .jaws file (docs/formatting.md): turns a syntax
// tree into a Doc, asking the CommentCursor for the comments around each
// token. Internal to compiler/fmt/; Formatter.h is the public entry point.
//
// Docs are built strictly in source order, because building a token's doc
// places the comments before it. Where alignment needs to know every member
// of a block first, the members are built into parts and assembled after.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fmt/CommentCursor.h"
#include "fmt/Doc.h"
#include "source/SourceFile.h"
#include "syntax/Ast.h"

namespace jaws::formatter {

class Layout {
 public:
  Layout(const SourceFile& file, const ast::SourceUnit& unit) : file_(file), unit_(unit), comments_(file, unit.comments) {}

  Doc build();

 private:
  // ---- tokens (Layout.cpp) ----
  Doc token(std::string_view text, std::uint32_t begin, std::uint32_t end);
  Doc source(Span span);  // the source text of a span, verbatim
  Doc open(std::string_view text, std::uint32_t at);
  Doc close(std::string_view text, std::uint32_t at);
  Doc separatorToken(std::uint32_t at);  // the `,` or `;` at `at`, as written
  std::string_view slice(Span span) const { return file_.slice(span); }

  // A sequence of items between brackets, laid out flat (`[a, b]`,
  // `{ a = 1, b = 2 }`) when it fits, else one item per line.
  struct Bracketed {
    std::string_view open, close;
    std::uint32_t openAt = 0, closeAt = 0;  // source offsets of the brackets
    std::string_view flatPad;               // inside the brackets when flat: "" or " "
    std::string_view flatSeparator = ",";   // after an item when flat
    std::string_view flatGap = " ";         // between items when flat, after the separator
    std::string_view brokenSeparator;       // after an item when broken: "," or ""
    bool trailingSeparator = false;         // the broken separator after the last item too
    bool forceBreak = false;
    bool keepBlankLines = false;            // keep (at most one) empty line between items
    bool commentsBeforeOpenInside = false;  // comments before the opening bracket go right after it
  };
  struct BracketedParts {
    Doc lead;  // comments before the opening bracket
    Doc body;  // the brackets and the items, to be grouped
    bool forceBreak = false;
  };
  BracketedParts bracketedParts(const Bracketed& shape, const std::vector<Span>& itemSpans,
                                const std::function<Doc(std::size_t)>& item);
  Doc bracketed(const Bracketed& shape, const std::vector<Span>& itemSpans,
                const std::function<Doc(std::size_t)>& item);

  // ---- blocks (LayoutBlocks.cpp) ----
  // An attribute in parts, so that its `=` can be aligned with its run.
  struct AttributeParts {
    Doc key;
    std::size_t keyWidth = 0;
    Doc value;
  };
  // A route in parts, so that its columns can be aligned with its run.
  struct RouteParts {
    Doc decorators;  // on a line of their own above the route, or nothing
    Doc method, path, target;
    std::size_t methodWidth = 0, pathWidth = 0, targetWidth = 0;
    std::optional<BracketedParts> items;  // `{ route items }`
    std::optional<std::size_t> itemsFlatWidth;
    bool headBreaks = false;      // a comment forces a line break in method, path or target
    std::size_t leadWidth = 0;    // comments before the method on the route's line
    std::size_t trailingWidth = 0;  // the trailing comments after the route, on its line
  };
  struct Member {
    bool blankBefore = false;
    Doc separator;  // a separator that must stay (see CommentCursor::separatorAfterDoc)
    std::optional<AttributeParts> attribute;
    std::optional<RouteParts> route;
    Doc trailing;
  };
  // The members of a block between braces, one per line; `build` lays out
  // member i as an attribute or a route.
  Doc block(Span body, const std::vector<Span>& memberSpans,
            const std::function<void(std::size_t, Member&)>& build);
  AttributeParts attributeParts(const ast::Attribute& attribute);
  static Doc attributeDoc(const AttributeParts& parts, std::size_t keyColumn);
  Doc attribute(const ast::Attribute& attribute) { return attributeDoc(attributeParts(attribute), 0); }

  // ---- declarations (LayoutDecls.cpp) ----
  Doc declaration(const ast::Decl& decl);
  Doc import(const ast::ImportDecl& import);
  Doc declarationHead(const ast::Decl& decl);
  Doc blockBody(Span body, const std::vector<const ast::Attribute*>& attributes);
  Doc apiBody(const ast::ApiDecl& api);
  Doc decorators(const std::vector<ast::Decorator>& list);  // "@a @b(x)" separated by spaces
  // Decorators after a type: ` @a @b(x)` on the same line when they fit,
  // else each on a continuation line of its own.
  Doc trailingDecorators(const std::vector<ast::Decorator>& list);
  Doc decorator(const ast::Decorator& decorator);

  // ---- routes (LayoutRoutes.cpp) ----
  RouteParts routeParts(const ast::Route& route);
  std::optional<BracketedParts> routeItems(const ast::Route& route);
  void alignAttributeItems(const ast::Route& route, const std::vector<AttributeParts>& parts, std::vector<Slot>& paddings);
  // Lays out a run of routes (no empty line between them) with aligned columns.
  static std::vector<Doc> alignRoutes(const std::vector<const RouteParts*>& run);

  // ---- types (LayoutTypes.cpp) ----
  Doc type(const ast::TypeExpr& type);
  Doc record(const ast::RecordType& record);
  Doc field(const ast::Field& field);

  // ---- expressions (LayoutExprs.cpp) ----
  Doc expr(const ast::Expr& expr);
  Doc string(const ast::StringLiteral& literal);
  Doc list(const ast::ListLiteral& list);
  Doc object(const ast::ObjectLiteral& object);
  Doc arguments(const std::vector<ast::ExprPtr>& args, std::uint32_t openAt, std::uint32_t closeAt);

  const SourceFile& file_;
  const ast::SourceUnit& unit_;
  CommentCursor comments_;
};

}  // namespace jaws::formatter
