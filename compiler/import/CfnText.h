#pragma once
// CloudFormation's notation as both importers read it: an intrinsic function in
// its short form (`!Ref x`, a YAML tag) or its long form (`{ Ref: x }`), and
// the `${...}` pieces of a substituted string.
#include <optional>
#include <string>
#include <utility>
#include <yaml-cpp/yaml.h>

namespace jaws::importer {

// A node's intrinsic function and its argument: `!Ref x` (a tag) or `{ Ref: x }`
// (a one-key map). Conditions' `Condition` is one too.
inline std::optional<std::pair<std::string, YAML::Node>> intrinsicOf(const YAML::Node& node) {
  const std::string& tag = node.Tag();
  if (tag.size() > 1 && tag[0] == '!' && tag != "!") {
    const std::string name = tag.substr(1);
    return std::make_pair(name == "Ref" || name == "Condition" ? name : "Fn::" + name, node);
  }
  if (node.IsMap() && node.size() == 1) {
    const std::string key = node.begin()->first.Scalar();
    if (key == "Ref" || key == "Condition" || key.rfind("Fn::", 0) == 0) return std::make_pair(key, node.begin()->second);
  }
  return std::nullopt;
}

// The position of the `}` closing the `${` at `open`, nested ones included.
inline std::size_t closingBrace(const std::string& text, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < text.size(); ++i) {
    if (text.compare(i, 2, "${") == 0) {
      ++depth;
      ++i;
    } else if (text[i] == '}' && --depth == 0) {
      return i;
    }
  }
  return std::string::npos;
}

}  // namespace jaws::importer
