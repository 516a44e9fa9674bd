#pragma once
// Source text squeezed onto one line (runs of white space become one space)
// and cut after `limit` bytes: hover code lines and outline details.
#include <string>
#include <string_view>

namespace jaws::lsp {

std::string oneLine(std::string_view text, std::size_t limit = 100);

}  // namespace jaws::lsp
