#include "source/SourceFile.h"

#include <algorithm>


namespace jaws {

SourceFile::SourceFile(FileId id, std::string path, std::string text)
    : id_(id), path_(std::move(path)), text_(std::move(text)) {
  lineStarts_.push_back(0);
  BlockCounts running;
  for (std::uint32_t i = 0; i < text_.size(); ++i) {
    if (i % kBlockSize == 0) blocks_.push_back(running);
    const auto c = static_cast<unsigned char>(text_[i]);
    if (c == '\n') lineStarts_.push_back(i + 1);
    running.continuations += (c & 0xC0) == 0x80;
    running.astralLeads += c >= 0xF0;
  }
}

SourceFile::BlockCounts SourceFile::countsBefore(std::uint32_t offset) const {
  if (blocks_.empty()) return {};
  const std::uint32_t block = std::min<std::uint32_t>(offset / kBlockSize, static_cast<std::uint32_t>(blocks_.size() - 1));
  BlockCounts counts = blocks_[block];
  for (std::uint32_t i = block * kBlockSize; i < offset; ++i) {
    const auto c = static_cast<unsigned char>(text_[i]);
    counts.continuations += (c & 0xC0) == 0x80;
    counts.astralLeads += c >= 0xF0;
  }
  return counts;
}

std::uint32_t SourceFile::lineIndex(std::uint32_t offset) const {
  offset = std::min(offset, size());
  auto it = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
  return static_cast<std::uint32_t>(it - lineStarts_.begin() - 1);
}

LineColumn SourceFile::lineColumn(std::uint32_t offset) const {
  offset = std::min(offset, size());
  const std::uint32_t line = lineIndex(offset);
  const std::uint32_t bytes = offset - lineStarts_[line];
  const std::uint32_t continuations = countsBefore(offset).continuations - countsBefore(lineStarts_[line]).continuations;
  return LineColumn{line + 1, bytes - continuations + 1};
}

std::uint32_t SourceFile::utf16Column(std::uint32_t offset) const {
  offset = std::min(offset, size());
  const std::uint32_t start = lineStarts_[lineIndex(offset)];
  const BlockCounts atOffset = countsBefore(offset), atStart = countsBefore(start);
  // A code point is one unit, except a 4-byte (astral) one, which is two.
  return (offset - start) - (atOffset.continuations - atStart.continuations) + (atOffset.astralLeads - atStart.astralLeads);
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
