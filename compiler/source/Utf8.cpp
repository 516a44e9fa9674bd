#include "source/Utf8.h"

#include <cstdint>
#include <cstring>

namespace jaws::utf8 {

std::size_t sequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  if ((lead & 0xF8) == 0xF0) return 4;
  return 1;
}

std::optional<Decoded> decode(std::string_view text, std::size_t at) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char c = bytes[at];
  if (c < 0x80) return Decoded{c, 1};
  std::size_t len;
  std::uint32_t cp;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    cp = c & 0x07;
  } else {
    return std::nullopt;
  }
  if (at + len > text.size()) return std::nullopt;
  for (std::size_t k = 1; k < len; ++k) {
    if ((bytes[at + k] & 0xC0) != 0x80) return std::nullopt;
    cp = (cp << 6) | (bytes[at + k] & 0x3F);
  }
  const bool overlong = (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
  const bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
  if (overlong || surrogate || cp > 0x10FFFF) return std::nullopt;
  return Decoded{cp, len};
}

std::optional<std::size_t> firstInvalidByte(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    // The common case, eight ASCII bytes at a time (no high bit set in any).
    if (i + 8 <= text.size()) {
      std::uint64_t word;
      std::memcpy(&word, text.data() + i, sizeof word);
      if ((word & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const auto decoded = decode(text, i);
    if (!decoded) return i;
    i += decoded->length;
  }
  return std::nullopt;
}

std::size_t codePointCount(std::string_view text) {
  std::size_t count = 0;
  for (unsigned char c : text) count += (c & 0xC0) != 0x80;
  return count;
}

std::size_t utf16Length(std::string_view text) {
  std::size_t units = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) == 0x80) continue;
    units += (c >= 0xF0) ? 2 : 1;
  }
  return units;
}

std::size_t byteOffsetOfUtf16(std::string_view text, std::size_t units) {
  std::size_t i = 0, seen = 0;
  while (i < text.size() && seen < units) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t len = sequenceLength(c);
    seen += (c >= 0xF0) ? 2 : 1;
    i += len;
  }
  return i < text.size() ? i : text.size();
}

bool append(std::string& out, std::uint32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return true;
}

}  // namespace jaws::utf8
