#include "diag/TerminalText.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

#include "source/Utf8.h"

namespace jaws::terminal {

namespace {

constexpr std::uint32_t kReplacement = 0xFFFD;

using Range = std::pair<std::uint32_t, std::uint32_t>;

// East Asian Wide and Fullwidth blocks and the emoji blocks (Unicode 15,
// coarse: whole blocks, which is what terminals do in practice).
constexpr std::array kWide = {
    Range{0x1100, 0x115F},   Range{0x231A, 0x231B},   Range{0x2329, 0x232A},   Range{0x23E9, 0x23EC},
    Range{0x23F0, 0x23F0},   Range{0x23F3, 0x23F3},   Range{0x25FD, 0x25FE},   Range{0x2614, 0x2615},
    Range{0x2648, 0x2653},   Range{0x267F, 0x267F},   Range{0x2693, 0x2693},   Range{0x26A1, 0x26A1},
    Range{0x26AA, 0x26AB},   Range{0x26BD, 0x26BE},   Range{0x26C4, 0x26C5},   Range{0x26CE, 0x26CE},
    Range{0x26D4, 0x26D4},   Range{0x26EA, 0x26EA},   Range{0x26F2, 0x26F3},   Range{0x26F5, 0x26F5},
    Range{0x26FA, 0x26FA},   Range{0x26FD, 0x26FD},   Range{0x2705, 0x2705},   Range{0x270A, 0x270B},
    Range{0x2728, 0x2728},   Range{0x274C, 0x274C},   Range{0x274E, 0x274E},   Range{0x2753, 0x2755},
    Range{0x2757, 0x2757},   Range{0x2795, 0x2797},   Range{0x27B0, 0x27B0},   Range{0x27BF, 0x27BF},
    Range{0x2B1B, 0x2B1C},   Range{0x2B50, 0x2B50},   Range{0x2B55, 0x2B55},   Range{0x2E80, 0x303E},
    Range{0x3041, 0x33FF},   Range{0x3400, 0x4DBF},   Range{0x4E00, 0x9FFF},   Range{0xA000, 0xA4CF},
    Range{0xA960, 0xA97F},   Range{0xAC00, 0xD7A3},   Range{0xF900, 0xFAFF},   Range{0xFE10, 0xFE19},
    Range{0xFE30, 0xFE6F},   Range{0xFF00, 0xFF60},   Range{0xFFE0, 0xFFE6},   Range{0x16FE0, 0x16FE4},
    Range{0x17000, 0x18CFF}, Range{0x1B000, 0x1B2FF}, Range{0x1F004, 0x1F004}, Range{0x1F0CF, 0x1F0CF},
    Range{0x1F18E, 0x1F18E}, Range{0x1F191, 0x1F19A}, Range{0x1F200, 0x1F251}, Range{0x1F300, 0x1F64F},
    Range{0x1F680, 0x1F6FF}, Range{0x1F7E0, 0x1F7EB}, Range{0x1F90C, 0x1F9FF}, Range{0x1FA70, 0x1FAFF},
    Range{0x20000, 0x2FFFD}, Range{0x30000, 0x3FFFD},
};

// Combining marks, zero-width spaces and joiners, variation selectors.
constexpr std::array kZeroWidth = {
    Range{0x0300, 0x036F}, Range{0x0483, 0x0489}, Range{0x0591, 0x05BD}, Range{0x1AB0, 0x1AFF},
    Range{0x1DC0, 0x1DFF}, Range{0x200B, 0x200F}, Range{0x20D0, 0x20FF}, Range{0xFE00, 0xFE0F},
    Range{0xFE20, 0xFE2F}, Range{0xE0100, 0xE01EF},
};

template <std::size_t N>
bool inRanges(const std::array<Range, N>& ranges, std::uint32_t cp) {
  auto it = std::upper_bound(ranges.begin(), ranges.end(), cp, [](std::uint32_t v, const Range& r) { return v < r.first; });
  return it != ranges.begin() && cp <= std::prev(it)->second;
}

bool isBidiControl(std::uint32_t cp) {
  return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

// The code point at `i`, or U+FFFD for one invalid byte: files are checked on
// load, but messages and snippets must not assume it.
std::pair<std::uint32_t, std::size_t> decodeOrReplace(std::string_view text, std::size_t i) {
  if (const auto decoded = utf8::decode(text, i)) return {decoded->codePoint, decoded->length};
  return {kReplacement, 1};
}

std::uint32_t shown(std::uint32_t cp) {
  if (cp == '\t') return ' ';
  if (cp < 0x20) return 0x2400 + cp;
  if (cp == 0x7F) return 0x2421;
  if ((cp >= 0x80 && cp < 0xA0) || isBidiControl(cp)) return kReplacement;
  return cp;
}

}  // namespace

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto [cp, length] = decodeOrReplace(text, i);
    if (cp >= 0x20 && cp < 0x7F) {
      out += static_cast<char>(cp);
    } else {
      utf8::append(out, shown(cp));
    }
    i += length;
  }
  return out;
}

std::size_t displayWidth(std::string_view printableText) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < printableText.size();) {
    const auto [cp, length] = decodeOrReplace(printableText, i);
    i += length;
    if (cp < 0x300) {
      ++width;
    } else if (inRanges(kZeroWidth, cp)) {
      continue;
    } else {
      width += inRanges(kWide, cp) ? 2 : 1;
    }
  }
  return width;
}

}  // namespace jaws::terminal
