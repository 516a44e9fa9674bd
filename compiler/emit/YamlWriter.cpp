#include "emit/YamlWriter.h"

#include <yaml-cpp/yaml.h>

#include <array>
#include <cctype>
#include <string_view>

namespace jaws::emit {

using Json = nlohmann::ordered_json;

namespace {

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

// True when a plain scalar with this text would not load as a string under
// YAML 1.1 (PyYAML, which cfn-lint and the AWS CLI use) or 1.2: booleans,
// nulls, numbers, timestamps, merge keys.
bool readsAsNonString(std::string_view text) {
  if (text.empty()) return true;
  static constexpr std::array<std::string_view, 13> kWords = {"true", "false", "yes", "no", "on", "off", "y",
                                                              "n",    "null",  "~",   "<<", "=",  ".inf"};
  for (auto word : kWords) {
    if (equalsIgnoreCase(text, word)) return true;
  }
  const auto first = static_cast<unsigned char>(text.front());
  if (std::isdigit(first)) return true;  // numbers, octal, hex, sexagesimal, timestamps
  if ((first == '+' || first == '-' || first == '.') && text.size() > 1) {
    const auto second = static_cast<unsigned char>(text[1]);
    if (std::isdigit(second) || second == '.' || second == 'i' || second == 'I' || second == 'n' || second == 'N') return true;
  }
  return false;
}

void writeString(YAML::Emitter& out, const std::string& text) {
  if (readsAsNonString(text)) {
    out << YAML::DoubleQuoted << text;
  } else {
    out << text;  // yaml-cpp quotes on its own when a plain scalar is not valid
  }
}

void write(YAML::Emitter& out, const Json& value) {
  switch (value.type()) {
    case Json::value_t::object:
      if (value.empty()) {
        out << YAML::Flow << YAML::BeginMap << YAML::EndMap;
        return;
      }
      out << YAML::BeginMap;
      for (const auto& [key, item] : value.items()) {
        out << YAML::Key;
        writeString(out, key);
        out << YAML::Value;
        write(out, item);
      }
      out << YAML::EndMap;
      return;
    case Json::value_t::array:
      if (value.empty()) {
        out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
        return;
      }
      out << YAML::BeginSeq;
      for (const auto& item : value) write(out, item);
      out << YAML::EndSeq;
      return;
    case Json::value_t::string: writeString(out, value.get<std::string>()); return;
    case Json::value_t::null: out << YAML::Null; return;
    default:
      // Numbers and booleans: JSON's text is also a valid YAML plain scalar
      // of the same type, and keeps the JSON file's exact digits.
      out << value.dump();
      return;
  }
}

}  // namespace

std::string emitYaml(const Json& document) {
  YAML::Emitter out;
  out.SetIndent(2);
  out.SetNullFormat(YAML::LowerNull);
  write(out, document);
  return std::string(out.c_str()) + "\n";
}

}  // namespace jaws::emit
