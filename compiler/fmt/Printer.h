#pragma once
// Renders a Doc to text: each group is printed flat when it fits in the rest
// of the line (up to the first possible break after it), otherwise broken.
// Lines never end in whitespace and the output ends with one newline.
#include <cstddef>
#include <string>

#include "fmt/Doc.h"

namespace jaws::formatter {

inline constexpr std::size_t kLineWidth = 100;
inline constexpr std::size_t kIndentWidth = 2;

std::string print(const Doc& doc, std::size_t width = kLineWidth);

}  // namespace jaws::formatter
