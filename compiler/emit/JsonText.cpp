#include "emit/JsonText.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace jaws::emit {

namespace {

using Json = nlohmann::ordered_json;

void storeWord(char* at, std::uint64_t word) { std::memcpy(at, &word, sizeof word); }

// Where JSON text is written: std::string's append checks the capacity (and
// strlen's literals) on every piece, which cost more than the text itself.
// Here a piece of text asks for room once, writes through a raw cursor (a
// local: a store through a member pointer would make the compiler reload the
// member after every byte) and hands the cursor back. The text goes into
// blocks (the first on the stack, then ever larger ones, not zero-filled as
// a resized string would be), appended to the string once at the end: every
// byte is copied once, never moved as a growing string would move it.
class Writer {
 public:
  // Writes may run up to this many bytes past what they keep (whole words of
  // spaces), always inside the room room() makes.
  static constexpr std::size_t kOvershoot = 8;

  Writer() = default;
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  // The cursor, with room for `bytes` more (and the overshoot).
  char* room(std::size_t bytes) {
    if (static_cast<std::size_t>(end_ - cursor_) < bytes + kOvershoot) grow(bytes + kOvershoot);
    return cursor_;
  }
  // Keeps what was written up to `cursor` (from room()).
  void done(char* cursor) { cursor_ = cursor; }

  // Appends what was written to `out`.
  void finish(std::string& out) {
    seal();
    std::size_t bytes = 0;
    for (const auto block : written_) bytes += block.size();
    // Room for a final line break too (serializeJson's): megabytes are not
    // moved for one byte. Twice the capacity when appending to much text.
    const std::size_t needed = out.size() + bytes + 1;
    if (needed > out.capacity()) out.reserve(std::max(needed, 2 * out.capacity()));
    for (const auto block : written_) out.append(block);
  }

 private:
  // A new block, twice the last one and at least `bytes`: few blocks for
  // megabytes, and small text stays on the stack.
  void grow(std::size_t bytes) {
    seal();
    const std::size_t size = std::max(2 * static_cast<std::size_t>(end_ - begin_), bytes);
    owned_.push_back(std::make_unique_for_overwrite<char[]>(size));
    begin_ = cursor_ = owned_.back().get();
    end_ = begin_ + size;
  }
  void seal() { written_.emplace_back(begin_, static_cast<std::size_t>(cursor_ - begin_)); }

