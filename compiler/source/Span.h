#pragma once
// A range of bytes in one source file. Everything that points into source
// (AST nodes, diagnostics, symbols) carries a Span; line and column are
// computed on demand through the file's line table.
#include <cstdint>
#include <limits>

namespace jaws {

using FileId = std::uint32_t;
inline constexpr FileId kNoFile = std::numeric_limits<FileId>::max();

struct Span {
  FileId file = kNoFile;
  std::uint32_t begin = 0;  // byte offset of the first byte
  std::uint32_t end = 0;    // byte offset one past the last byte

  bool valid() const { return file != kNoFile; }
  std::uint32_t size() const { return end - begin; }
  bool contains(std::uint32_t offset) const { return offset >= begin && offset <= end; }

  // The smallest span covering both; spans of different files keep the first.
  Span cover(const Span& other) const {
    if (!valid()) return other;
    if (!other.valid() || other.file != file) return *this;
    return Span{file, begin < other.begin ? begin : other.begin, end > other.end ? end : other.end};
  }
  friend bool operator==(const Span&, const Span&) = default;
};

}  // namespace jaws
