#pragma once
// The protocol edge for positions. Inside the compiler a position is a byte
// offset into UTF-8 text; LSP counts lines and UTF-16 code units. These are
// the only functions that convert between the two.
#include <cstdint>
#include <string_view>
#include <vector>

#include "lsp/JsonRpc.h"
#include "source/SourceFile.h"

namespace jaws::lsp {

struct Position {
  std::uint32_t line = 0;
  std::uint32_t character = 0;  // UTF-16 code units
};

// Line starts of a text (an open document's, which changes with every edit).
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  std::uint32_t offsetOf(Position position) const;  // clamped to the line and the text
  Position positionOf(std::uint32_t offset) const;
  std::uint32_t lineCount() const { return static_cast<std::uint32_t>(starts_.size()); }

 private:
  std::string_view lineText(std::uint32_t line) const;
  std::string_view text_;
  std::vector<std::uint32_t> starts_;
};

// The same for a compiled file, through its own line table.
Position positionIn(const SourceFile& file, std::uint32_t offset);
std::uint32_t offsetIn(const SourceFile& file, Position position);

Json positionJson(Position position);
Json rangeJson(Position start, Position end);
Json rangeJson(const SourceFile& file, Span span);
// A `Position` from JSON; throws RpcError (invalid params) when it is not one.
Position positionFrom(const Json& json);

}  // namespace jaws::lsp
