#pragma once
// JSON text as nlohmann's dump(2 or -1, ' ', false, replace) writes it, byte for
// byte, written directly into a string: the templates and API documents of a
// build are megabytes, and nlohmann's serializer decodes UTF-8 byte by byte
// and writes through a virtual call per character. Plain ASCII strings are
// copied whole (checked sixteen bytes at a time); numbers that are not integers
// and strings with non-ASCII bytes are left to nlohmann (the reference).
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace jaws::emit {

// Whether any of the eight bytes of `word` may need escaping in JSON text or
// is not ASCII: a control character, `"`, `\\`, a byte of 0x80 or more (the
// classic word-at-a-time tests; exact for "none").
inline bool mayNeedEscaping(std::uint64_t word) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
  const auto hasZeroByte = [](std::uint64_t v) { return (v - kOnes) & ~v & kHighBits; };
  const std::uint64_t control = (word - kOnes * 0x20) & ~word & kHighBits;  // a byte below 0x20
  return (control | hasZeroByte(word ^ (kOnes * '"')) | hasZeroByte(word ^ (kOnes * '\\')) | (word & kHighBits)) != 0;
}

#if defined(__SSE2__)
// The same test on sixteen bytes at once: a signed comparison with 0x20
// catches both the control characters and the bytes of 0x80 or more.
inline bool mayNeedEscaping16(const char* bytes) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes));
  const __m128i special = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')));
  return _mm_movemask_epi8(_mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)), special)) != 0;
}
#endif

// Whether no byte of `text` needs escaping or is not ASCII, sixteen bytes at
// a time where SSE2 is there, else eight. The last bytes are tested as the
// last block (overlapping bytes already tested) or, for four to seven bytes,
// as the first four and the last four: no byte past the string is read.
inline bool isPlainAscii(std::string_view text) {
  const char* data = text.data();
  const std::size_t size = text.size();
#if defined(__SSE2__)
  if (size >= 16) {
    for (std::size_t i = 0; i + 16 <= size; i += 16) {
      if (mayNeedEscaping16(data + i)) return false;
    }
    return size % 16 == 0 || !mayNeedEscaping16(data + size - 16);
  }
#endif
  if (size >= 8) {
    std::uint64_t word;
    for (std::size_t i = 0; i + 8 <= size; i += 8) {
      std::memcpy(&word, data + i, sizeof word);
      if (mayNeedEscaping(word)) return false;
    }
    std::memcpy(&word, data + size - 8, sizeof word);
    return size % 8 == 0 || !mayNeedEscaping(word);
  }
  if (size >= 4) {
    std::uint32_t head, tail;
    std::memcpy(&head, data, sizeof head);
    std::memcpy(&tail, data + size - 4, sizeof tail);
    return !mayNeedEscaping(head | std::uint64_t{tail} << 32);
  }
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') return false;
  }
  return true;
}

// Appends `value` with two-space indentation, its first line at `indent`
// spaces (no final newline).
void appendIndentedJson(const nlohmann::ordered_json& value, std::string& out, std::size_t indent = 0);
// Appends `value` as dump(-1, ' ', false, replace) writes it: no whitespace.
void appendCompactJson(const nlohmann::ordered_json& value, std::string& out);

}  // namespace jaws::emit
