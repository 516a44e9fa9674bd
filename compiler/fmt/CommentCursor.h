#pragma once
// Places every comment of a file in the formatted output. The layout code
// emits tokens in source order (give or take a moved decorator) and tells the
// cursor where each one came from; the cursor hands back the comments that
// stood before it (leading), after the previous token on the same line
// (trailing), or before a closing bracket (dangling). Every comment is handed
// out exactly once and in source order, so none can be lost or duplicated.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fmt/Doc.h"
#include "source/SourceFile.h"
#include "syntax/Ast.h"

namespace jaws::formatter {

class CommentCursor {
 public:
  CommentCursor(const SourceFile& file, const std::vector<ast::Comment>& comments);

  // The comments before `offset` that are still to be placed: own-line
  // comments on lines of their own, others inline.
  Doc leading(std::uint32_t offset);
  // The comments that follow the last placed token on its line (after
  // whitespace and separators), as trailing comments of that line.
  Doc trailing();
  // Can the comments in [from, to), just before a one-character token at
  // `to`, move after that token as its trailing comments? Only when they all
  // stand on the line of the code before them, none is a `///` comment (it
  // would describe what follows), and after a `//` comment nothing trails
  // the token.
  bool canMoveAfter(std::uint32_t from, std::uint32_t to) const;
  // The comments before `offset`, placed as trailing comments of the token
  // just placed (they move after it; see canMoveAfter).
  Doc asTrailing(std::uint32_t offset);
  // The comments before a closing bracket at `offset`, to be placed inside
  // the container's indentation.
  Doc dangling(std::uint32_t offset);

  // The source up to `end` has been placed.
  void advance(std::uint32_t end);
  // An opening bracket was just placed: no blank line right after it.
  void opened(std::uint32_t end);
  // Comments inside `span` are part of text emitted verbatim; skip them.
  void skipWithin(Span span);
  bool hasCommentWithin(Span span) const;
  bool hasDocCommentWithin(Span span) const;

  // Is there an empty line between the last placed token and the item that
  // starts at `begin` (or the first of its leading comments)?
  bool blankLineBefore(std::uint32_t begin) const;
  // An empty line in [begin, end), not counting lines inside comments.
  bool hasBlankLine(std::uint32_t begin, std::uint32_t end) const;
  // A line break in [begin, end), comments included.
  bool hasLineBreak(std::uint32_t begin, std::uint32_t end) const;
  // A separator (`,` or `;`) between two members that must stay: one that
  // follows a `///` comment in [from, to). Dropping it would make that comment
  // the description of the next member.
  std::optional<std::uint32_t> separatorAfterDoc(std::uint32_t from, std::uint32_t to) const;
  // The offset of the next `c` at or after `from`, skipping whitespace and comments.
  std::uint32_t find(std::uint32_t from, char c) const;

  // The normalized text of a comment: no trailing whitespace on any line,
  // LF line breaks. The safety check compares comments in this form.
  static std::string normalizedText(std::string_view raw, ast::Comment::Kind kind);

 private:
  Doc commentDoc(const ast::Comment& comment) const;
  bool ownLine(const ast::Comment& comment) const;
  // Does `comment` trail the token that ends at `end` (on its line, after
  // nothing but whitespace and separators, and not leading more code)?
  bool trails(std::uint32_t end, const ast::Comment& comment) const;
  bool followedByLineBreak(std::uint32_t offset) const;
  const ast::Comment* commentAt(std::uint32_t offset) const;
  void place(const ast::Comment& comment);

  const SourceFile& file_;
  std::string_view text_;
  std::vector<ast::Comment> comments_;  // sorted by position
  std::size_t next_ = 0;                // the first comment not yet placed
  std::uint32_t pos_ = 0;               // the end of the furthest placed token or comment
  bool afterOpen_ = true;               // nothing placed since an opening bracket or the start
};

}  // namespace jaws::formatter
