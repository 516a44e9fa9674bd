#pragma once
// Source text squeezed onto one line (runs of white space become one space)
// and cut after `limit` bytes: hover code lines and outline details; and
// the fenced `jaws` code block a hover opens with.
#include <string>
#include <string_view>

namespace jaws::lsp {

std::string oneLine(std::string_view text, std::size_t limit = 100);
std::string codeBlock(const std::string& code);

}  // namespace jaws::lsp