  char first_[2048];
  char* begin_ = first_;
  char* cursor_ = first_;
  char* end_ = first_ + sizeof first_;
  std::vector<std::unique_ptr<char[]>> owned_;
  std::vector<std::string_view> written_;  // the blocks before the current one, then all
};

// The put functions write at a cursor with room made and return it moved on.

// A literal: its length is known, no strlen.
template <std::size_t N>
char* put(char* at, const char (&literal)[N]) {
  std::memcpy(at, literal, N - 1);
  return at + N - 1;
}

char* put(char* at, std::string_view text) {
  std::memcpy(at, text.data(), text.size());
  return at + text.size();
}

// Indentation, eight spaces a store (the overshoot): any depth.
char* putSpaces(char* at, std::size_t count) {
  constexpr std::uint64_t kSpaces = 0x2020202020202020ULL;
  for (std::size_t i = 0; i < count; i += 8) storeWord(at + i, kSpaces);
  return at + count;
}

// A string that is not plain ASCII, with its quotes, escaped as nlohmann
// escapes it with ensure_ascii off: \" \\ \b \f \n \r \t, other control
// characters as \u00xx.
[[gnu::noinline]] void putEscaped(Writer& out, std::string_view text) {
  if (std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
    // UTF-8, valid or not: the reference writes it
    const std::string reference = Json(std::string(text)).dump(-1, ' ', false, Json::error_handler_t::replace);
    out.done(put(out.room(reference.size()), reference));
    return;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  char* at = out.room(6 * text.size() + 2);  // \u00xx at most per byte, and the quotes
  *at++ = '"';
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x20 && c != '"' && c != '\\') {
      *at++ = ch;
      continue;
    }
    switch (c) {
      case '"': at = put(at, "\\\""); break;
      case '\\': at = put(at, "\\\\"); break;
      case '\b': at = put(at, "\\b"); break;
      case '\f': at = put(at, "\\f"); break;
      case '\n': at = put(at, "\\n"); break;
      case '\r': at = put(at, "\\r"); break;
      case '\t': at = put(at, "\\t"); break;
      default: {
        const char escaped[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
        at = put(at, std::string_view(escaped, sizeof escaped));
      }
    }
  }
  *at++ = '"';
  out.done(at);
}

// A string with its quotes, escaped as nlohmann's dump escapes it.
[[gnu::always_inline]] inline void putString(Writer& out, std::string_view text) {
  if (!isPlainAscii(text)) {
    putEscaped(out, text);
    return;
  }
  char* at = out.room(text.size() + 2);
  at[0] = '"';
  std::memcpy(at + 1, text.data(), text.size());
  at[text.size() + 1] = '"';
  out.done(at + text.size() + 2);
}

template <typename Integer>
void putInteger(Writer& out, Integer value) {
  char* at = out.room(24);
  out.done(std::to_chars(at, at + 24, value).ptr);
}

// Not inline, so that writeJson inlines into their loops instead (the
// recursion is broken here, at containers, not at every value).
template <bool Pretty>
[[gnu::noinline]] void writeObject(const Json::object_t& object, Writer& out, std::size_t indent);
template <bool Pretty>
[[gnu::noinline]] void writeArray(const Json::array_t& array, Writer& out, std::size_t indent);

// Pretty: members and elements on lines of their own, `indent` spaces deep
// (nlohmann's dump(2)); otherwise compact (dump(-1)). Inline: most values
// are strings, written without a call of their own.
template <bool Pretty>
[[gnu::always_inline]] inline void writeJson(const Json& value, Writer& out, std::size_t indent) {
  switch (value.type()) {
    case Json::value_t::object: writeObject<Pretty>(value.get_ref<const Json::object_t&>(), out, indent); return;
    case Json::value_t::array: writeArray<Pretty>(value.get_ref<const Json::array_t&>(), out, indent); return;
    case Json::value_t::string: putString(out, value.get_ref<const std::string&>()); return;
    case Json::value_t::boolean: out.done(value.get<bool>() ? put(out.room(4), "true") : put(out.room(5), "false")); return;
    case Json::value_t::null: out.done(put(out.room(4), "null")); return;
    case Json::value_t::number_integer: putInteger(out, value.get<std::int64_t>()); return;
    case Json::value_t::number_unsigned: putInteger(out, value.get<std::uint64_t>()); return;
    default: {  // floats, binary, discarded
      const std::string reference = value.dump(Pretty ? 2 : -1, ' ', false, Json::error_handler_t::replace);
      out.done(put(out.room(reference.size()), reference));
      return;
    }
  }
}

// Before each member or element: `,` after the one before, and in pretty
// text a line break and the member's indentation.
template <bool Pretty>
void putSeparator(Writer& out, bool first, std::size_t indent) {
  char* at = out.room(indent + 4);
  if (!first) *at++ = ',';
  if constexpr (Pretty) {
    *at++ = '\n';
    at = putSpaces(at, indent + 2);
  }
  out.done(at);
}

// After the last one: the closing bracket, in pretty text on a line of its
// own.
template <bool Pretty>
void putClose(Writer& out, char bracket, std::size_t indent) {
  char* at = out.room(indent + 2);
  if constexpr (Pretty) {
    *at++ = '\n';
    at = putSpaces(at, indent);
  }
  *at++ = bracket;
  out.done(at);
}

template <bool Pretty>
[[gnu::noinline]] void writeObject(const Json::object_t& object, Writer& out, std::size_t indent) {
  if (object.empty()) {
    out.done(put(out.room(2), "{}"));
    return;
  }
  out.done(put(out.room(1), "{"));
  bool first = true;
  for (const auto& [key, member] : object) {
    putSeparator<Pretty>(out, first, indent);
    first = false;
    putString(out, key);
    if constexpr (Pretty) {
      out.done(put(out.room(2), ": "));
    } else {
      out.done(put(out.room(1), ":"));
    }
    writeJson<Pretty>(member, out, indent + 2);
  }
  putClose<Pretty>(out, '}', indent);
}

template <bool Pretty>
[[gnu::noinline]] void writeArray(const Json::array_t& array, Writer& out, std::size_t indent) {
  if (array.empty()) {
    out.done(put(out.room(2), "[]"));
    return;
  }
  out.done(put(out.room(1), "["));
  bool first = true;
  for (const auto& element : array) {
    putSeparator<Pretty>(out, first, indent);
    first = false;
    writeJson<Pretty>(element, out, indent + 2);
  }
  putClose<Pretty>(out, ']', indent);
}

}  // namespace

void appendIndentedJson(const Json& value, std::string& out, std::size_t indent) {
  Writer writer;
  writeJson<true>(value, writer, indent);
  writer.finish(out);
}

void appendCompactJson(const Json& value, std::string& out) {
  Writer writer;
  writeJson<false>(value, writer, 0);
  writer.finish(out);
}

}  // namespace jaws::emit
