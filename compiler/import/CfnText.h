#pragma once
// CloudFormation's notation as both importers read it: an intrinsic function in
// its short form (`!Ref x`, a YAML tag) or its long form (`{ Ref: x }`), and
// the `${...}` pieces of a substituted string.
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <yaml-cpp/yaml.h>

#include "import/JawsText.h"

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

// Any YAML value as an expression: an intrinsic function through `call`, a
// scalar through `scalar` (a plain number or boolean stays bare unless
// `asString`), lists and maps item by item. nullopt when a part was left out.
using IntrinsicCall = std::function<std::optional<std::string>(const YAML::Node&, const std::string&, const YAML::Node&)>;
using ScalarText = std::function<std::optional<std::string>(const YAML::Node&)>;
inline std::optional<std::string> valueExpression(const YAML::Node& node, bool asString, const IntrinsicCall& call, const ScalarText& scalar) {
  if (!node || node.IsNull()) return std::string("null");
  if (auto intrinsic = intrinsicOf(node)) return call(node, intrinsic->first, intrinsic->second);
  if (node.IsScalar()) {
    if (!asString && node.Tag() == "?") {  // a plain scalar, not a quoted one
      const std::string bare = plainLiteral(node.Scalar());
      if (!bare.empty()) return bare;
    }
    return scalar(node);
  }
  std::string out;
  if (node.IsSequence()) {
    for (const YAML::Node& item : node) {
      auto value = valueExpression(item, asString, call, scalar);
      if (!value) return std::nullopt;
      out += (out.empty() ? "" : ", ") + *value;
    }
    return "[" + out + "]";
  }
  for (const auto& entry : node) {
    auto value = valueExpression(entry.second, asString, call, scalar);
    if (!value) return std::nullopt;
    out += (out.empty() ? "" : ", ") + objectKey(entry.first.Scalar()) + " = " + *value;
  }
  return out.empty() ? "{}" : "{ " + out + " }";
}

// The resource and attribute of `Fn::GetAtt`'s argument, `Res.Attr` or `[Res, Attr]`.
inline std::optional<std::pair<std::string, std::string>> getAttTarget(const YAML::Node& argument) {
  if (argument.IsScalar()) {
    const std::string text = argument.Scalar();
    const std::size_t dot = text.find('.');
    if (dot != std::string::npos) return std::make_pair(text.substr(0, dot), text.substr(dot + 1));
  } else if (argument.IsSequence() && argument.size() == 2 && argument[0].IsScalar() && argument[1].IsScalar()) {
    return std::make_pair(argument[0].Scalar(), argument[1].Scalar());
  }
  return std::nullopt;
}

// `Fn::Sub`'s text as an interpolated string literal: `${!x}` is the text
// `${x}`, any other `${name}` the expression `piece(name)` gives (nullopt when
// it cannot be translated: it has been reported, and the value is left out).
// `prefix` is text of the literal already written before `text`.
inline std::optional<std::string> substitutedString(const std::string& text,
                                                    const std::function<std::optional<std::string>(const std::string&)>& piece,
                                                    const std::string& prefix = "") {
  std::string out = "\"" + prefix;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t open = text.find("${", i);
    const std::size_t close = open == std::string::npos ? open : closingBrace(text, open);
    if (close == std::string::npos) {
      out += escapedPiece(text.substr(i));
      break;
    }
    out += escapedPiece(text.substr(i, open - i));
    const std::string name = text.substr(open + 2, close - open - 2);
    const std::optional<std::string> value = !name.empty() && name[0] == '!' ? stringLiteral("${" + name.substr(1) + "}") : piece(name);
    if (!value) return std::nullopt;
    out += interpolated(*value);
    i = close + 1;
  }
  return out + "\"";
}

// `Res.Attr` (a `${...}` of `Fn::Sub`) split at its first dot; the attribute is "" for `Res`.
inline std::pair<std::string, std::string> referenceParts(const std::string& name) {
  const std::size_t dot = name.find('.');
  return {name.substr(0, dot), dot == std::string::npos ? "" : name.substr(dot + 1)};
}

}  // namespace jaws::importer
