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

std::uint64_t loadWord(const char* at) {
  std::uint64_t word;
  std::memcpy(&word, at, sizeof word);
  return word;
}

void storeWord(char* at, std::uint64_t word) { std::memcpy(at, &word, sizeof word); }

// Writes JSON text through a raw cursor: std::string's append checks the
// capacity (and strlen's literals) on every piece, which cost more than the
// text itself. The text goes into blocks (the first on the stack, then ever
// larger ones, not zero-filled as a resized string would be), appended to
// the string once at the end: every byte is copied once, never moved as a
// growing string would move it.
class Writer {
 public:
  // Writes may run up to this many bytes past what they write (whole words
  // of spaces), always inside the room reserve() makes.
  static constexpr std::size_t kOvershoot = 8;

  Writer() = default;
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  // Appends what was written to `out`.
  void finish(std::string& out) {
    seal();
    std::size_t bytes = 0;
    for (const auto block : written_) bytes += block.size();
    out.reserve(out.size() + bytes + 1);  // and room for a final line break (serializeJson's)
    for (const auto block : written_) out.append(block);
  }

  // Room for `bytes` more (and the overshoot) before the next reserve().
  void reserve(std::size_t bytes) {
    if (static_cast<std::size_t>(end_ - cursor_) < bytes + kOvershoot) grow(bytes + kOvershoot);
  }

  void put(char c) { *cursor_++ = c; }
  // A literal: its length is known, no strlen.
  template <std::size_t N>
  void put(const char (&literal)[N]) {
    std::memcpy(cursor_, literal, N - 1);
    cursor_ += N - 1;
  }
  void put(std::string_view text) {
    std::memcpy(cursor_, text.data(), text.size());
    cursor_ += text.size();
  }
  // Indentation, eight spaces a store (reserve `count` first): any depth.
  void putSpaces(std::size_t count) {
    constexpr std::uint64_t kSpaces = 0x2020202020202020ULL;
    for (std::size_t i = 0; i < count; i += 8) storeWord(cursor_ + i, kSpaces);
    cursor_ += count;
  }
  template <typename Integer>
  void putInteger(Integer value) {
    reserve(24);
    cursor_ = std::to_chars(cursor_, end_, value).ptr;
  }
  // A string with its quotes, escaped as nlohmann's dump escapes it.
  void putString(std::string_view text);

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
  void putEscaped(std::string_view text);

  char first_[2048];
  char* begin_ = first_;
  char* cursor_ = first_;
  char* end_ = first_ + sizeof first_;
  std::vector<std::unique_ptr<char[]>> owned_;
  std::vector<std::string_view> written_;  // the blocks before the current one, then all
};

// Copies `word` to `at` when none of its bytes needs escaping.
bool copyPlainWord(std::uint64_t word, char* at) {
  if (mayNeedEscaping(word)) return false;
  storeWord(at, word);
  return true;
}

// Copies `text` to `to` when it is plain ASCII, checking and copying eight
// bytes at a time (templates are mostly plain ASCII); false if not, with
// `to` partly written. The last bytes are the last eight, overlapping ones
// already copied (the same bytes again), or for four to seven bytes the
// first four and the last four: no byte past the string is read.
bool copyPlain(std::string_view text, char* to) {
  const char* from = text.data();
  const std::size_t size = text.size();
  if (size >= 8) {
    std::size_t i = 0;
    for (; i + 8 <= size; i += 8) {
      if (!copyPlainWord(loadWord(from + i), to + i)) return false;
    }
    return i == size || copyPlainWord(loadWord(from + size - 8), to + size - 8);
  }
  if (size >= 4) {
    std::uint32_t head, tail;
    std::memcpy(&head, from, sizeof head);
    std::memcpy(&tail, from + size - 4, sizeof tail);
    if (mayNeedEscaping(head | (std::uint64_t{tail} << 32))) return false;
    std::memcpy(to, &head, sizeof head);
    std::memcpy(to + size - 4, &tail, sizeof tail);
    return true;
  }
  for (std::size_t i = 0; i < size; ++i) {
    const auto c = static_cast<unsigned char>(from[i]);
    if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') return false;
    to[i] = from[i];
  }
  return true;
}

