#pragma once
// One source file: its path, its bytes and a line table. Positions inside the
// compiler are byte offsets; line and column are derived here, once, for
// diagnostics and the editor.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "source/Span.h"

namespace jaws {

// 1-based line; 1-based column counted in Unicode code points (as rustc does),
// so a caret lines up under the character a user sees.
struct LineColumn {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  friend bool operator==(const LineColumn&, const LineColumn&) = default;
};

class SourceFile {
 public:
  SourceFile(FileId id, std::string path, std::string text);

  FileId id() const { return id_; }
  // The path as it is shown to users (relative to the working directory when
  // it was given that way, absolute otherwise).
  const std::string& path() const { return path_; }
  std::string_view text() const { return text_; }
  std::uint32_t size() const { return static_cast<std::uint32_t>(text_.size()); }

  LineColumn lineColumn(std::uint32_t offset) const;
  // Column of `offset` (0-based) in UTF-16 code units, as the LSP counts them.
  std::uint32_t utf16Column(std::uint32_t offset) const;
  // 0-based line index of the byte at `offset`.
  std::uint32_t lineIndex(std::uint32_t offset) const;
  std::uint32_t lineCount() const { return static_cast<std::uint32_t>(lineStarts_.size()); }
  std::uint32_t lineStart(std::uint32_t lineIndex) const { return lineStarts_[lineIndex]; }
  // The text of a 0-based line without its line break.
  std::string_view lineText(std::uint32_t lineIndex) const;
  std::string_view slice(Span span) const;

 private:
  FileId id_;
  std::string path_;
  std::string text_;
  std::vector<std::uint32_t> lineStarts_;
  // Counts of UTF-8 continuation bytes and of 4-byte sequence leads before
  // each block of kBlockSize bytes. With them a column costs at most one
  // block's scan, not the whole line's: a 10 MiB one-line file with many
  // diagnostics stays linear.
  static constexpr std::uint32_t kBlockSize = 4096;
  struct BlockCounts {
    std::uint32_t continuations = 0;
    std::uint32_t astralLeads = 0;
  };
  std::vector<BlockCounts> blocks_;
  BlockCounts countsBefore(std::uint32_t offset) const;
};

}  // namespace jaws
