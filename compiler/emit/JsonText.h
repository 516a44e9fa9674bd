#pragma once
// JSON text as nlohmann's dump(2 or -1, ' ', false, replace) writes it, byte for
// byte, written directly into a string: the templates and API documents of a
// build are megabytes, and nlohmann's serializer decodes UTF-8 byte by byte
// and writes through a virtual call per character. Plain ASCII strings are
// copied whole (checked eight bytes at a time); numbers that are not integers
// and strings with non-ASCII bytes are left to nlohmann (the reference).
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

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

// Appends `value` with two-space indentation, its first line at `indent`
// spaces (no final newline).
void appendIndentedJson(const nlohmann::ordered_json& value, std::string& out, std::size_t indent = 0);
// Appends `value` as dump(-1, ' ', false, replace) writes it: no whitespace.
void appendCompactJson(const nlohmann::ordered_json& value, std::string& out);

}  // namespace jaws::emit
