#pragma once
// A small document algebra for the formatter, in the style of Wadler's
// "prettier printer": the layout code describes text, possible line breaks,
// indentation and groups; the Printer then decides, group by group, whether
// the group fits on the rest of the line (flat) or must break.
//
// Forced breaks (hard lines, own-line and line comments, multi-line text)
// propagate upwards when a document is built: a group that contains one can
// never be flat, so the printer need not discover it.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jaws::formatter {

enum class DocKind : unsigned char {
  Text,       // literal text; may contain '\n' (a multi-line block comment)
  Concat,     // children one after the other
  Line,       // `flat` text when the enclosing group is flat, else a newline
  Indent,     // child indented one level (2 spaces) after its line breaks
  Group,      // child laid out flat if it fits, else broken
  IfBreak,    // children[0] when the enclosing group breaks, children[1] when flat
  FreshLine,  // a newline unless the output is at the start of a line already
  BlankLine,  // an empty line before what follows (never at the start of the output)
  Gap,        // a space, unless the output is at the start of a line or after a space
};

struct DocNode;
using Doc = std::shared_ptr<const DocNode>;

struct DocNode {
  DocKind kind = DocKind::Text;
  std::string text;            // Text: the text; Line: what it prints when flat
  bool hard = false;           // Line: breaks even in a flat group
  bool lineComment = false;    // Text: a `//` comment; nothing may follow it on its line
  bool breaks = false;         // this document contains a forced break
  std::vector<Doc> children;
};

Doc text(std::string_view s);
// A `//` comment: forces its line to end after it.
Doc lineCommentText(std::string_view s);
Doc concat(std::vector<Doc> parts);
Doc line();                         // a space when flat
Doc softLine();                     // nothing when flat
Doc lineOr(std::string_view flat);  // the given text when flat
Doc hardLine();
Doc freshLine();
Doc blankLine();
Doc gap();
Doc indent(Doc child);
Doc group(Doc child, bool forceBreak = false);
Doc ifBreak(Doc broken, Doc flat);
Doc nothing();
inline bool isNothing(const DocNode& d) { return d.kind == DocKind::Text && d.text.empty() && !d.lineComment; }

// Display width: the number of code points of the text's last line.
std::size_t displayWidth(std::string_view s);
// The width of a document printed flat; nullopt when it has a forced break.
std::optional<std::size_t> flatWidth(const Doc& doc);
// The width a document printed flat takes up to its first forced line break,
// not counting `//` comments (the printer lets them run past the width).
std::size_t firstLineWidth(const Doc& doc);
// The width a document printed flat from the start of a line takes after its
// last forced line break (a gap at the start of a line takes none).
std::size_t lastLineWidth(const Doc& doc);

// A place in a document filled after the document is built: alignment
// padding that depends on members laid out after it. It must not be filled
// with anything that forces a break (breaks are propagated when built).
class Slot {
 public:
  Slot();
  const Doc& doc() const { return doc_; }
  void fill(Doc content);

 private:
  std::shared_ptr<DocNode> node_;
  Doc doc_;
};

// Builds a Concat incrementally; `+=` reads better in the layout code.
class DocBuilder {
 public:
  DocBuilder& operator+=(Doc d) {
    if (d && !isNothing(*d)) parts_.push_back(std::move(d));
    return *this;
  }
  DocBuilder& operator+=(std::string_view s) { return *this += text(s); }
  bool empty() const { return parts_.empty(); }
  Doc build() { return concat(std::move(parts_)); }

 private:
  std::vector<Doc> parts_;
};

}  // namespace jaws::formatter
