#include "lsp/Positions.h"

#include <algorithm>

#include "source/Utf8.h"

namespace jaws::lsp {

namespace {

// A line without its line break.
std::string_view withoutBreak(std::string_view line) {
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  return line;
}

}  // namespace

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (std::uint32_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts_.push_back(i + 1);
  }
}

std::string_view LineIndex::lineText(std::uint32_t line) const {
  const std::uint32_t begin = starts_[line];
  const std::uint32_t end = line + 1 < starts_.size() ? starts_[line + 1] : static_cast<std::uint32_t>(text_.size());
  return withoutBreak(text_.substr(begin, end - begin));
}

std::uint32_t LineIndex::offsetOf(Position position) const {
  if (position.line >= starts_.size()) return static_cast<std::uint32_t>(text_.size());
  const std::string_view line = lineText(position.line);
  return starts_[position.line] + static_cast<std::uint32_t>(utf8::byteOffsetOfUtf16(line, position.character));
}

Position LineIndex::positionOf(std::uint32_t offset) const {
  offset = std::min(offset, static_cast<std::uint32_t>(text_.size()));
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const auto line = static_cast<std::uint32_t>(it - starts_.begin() - 1);
  const std::string_view before = text_.substr(starts_[line], offset - starts_[line]);
  return Position{line, static_cast<std::uint32_t>(utf8::utf16Length(before))};
}

Position positionIn(const SourceFile& file, std::uint32_t offset) {
  offset = std::min(offset, file.size());
  return Position{file.lineIndex(offset), file.utf16Column(offset)};
}

std::uint32_t offsetIn(const SourceFile& file, Position position) {
  if (position.line >= file.lineCount()) return file.size();
  return file.lineStart(position.line) +
         static_cast<std::uint32_t>(utf8::byteOffsetOfUtf16(file.lineText(position.line), position.character));
}

Json positionJson(Position position) { return Json{{"line", position.line}, {"character", position.character}}; }

Json rangeJson(Position start, Position end) { return Json{{"start", positionJson(start)}, {"end", positionJson(end)}}; }

Json rangeJson(const SourceFile& file, Span span) {
  const std::uint32_t end = std::max(span.end, span.begin);
  return rangeJson(positionIn(file, span.begin), positionIn(file, end));
}

Position positionFrom(const Json& json) {
  if (!json.is_object() || !json.contains("line") || !json.contains("character") || !json["line"].is_number_unsigned() ||
      !json["character"].is_number_unsigned()) {
    throw RpcError(rpc::kInvalidParams, "a position needs a non-negative \"line\" and \"character\"");
  }
  const auto clamp = [](std::uint64_t v) { return static_cast<std::uint32_t>(std::min<std::uint64_t>(v, 0xFFFFFFFFu)); };
  return Position{clamp(json["line"].get<std::uint64_t>()), clamp(json["character"].get<std::uint64_t>())};
}

}  // namespace jaws::lsp
