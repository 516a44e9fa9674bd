#pragma once
// Text shown on a terminal comes from user files, which may hold anything:
// control bytes (an ESC would drive the terminal), bidirectional overrides
// (they reorder what is displayed, "Trojan Source"), invalid UTF-8. The text
// renderer shows such input through these functions, the way rustc does, and
// places carets by display width, so wide characters keep them aligned.
#include <cstddef>
#include <string>
#include <string_view>

namespace jaws::terminal {

// The text with every code point that must not reach a terminal replaced by
// one visible code point: C0 controls and DEL by their Control Pictures
// (U+2400...), a tab by a space, C1 controls, bidirectional controls and each
// invalid byte by U+FFFD. Every input code point (or invalid byte) gives
// exactly one output code point.
std::string printable(std::string_view text);

// Columns the printable text takes on a terminal: 2 for East Asian wide and
// emoji characters, 0 for combining marks and zero-width characters, else 1.
std::size_t displayWidth(std::string_view printableText);

}  // namespace jaws::terminal
