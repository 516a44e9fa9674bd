#include "source/SourceFile.h"

#include <algorithm>
#include <cstring>


namespace jaws {

SourceFile::SourceFile(FileId id, std::string path, std::string text)
    : id_(id), path_(std::move(path)), text_(std::move(text)) {
  // Newlines by memchr and each block's counts by a branch-free loop the
  // compiler vectorizes: a byte-at-a-time loop doing both was 20 instructions
  // a byte, a sizeable part of a small project's check.
  const char* data = text_.data();
  const char* const end = data + text_.size();
  lineStarts_.push_back(0);
  for (const char* p = data; (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)))); ++p) {
    lineStarts_.push_back(static_cast<std::uint32_t>(p - data + 1));
  }
  blocks_.reserve(text_.size() / kBlockSize + 1);
  BlockCounts running;
  for (std::size_t begin = 0; begin < text_.size(); begin += kBlockSize) {
    blocks_.push_back(running);
    const std::size_t stop = std::min<std::size_t>(text_.size(), begin + kBlockSize);
    std::uint32_t continuations = 0, astralLeads = 0;
    for (std::size_t i = begin; i < stop; ++i) {
      const auto c = static_cast<unsigned char>(data[i]);
      continuations += (c & 0xC0) == 0x80;
      astralLeads += c >= 0xF0;
    }
    running.continuations += continuations;
    running.astralLeads += astralLeads;
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
