#include "emit/JsonText.h"

#include <charconv>
#include <cstdint>
#include <cstring>

namespace jaws::emit {

namespace {

using Json = nlohmann::ordered_json;

bool isPlain(const std::string& text) {
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, sizeof word);
    if (mayNeedEscaping(word)) return false;
  }
  for (; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') return false;
  }
  return true;
}

// A string with its quotes, escaped as nlohmann escapes it with ensure_ascii
// off: \" \\ \b \f \n \r \t, other control characters as \u00xx.
void appendString(const std::string& text, std::string& out) {
  if (isPlain(text)) {
    out += '"';
    out += text;
    out += '"';
    return;
  }
  for (char ch : text) {
    if (static_cast<unsigned char>(ch) >= 0x80) {  // UTF-8, valid or not: the reference writes it
      out += Json(text).dump(-1, ' ', false, Json::error_handler_t::replace);
      return;
    }
  }
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  std::size_t plainFrom = 0;  // runs of plain characters are copied whole
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text, plainFrom, i - plainFrom);
    plainFrom = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        const char escaped[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
        out.append(escaped, sizeof escaped);
      }
    }
  }
  out.append(text, plainFrom, text.size() - plainFrom);
  out += '"';
}

template <typename Integer>
void appendInteger(Integer value, std::string& out) {
  char digits[24];
  out.append(digits, static_cast<std::size_t>(std::to_chars(digits, digits + sizeof digits, value).ptr - digits));
}

// Pretty: members and elements on lines of their own, `indent` spaces deep
// (nlohmann's dump(2)); otherwise compact (dump(-1)).
template <bool Pretty>
void appendJson(const Json& value, std::string& out, std::size_t indent) {
  switch (value.type()) {
    case Json::value_t::object: {
      const auto& object = value.get_ref<const Json::object_t&>();
      if (object.empty()) {
        out += "{}";
        return;
      }
      out += Pretty ? "{\n" : "{";
      std::size_t i = 0;
      for (const auto& [key, member] : object) {
        if constexpr (Pretty) out.append(indent + 2, ' ');
        appendString(key, out);
        out += Pretty ? ": " : ":";
        appendJson<Pretty>(member, out, indent + 2);
        if (++i < object.size()) out += Pretty ? ",\n" : ",";
      }
      if constexpr (Pretty) {
        out += '\n';
        out.append(indent, ' ');
      }
      out += '}';
      return;
    }
    case Json::value_t::array: {
      const auto& array = value.get_ref<const Json::array_t&>();
      if (array.empty()) {
        out += "[]";
        return;
      }
      out += Pretty ? "[\n" : "[";
      std::size_t i = 0;
      for (const auto& element : array) {
        if constexpr (Pretty) out.append(indent + 2, ' ');
        appendJson<Pretty>(element, out, indent + 2);
        if (++i < array.size()) out += Pretty ? ",\n" : ",";
      }
      if constexpr (Pretty) {
        out += '\n';
        out.append(indent, ' ');
      }
      out += ']';
      return;
    }
    case Json::value_t::string: appendString(value.get_ref<const std::string&>(), out); return;
    case Json::value_t::boolean: out += value.get<bool>() ? "true" : "false"; return;
    case Json::value_t::null: out += "null"; return;
    case Json::value_t::number_integer: appendInteger(value.get<std::int64_t>(), out); return;
    case Json::value_t::number_unsigned: appendInteger(value.get<std::uint64_t>(), out); return;
    default: out += value.dump(Pretty ? 2 : -1, ' ', false, Json::error_handler_t::replace); return;  // floats, binary, discarded
  }
}

}  // namespace

void appendIndentedJson(const Json& value, std::string& out, std::size_t indent) { appendJson<true>(value, out, indent); }

void appendCompactJson(const Json& value, std::string& out) { appendJson<false>(value, out, 0); }

}  // namespace jaws::emit