void Writer::putString(std::string_view text) {
  reserve(text.size() + 2);
  if (!copyPlain(text, cursor_ + 1)) {
    putEscaped(text);
    return;
  }
  cursor_[0] = '"';
  cursor_[text.size() + 1] = '"';
  cursor_ += text.size() + 2;
}

// A string with its quotes, escaped as nlohmann escapes it with ensure_ascii
// off: \" \\ \b \f \n \r \t, other control characters as \u00xx.
void Writer::putEscaped(std::string_view text) {
  if (std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
    // UTF-8, valid or not: the reference writes it
    const std::string reference = Json(std::string(text)).dump(-1, ' ', false, Json::error_handler_t::replace);
    reserve(reference.size());
    put(std::string_view(reference));
    return;
  }
  reserve(6 * text.size() + 2);  // \u00xx at most per byte, and the quotes
  put('"');
  static constexpr char kHex[] = "0123456789abcdef";
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x20 && c != '"' && c != '\\') {
      put(ch);
      continue;
    }
    switch (c) {
      case '"': put("\\\""); break;
      case '\\': put("\\\\"); break;
      case '\b': put("\\b"); break;
      case '\f': put("\\f"); break;
      case '\n': put("\\n"); break;
      case '\r': put("\\r"); break;
      case '\t': put("\\t"); break;
      default: {
        const char escaped[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
        put(std::string_view(escaped, sizeof escaped));
      }
    }
  }
  put('"');
}

// Pretty: members and elements on lines of their own, `indent` spaces deep
// (nlohmann's dump(2)); otherwise compact (dump(-1)).
template <bool Pretty>
void writeJson(const Json& value, Writer& out, std::size_t indent) {
  // Before each member or element: `,` after the one before, and in pretty
  // text a line break and the member's indentation.
  const auto separate = [&](bool first) {
    out.reserve(indent + 4);
    if (!first) out.put(',');
    if constexpr (Pretty) {
      out.put('\n');
      out.putSpaces(indent + 2);
    }
  };
  // After the last one: the closing bracket on a line of its own.
  const auto close = [&](char bracket) {
    out.reserve(indent + 2);
    if constexpr (Pretty) {
      out.put('\n');
      out.putSpaces(indent);
    }
    out.put(bracket);
  };
  switch (value.type()) {
    case Json::value_t::object: {
      const auto& object = value.get_ref<const Json::object_t&>();
      out.reserve(2);
      if (object.empty()) {
        out.put("{}");
        return;
      }
      out.put('{');
      bool first = true;
      for (const auto& [key, member] : object) {
        separate(first);
        first = false;
        out.putString(key);
        out.reserve(2);
        if constexpr (Pretty) {
          out.put(": ");
        } else {
          out.put(':');
        }
        writeJson<Pretty>(member, out, indent + 2);
      }
      close('}');
      return;
    }
    case Json::value_t::array: {
      const auto& array = value.get_ref<const Json::array_t&>();
      out.reserve(2);
      if (array.empty()) {
        out.put("[]");
        return;
      }
      out.put('[');
      bool first = true;
      for (const auto& element : array) {
        separate(first);
        first = false;
        writeJson<Pretty>(element, out, indent + 2);
      }
      close(']');
      return;
    }
    case Json::value_t::string: out.putString(value.get_ref<const std::string&>()); return;
    case Json::value_t::boolean:
      out.reserve(5);
      if (value.get<bool>()) {
        out.put("true");
      } else {
        out.put("false");
      }
      return;
    case Json::value_t::null:
      out.reserve(4);
      out.put("null");
      return;
    case Json::value_t::number_integer: out.putInteger(value.get<std::int64_t>()); return;
    case Json::value_t::number_unsigned: out.putInteger(value.get<std::uint64_t>()); return;
    default: {  // floats, binary, discarded
      const std::string reference = value.dump(Pretty ? 2 : -1, ' ', false, Json::error_handler_t::replace);
      out.reserve(reference.size());
      out.put(std::string_view(reference));
      return;
    }
  }
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
