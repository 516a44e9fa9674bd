#include "source/SourceFile.h"

#include <algorithm>

#include "source/Utf8.h"

namespace jaws {

SourceFile::SourceFile(FileId id, std::string path, std::string text)
    : id_(id), path_(std::move(path)), text_(std::move(text)) {
  lineStarts_.push_back(0);
  for (std::uint32_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') lineStarts_.push_back(i + 1);
  }
}

std::uint32_t SourceFile::lineIndex(std::uint32_t offset) const {
  offset = std::min(offset, size());
  auto it = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
  return static_cast<std::uint32_t>(it - lineStarts_.begin() - 1);
}

LineColumn SourceFile::lineColumn(std::uint32_t offset) const {
  offset = std::min(offset, size());
  const std::uint32_t line = lineIndex(offset);
  const std::string_view before = std::string_view(text_).substr(lineStarts_[line], offset - lineStarts_[line]);
  return LineColumn{line + 1, static_cast<std::uint32_t>(utf8::codePointCount(before)) + 1};
}

std::string_view SourceFile::lineText(std::uint32_t lineIndex) const {
  if (lineIndex >= lineStarts_.size()) return {};
  const std::uint32_t begin = lineStarts_[lineIndex];
  std::uint32_t end = lineIndex + 1 < lineStarts_.size() ? lineStarts_[lineIndex + 1] : size();
  while (end > begin && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return std::string_view(text_).substr(begin, end - begin);
}

std::string_view SourceFile::slice(Span span) const {
  const std::uint32_t begin = std::min(span.begin, size());
  const std::uint32_t end = std::min(std::max(span.end, begin), size());
  return std::string_view(text_).substr(begin, end - begin);
}

}  // namespace jaws
