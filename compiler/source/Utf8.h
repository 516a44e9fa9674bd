#pragma once
// UTF-8 helpers. Source text is kept as bytes; these answer the few questions
// that need code points (validation, columns, LSP's UTF-16 positions).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace jaws::utf8 {

struct Decoded {
  std::uint32_t codePoint;
  std::size_t length;  // bytes
};

// The code point that starts at byte `at`, or nullopt when the bytes there are
// not valid UTF-8 (a stray continuation, an overlong form, a surrogate, a value
// past U+10FFFF, a sequence cut short).
std::optional<Decoded> decode(std::string_view text, std::size_t at);

// Byte offset of the first byte that does not start or continue a valid UTF-8
// sequence.
std::optional<std::size_t> firstInvalidByte(std::string_view text);

// Length in bytes of the sequence that starts with `lead` (1 for invalid bytes).
std::size_t sequenceLength(unsigned char lead);

// Number of code points in valid UTF-8 text (invalid bytes count as one each).
std::size_t codePointCount(std::string_view text);

// Number of UTF-16 code units the text takes (LSP positions).
std::size_t utf16Length(std::string_view text);

// Byte offset within `text` after advancing `units` UTF-16 code units (clamped).
std::size_t byteOffsetOfUtf16(std::string_view text, std::size_t units);

// Appends the UTF-8 encoding of a code point; false when it is not a scalar value.
bool append(std::string& out, std::uint32_t codePoint);

}  // namespace jaws::utf8
