#include "fmt/Doc.h"

namespace jaws::formatter {

namespace {

Doc make(DocKind kind, std::string s = {}, std::vector<Doc> children = {}) {
  auto node = std::make_shared<DocNode>();
  node->kind = kind;
  node->text = std::move(s);
  node->children = std::move(children);
  for (const Doc& child : node->children) node->breaks = node->breaks || child->breaks;
  return node;
}

}  // namespace

std::size_t displayWidth(std::string_view s) {
  const std::size_t lastBreak = s.rfind('\n');
  if (lastBreak != std::string_view::npos) s.remove_prefix(lastBreak + 1);
  std::size_t width = 0;
  for (char c : s) {
    // Count every byte that does not continue a UTF-8 sequence.
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++width;
  }
  return width;
}

std::optional<std::size_t> flatWidth(const Doc& doc) {
  if (doc->breaks) return std::nullopt;
  switch (doc->kind) {
    case DocKind::Text:
    case DocKind::Line: return displayWidth(doc->text);
    case DocKind::Gap: return 1;
    case DocKind::IfBreak: return flatWidth(doc->children[1]);
    case DocKind::FreshLine:
    case DocKind::BlankLine: return std::nullopt;
    case DocKind::Concat:
    case DocKind::Indent:
    case DocKind::Group: break;
  }
  std::size_t width = 0;
  for (const Doc& child : doc->children) width += *flatWidth(child);
  return width;
}

namespace {

// Adds the width up to the first forced break; false once one is reached.
bool addFirstLineWidth(const DocNode& doc, std::size_t& width) {
  switch (doc.kind) {
    case DocKind::Text: {
      if (doc.lineComment) return false;
      const std::size_t lineBreak = doc.text.find('\n');
      width += displayWidth(std::string_view(doc.text).substr(0, lineBreak));
      return lineBreak == std::string::npos;
    }
    case DocKind::Line:
      if (doc.hard) return false;
      width += displayWidth(doc.text);
      return true;
    case DocKind::Gap: ++width; return true;
    case DocKind::FreshLine:
    case DocKind::BlankLine: return false;
    case DocKind::IfBreak: return addFirstLineWidth(*doc.children[1], width);
    case DocKind::Concat:
    case DocKind::Indent:
    case DocKind::Group: break;
  }
  for (const Doc& child : doc.children) {
    if (!addFirstLineWidth(*child, width)) return false;
  }
  return true;
}

// Tracks the width since the last forced break.
void addLastLineWidth(const DocNode& doc, std::size_t& width) {
  switch (doc.kind) {
    case DocKind::Text: {
      const std::size_t lineBreak = doc.text.rfind('\n');
      if (lineBreak != std::string::npos) width = 0;
      width += displayWidth(doc.text);
      return;
    }
    case DocKind::Line:
      if (doc.hard) {
        width = 0;
      } else {
        width += displayWidth(doc.text);
      }
      return;
    case DocKind::Gap:
      if (width > 0) ++width;
      return;
    case DocKind::FreshLine:
    case DocKind::BlankLine: width = 0; return;
    case DocKind::IfBreak: addLastLineWidth(*doc.children[1], width); return;
    case DocKind::Concat:
    case DocKind::Indent:
    case DocKind::Group: break;
  }
  for (const Doc& child : doc.children) addLastLineWidth(*child, width);
}

}  // namespace

std::size_t lastLineWidth(const Doc& doc) {
  std::size_t width = 0;
  addLastLineWidth(*doc, width);
  return width;
}

std::size_t firstLineWidth(const Doc& doc) {
  std::size_t width = 0;
  addFirstLineWidth(*doc, width);
  return width;
}

Doc text(std::string_view s) {
  auto node = std::make_shared<DocNode>();
  node->text = std::string(s);
  node->breaks = s.find('\n') != std::string_view::npos;
  return node;
}

Doc lineCommentText(std::string_view s) {
  auto node = std::make_shared<DocNode>();
  node->text = std::string(s);
  node->lineComment = true;
  node->breaks = true;
  return node;
}

Doc concat(std::vector<Doc> parts) { return make(DocKind::Concat, {}, std::move(parts)); }

Doc line() { return lineOr(" "); }
Doc softLine() { return lineOr(""); }
Doc lineOr(std::string_view flat) { return make(DocKind::Line, std::string(flat)); }

Doc hardLine() {
  auto node = std::make_shared<DocNode>();
  node->kind = DocKind::Line;
  node->hard = true;
  node->breaks = true;
  return node;
}

Doc freshLine() {
  auto node = std::make_shared<DocNode>();
  node->kind = DocKind::FreshLine;
  node->breaks = true;
  return node;
}

Doc blankLine() {
  auto node = std::make_shared<DocNode>();
  node->kind = DocKind::BlankLine;
  node->breaks = true;
  return node;
}

Doc gap() { return make(DocKind::Gap); }

Doc indent(Doc child) { return make(DocKind::Indent, {}, {std::move(child)}); }

Doc group(Doc child, bool forceBreak) {
  Doc node = make(DocKind::Group, {}, {std::move(child)});
  if (forceBreak && !node->breaks) {
    auto copy = std::make_shared<DocNode>(*node);
    copy->breaks = true;
    return copy;
  }
  return node;
}

Doc ifBreak(Doc broken, Doc flat) {
  auto node = std::make_shared<DocNode>();
  node->kind = DocKind::IfBreak;
  // Only the flat branch can keep a group from being flat.
  node->breaks = flat->breaks;
  node->children = {std::move(broken), std::move(flat)};
  return node;
}

Doc nothing() { return text(""); }

Slot::Slot() : node_(std::make_shared<DocNode>()), doc_(node_) { node_->kind = DocKind::Concat; }

void Slot::fill(Doc content) { node_->children = {std::move(content)}; }

}  // namespace jaws::formatter
