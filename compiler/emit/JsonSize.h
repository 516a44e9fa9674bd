#pragma once
// The size of a JSON value as serializeJson would write it (two-space
// indentation), counted without building the text: the splitter measures
// every resource of a template while planning.
#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace jaws::emit {

struct JsonSize {
  std::size_t bytes = 0;  // without serializeJson's final newline
  std::size_t lines = 0;  // line breaks inside it
};

// Written at the top level (no indentation before its lines).
JsonSize measureJson(const nlohmann::ordered_json& value);

// The bytes of `value` written compactly (`dump(-1)`, invalid UTF-8
// replaced): an uploaded property's file, measured by `jaws check` without
// writing it.
std::size_t measureCompactJson(const nlohmann::ordered_json& value);

// The bytes of `text` written as a JSON string, quotes included.
std::size_t jsonStringBytes(std::string_view text);

// An object whose members' values were measured apart (each as measureJson
// gives it): the same as measureJson of the object, without walking the
// values again. A template is measured from its resources' sizes this way.
JsonSize measureObject(const std::vector<std::pair<std::string_view, JsonSize>>& members);

}  // namespace jaws::emit
