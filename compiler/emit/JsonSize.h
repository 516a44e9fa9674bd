#pragma once
// The size of a JSON value as serializeJson would write it (two-space
// indentation), counted without building the text: the splitter measures
// every resource of a template while planning.
#include <cstddef>

#include <nlohmann/json.hpp>

namespace jaws::emit {

struct JsonSize {
  std::size_t bytes = 0;  // without serializeJson's final newline
  std::size_t lines = 0;  // line breaks inside it
};

JsonSize measureJson(const nlohmann::ordered_json& value);

}  // namespace jaws::emit
