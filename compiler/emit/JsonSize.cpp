#include "emit/JsonSize.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <memory>

#include "emit/JsonText.h"

namespace jaws::emit {

namespace {

using Json = nlohmann::ordered_json;

// nlohmann's serializer writes through an output adapter; this one counts.
// Only for what the walker below does not size itself (floats, non-ASCII
// strings): the serializer is the reference for those.
class CountingOutput : public nlohmann::detail::output_adapter_protocol<char> {
 public:
  void write_character(char c) override {
    ++size.bytes;
    if (c == '\n') ++size.lines;
  }
  void write_characters(const char* s, std::size_t length) override {
    size.bytes += length;
    size.lines += static_cast<std::size_t>(std::count(s, s + length, '\n'));
  }
  JsonSize size;
};

JsonSize serialized(const Json& value, bool pretty = true) {
  auto output = std::make_shared<CountingOutput>();
  nlohmann::detail::serializer<Json> serializer(output, ' ', Json::error_handler_t::replace);
  serializer.dump(value, pretty, false, pretty ? 2 : 0);
  return output->size;
}

// Adds what the ASCII characters of text[from, to) take beyond one byte each
// (one more for \" \\ \b \t \n \f \r, five more for other control
// characters); false at a non-ASCII byte.
bool addEscapes(std::string_view text, std::size_t from, std::size_t to, std::size_t& bytes) {
  for (std::size_t i = from; i < to; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) return false;
    if (c == '"' || c == '\\' || c == '\b' || c == '\t' || c == '\n' || c == '\f' || c == '\r') {
      bytes += 1;
    } else if (c < 0x20) {
      bytes += 5;
    }
  }
  return true;
}

// A string that is not plain ASCII (isPlainAscii), with its quotes, as the
// serializer escapes it (ensure_ascii off). A string with non-ASCII bytes is
// left to the serializer (its handling of invalid UTF-8 is the reference).
[[gnu::noinline]] std::size_t escapedStringBytes(std::string_view text) {
  std::size_t bytes = 2 + text.size();
  std::size_t i = 0;
  bool ascii = true;
  const auto wordAt = [&](std::size_t at) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + at, sizeof word);
    return word;
  };
  for (; ascii && i + 8 <= text.size(); i += 8) {
    if (mayNeedEscaping(wordAt(i))) ascii = addEscapes(text, i, i + 8, bytes);
  }
  // The last bytes: in the last eight (overlapping bytes already counted, so
  // only the new ones are); a string of four to seven bytes as its first four
  // and last four; a shorter one byte by byte.
  if (ascii && i < text.size()) {
    bool plain = false;
    if (text.size() >= 8) {
      plain = !mayNeedEscaping(wordAt(text.size() - 8));
    } else if (text.size() >= 4) {
      std::uint32_t head, tail;
      std::memcpy(&head, text.data(), sizeof head);
      std::memcpy(&tail, text.data() + text.size() - 4, sizeof tail);
      plain = !mayNeedEscaping(head | (std::uint64_t{tail} << 32));
    }
    if (!plain) ascii = addEscapes(text, i, text.size(), bytes);
  }
  return ascii ? bytes : serialized(Json(std::string(text))).bytes;
}

// A string with its quotes. Templates are mostly plain ASCII: that test
// inline, the rest apart.
std::size_t stringBytes(std::string_view text) { return isPlainAscii(text) ? 2 + text.size() : escapedStringBytes(text); }

template <typename Integer>
std::size_t integerBytes(Integer value) {
  char digits[24];
  return static_cast<std::size_t>(std::to_chars(digits, digits + sizeof digits, value).ptr - digits);
}

// Line breaks inside a member or element written one level deeper carry two
// more spaces each.
void addMember(JsonSize& total, const JsonSize& value, std::size_t keyBytes) {
  total.bytes += 2 + keyBytes + value.bytes + 2 * value.lines;
  total.lines += value.lines;
}

// `{` or `[` and a line break, a line per member (`,` after all but the
// last), the closing bracket on a line of its own.
void closeContainer(JsonSize& total, std::size_t members, std::size_t membersBytes) {
  total.bytes = 2 + membersBytes + (2 * members - 1) + 1;
  total.lines += members + 1;
}

JsonSize walk(const Json& value);

// A member or element: a string (most are) measured without a call.
[[gnu::always_inline]] inline JsonSize walkMember(const Json& value) {
  return value.is_string() ? JsonSize{stringBytes(value.get_ref<const std::string&>()), 0} : walk(value);
}

JsonSize walk(const Json& value) {
  switch (value.type()) {
    case Json::value_t::object: {
      const auto& object = value.get_ref<const Json::object_t&>();
      if (object.empty()) return {2, 0};
      JsonSize members;
      for (const auto& [key, member] : object) addMember(members, walkMember(member), stringBytes(key) + 2);  // `": "`
      JsonSize total{0, members.lines};
      closeContainer(total, object.size(), members.bytes);
      return total;
    }
    case Json::value_t::array: {
      const auto& array = value.get_ref<const Json::array_t&>();
      if (array.empty()) return {2, 0};
      JsonSize members;
      for (const auto& element : array) addMember(members, walkMember(element), 0);
      JsonSize total{0, members.lines};
      closeContainer(total, array.size(), members.bytes);
      return total;
    }
    case Json::value_t::string: return {stringBytes(value.get_ref<const std::string&>()), 0};
    case Json::value_t::boolean: return {value.get<bool>() ? 4u : 5u, 0};
    case Json::value_t::null: return {4, 0};
    case Json::value_t::number_integer: return {integerBytes(value.get<std::int64_t>()), 0};
    case Json::value_t::number_unsigned: return {integerBytes(value.get<std::uint64_t>()), 0};
    default: return serialized(value);  // floats, binary, discarded
  }
}

// `value` written compactly: no whitespace, `,` between members and
// elements, `:` after keys.
std::size_t walkCompact(const Json& value);

// A member or element: a string (most are) measured without a call.
[[gnu::always_inline]] inline std::size_t walkCompactMember(const Json& value) {
  return value.is_string() ? stringBytes(value.get_ref<const std::string&>()) : walkCompact(value);
}

std::size_t walkCompact(const Json& value) {
  switch (value.type()) {
    case Json::value_t::object: {
      const auto& object = value.get_ref<const Json::object_t&>();
      std::size_t bytes = 2 + (object.empty() ? 0 : object.size() - 1);
      for (const auto& [key, member] : object) bytes += stringBytes(key) + 1 + walkCompactMember(member);
      return bytes;
    }
    case Json::value_t::array: {
      const auto& array = value.get_ref<const Json::array_t&>();
      std::size_t bytes = 2 + (array.empty() ? 0 : array.size() - 1);
      for (const auto& element : array) bytes += walkCompactMember(element);
      return bytes;
    }
    case Json::value_t::string:
    case Json::value_t::boolean:
    case Json::value_t::null:
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: return walk(value).bytes;  // scalars are written alike
    default: return serialized(value, false).bytes;
  }
}

}  // namespace

std::size_t jsonStringBytes(std::string_view text) { return stringBytes(text); }

JsonSize measureJson(const Json& value) { return walk(value); }

std::size_t measureCompactJson(const Json& value) { return walkCompact(value); }

JsonSize measureObject(const std::vector<std::pair<std::string_view, JsonSize>>& members) {
  if (members.empty()) return {2, 0};
  JsonSize sum;
  for (const auto& [key, size] : members) addMember(sum, size, stringBytes(key) + 2);
  JsonSize total{0, sum.lines};
  closeContainer(total, members.size(), sum.bytes);
  return total;
}

}  // namespace jaws::emit
