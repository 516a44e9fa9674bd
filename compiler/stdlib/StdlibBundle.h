#pragma once
// The standard library's syntax trees, parsed at build time
// (tool/PrecompileStdlib.cpp) and embedded in the binary as one bundle:
//   "JAWSSTDL", bundle version (u32), file count (u32), then per file its
//   name, its text's size and hash (u64 each) and its tree (AstBinary.h).
// Integers are little-endian; names and trees are a u32 size and the bytes.
// The size and hash tie each tree to the embedded text it was parsed from.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jaws {

inline constexpr std::uint32_t kStdlibBundleVersion = 1;

struct StdlibBundleEntry {
  std::string_view name;  // "events.jaws"
  std::uint64_t textSize = 0;
  std::uint64_t textHash = 0;
  std::string_view tree;  // ast::readBinary's input
};

// FNV-1a over the text: cheap, and enough to tell a stale tree from its text.
std::uint64_t stdlibTextHash(std::string_view text);

std::string encodeStdlibBundle(const std::vector<StdlibBundleEntry>& entries);
// The entries, viewing `bytes`; none when the header, the version or a size
// is wrong.
std::optional<std::vector<StdlibBundleEntry>> decodeStdlibBundle(std::string_view bytes);

}  // namespace jaws
