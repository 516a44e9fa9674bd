#include "fmt/CommentCursor.h"

#include <algorithm>

namespace jaws::formatter {

namespace {

bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trimRight(std::string_view s) {
  while (!s.empty() && isBlank(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

CommentCursor::CommentCursor(const SourceFile& file, const std::vector<ast::Comment>& comments)
    : file_(file), text_(file.text()), comments_(comments) {
  std::sort(comments_.begin(), comments_.end(),
            [](const ast::Comment& a, const ast::Comment& b) { return a.span.begin < b.span.begin; });
}

std::string CommentCursor::normalizedText(std::string_view raw, ast::Comment::Kind kind) {
  if (kind != ast::Comment::Kind::Block) return std::string(trimRight(raw));
  std::string out;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = raw.find('\n', start);
    out += trimRight(raw.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) break;
    out += '\n';
    start = end + 1;
  }
  return out;
}

Doc CommentCursor::commentDoc(const ast::Comment& comment) const {
  const std::string body = normalizedText(file_.slice(comment.span), comment.kind);
  return comment.kind == ast::Comment::Kind::Block ? text(body) : lineCommentText(body);
}

bool CommentCursor::ownLine(const ast::Comment& comment) const {
  std::uint32_t i = comment.span.begin;
  while (i > 0 && (text_[i - 1] == ' ' || text_[i - 1] == '\t')) --i;
  if (i == 0) return true;
  // A byte-order mark at the start of the file is not text.
  if (i == 3 && text_.substr(0, 3) == "\xEF\xBB\xBF") return true;
  return text_[i - 1] == '\n';
}

bool CommentCursor::followedByLineBreak(std::uint32_t offset) const {
  std::uint32_t i = offset;
  while (i < text_.size() && isBlank(text_[i])) ++i;
  return i >= text_.size() || text_[i] == '\n';
}

const ast::Comment* CommentCursor::commentAt(std::uint32_t offset) const {
  auto it = std::lower_bound(comments_.begin(), comments_.end(), offset,
                             [](const ast::Comment& c, std::uint32_t at) { return c.span.end <= at; });
  if (it != comments_.end() && it->span.begin <= offset && offset < it->span.end) return &*it;
  return nullptr;
}

void CommentCursor::place(const ast::Comment& comment) {
  ++next_;
  pos_ = std::max(pos_, comment.span.end);
  afterOpen_ = false;
}

Doc CommentCursor::leading(std::uint32_t offset) {
  DocBuilder out;
  bool afterOwnLine = false;
  while (next_ < comments_.size() && comments_[next_].span.begin < offset) {
    const ast::Comment& c = comments_[next_];
    const bool isLine = c.kind != ast::Comment::Kind::Block;
    const bool breakAfter = isLine || followedByLineBreak(c.span.end);
    if (ownLine(c)) {
      out += freshLine();
      if (afterOwnLine && hasBlankLine(pos_, c.span.begin)) out += blankLine();
      out += commentDoc(c);
    } else {
      out += gap();
      out += commentDoc(c);
    }
    out += breakAfter ? hardLine() : gap();
    afterOwnLine = breakAfter;
    place(c);
  }
  if (afterOwnLine && hasBlankLine(pos_, offset)) out += blankLine();
  return out.empty() ? nothing() : out.build();
}

bool CommentCursor::trails(std::uint32_t end, const ast::Comment& c) const {
  if (c.span.begin < end) return false;
  for (std::uint32_t i = end; i < c.span.begin; ++i) {
    const char ch = text_[i];
    if (ch != ' ' && ch != '\t' && ch != ',' && ch != ';') return false;
  }
  if (c.kind != ast::Comment::Kind::Block) return true;
  // A block comment with more code after it on its line leads that code.
  std::uint32_t i = c.span.end;
  while (i < text_.size() && (isBlank(text_[i]) || text_[i] == ',' || text_[i] == ';')) ++i;
  return i >= text_.size() || text_[i] == '\n' || text_.substr(i, 2) == "//";
}

Doc CommentCursor::trailing() {
  DocBuilder out;
  while (next_ < comments_.size()) {
    const ast::Comment& c = comments_[next_];
    if (!trails(pos_, c)) break;
    out += text(" ");
    out += commentDoc(c);
    place(c);
  }
  return out.empty() ? nothing() : out.build();
}

bool CommentCursor::canMoveAfter(std::uint32_t from, std::uint32_t to) const {
  auto it = std::lower_bound(comments_.begin(), comments_.end(), from,
                             [](const ast::Comment& c, std::uint32_t at) { return c.span.begin < at; });
  bool lineComment = false;
  for (; it != comments_.end() && it->span.begin < to; ++it) {
    if (lineComment || it->kind == ast::Comment::Kind::Doc || ownLine(*it)) return false;
    lineComment = it->kind == ast::Comment::Kind::Line;
  }
  // After a `//` comment, nothing may trail the token.
  return !lineComment || it == comments_.end() || !trails(to + 1, *it);
}

Doc CommentCursor::asTrailing(std::uint32_t offset) {
  DocBuilder out;
  while (next_ < comments_.size() && comments_[next_].span.begin < offset) {
    out += text(" ");
    out += commentDoc(comments_[next_]);
    place(comments_[next_]);
  }
  return out.empty() ? nothing() : out.build();
}

Doc CommentCursor::dangling(std::uint32_t offset) {
  DocBuilder out;
  while (next_ < comments_.size() && comments_[next_].span.begin < offset) {
    const ast::Comment& c = comments_[next_];
    if (ownLine(c)) {
      out += freshLine();
      if (!afterOpen_ && hasBlankLine(pos_, c.span.begin)) out += blankLine();
    } else {
      out += gap();
    }
    out += commentDoc(c);
    place(c);
  }
  return out.empty() ? nothing() : out.build();
}

void CommentCursor::advance(std::uint32_t end) {
  pos_ = std::max(pos_, end);
  afterOpen_ = false;
}

void CommentCursor::opened(std::uint32_t end) {
  pos_ = std::max(pos_, end);
  afterOpen_ = true;
}

void CommentCursor::skipWithin(Span span) {
  while (next_ < comments_.size() && comments_[next_].span.begin < span.end) {
    ++next_;
  }
  advance(span.end);
}

bool CommentCursor::hasCommentWithin(Span span) const {
  auto it = std::lower_bound(comments_.begin(), comments_.end(), span.begin,
                             [](const ast::Comment& c, std::uint32_t at) { return c.span.begin < at; });
  return it != comments_.end() && it->span.begin < span.end;
}

bool CommentCursor::hasDocCommentWithin(Span span) const {
  auto it = std::lower_bound(comments_.begin(), comments_.end(), span.begin,
                             [](const ast::Comment& c, std::uint32_t at) { return c.span.begin < at; });
  for (; it != comments_.end() && it->span.begin < span.end; ++it) {
    if (it->kind == ast::Comment::Kind::Doc) return true;
  }
  return false;
}

bool CommentCursor::blankLineBefore(std::uint32_t begin) const {
  std::uint32_t first = begin;
  if (next_ < comments_.size() && comments_[next_].span.begin < begin) first = comments_[next_].span.begin;
  return !afterOpen_ && hasBlankLine(pos_, first);
}

bool CommentCursor::hasBlankLine(std::uint32_t begin, std::uint32_t end) const {
  int lineBreaks = 0;
  for (std::uint32_t i = begin; i < end && i < text_.size();) {
    if (const ast::Comment* c = commentAt(i)) {
      lineBreaks = 0;
      i = c->span.end;
      continue;
    }
    const char ch = text_[i++];
    if (ch == '\n') {
      if (++lineBreaks >= 2) return true;
    } else if (!isBlank(ch)) {
      lineBreaks = 0;
    }
  }
  return false;
}

bool CommentCursor::hasLineBreak(std::uint32_t begin, std::uint32_t end) const {
  return text_.substr(begin, end > begin ? end - begin : 0).find('\n') != std::string_view::npos;
}

std::optional<std::uint32_t> CommentCursor::separatorAfterDoc(std::uint32_t from, std::uint32_t to) const {
  std::optional<std::uint32_t> kept;
  bool docSeen = false;
  for (std::uint32_t i = from; i < to && i < text_.size();) {
    if (const ast::Comment* comment = commentAt(i)) {
      docSeen = docSeen || comment->kind == ast::Comment::Kind::Doc;
      i = comment->span.end;
      continue;
    }
    if ((text_[i] == ',' || text_[i] == ';') && docSeen) kept = i;
    ++i;
  }
  return kept;
}

std::uint32_t CommentCursor::find(std::uint32_t from, char c) const {
  for (std::uint32_t i = from; i < text_.size();) {
    if (const ast::Comment* comment = commentAt(i)) {
      i = comment->span.end;
      continue;
    }
    if (text_[i] == c) return i;
    ++i;
  }
  return static_cast<std::uint32_t>(text_.size());
}

}  // namespace jaws::formatter
