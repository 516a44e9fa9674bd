// What the text renderer may print of user input, and how wide it is.
#include <catch2/catch.hpp>

#include "diag/TerminalText.h"

using namespace jaws;

TEST_CASE("printable: plain text and UTF-8 pass through", "[diag][terminal]") {
  CHECK(terminal::printable("let caf\xC3\xA9 = \"\xE2\x98\x83\"") == "let caf\xC3\xA9 = \"\xE2\x98\x83\"");
}

TEST_CASE("printable: controls become Control Pictures, a tab a space", "[diag][terminal]") {
  CHECK(terminal::printable(std::string("a\0b", 3)) == "a\xE2\x90\x80" "b");   // U+2400
  CHECK(terminal::printable("\x1B[2J") == "\xE2\x90\x9B[2J");                    // U+241B
  CHECK(terminal::printable("\r\n") == "\xE2\x90\x8D\xE2\x90\x8A");              // U+240D U+240A
  CHECK(terminal::printable("\x7F") == "\xE2\x90\xA1");                          // U+2421
  CHECK(terminal::printable("\tx") == " x");
}

TEST_CASE("printable: C1 controls, bidirectional controls and invalid bytes become U+FFFD", "[diag][terminal]") {
  const std::string replacement = "\xEF\xBF\xBD";
  CHECK(terminal::printable("\xC2\x9B") == replacement);                  // U+009B, the C1 CSI
  CHECK(terminal::printable("a\xE2\x80\xAE" "b") == "a" + replacement + "b");  // U+202E
  CHECK(terminal::printable("\xE2\x81\xA6") == replacement);              // U+2066
  CHECK(terminal::printable("\xFF\xC0\xAF") == replacement + replacement + replacement);
  CHECK(terminal::printable("ok\xE2\x98") == "ok" + replacement + replacement);  // truncated at the end
}

TEST_CASE("printable: one code point out for each code point or invalid byte in", "[diag][terminal]") {
  const std::string input = "a\x01\xC3\xA9\xFF\xE2\x80\xAE\xF0\x9F\x98\x80";
  const std::string shown = terminal::printable(input);
  std::size_t codePoints = 0;
  for (unsigned char c : shown) codePoints += (c & 0xC0) != 0x80;
  CHECK(codePoints == 6);
}

TEST_CASE("displayWidth: wide, zero-width and ordinary characters", "[diag][terminal]") {
  CHECK(terminal::displayWidth("abc") == 3);
  CHECK(terminal::displayWidth("\xC3\xA9") == 1);                 // é
  CHECK(terminal::displayWidth("e\xCC\x81") == 1);                // e + combining acute
  CHECK(terminal::displayWidth("\xE6\x97\xA5\xE6\x9C\xAC") == 4);  // 日本
  CHECK(terminal::displayWidth("\xF0\x9F\x98\x80") == 2);          // 😀
  CHECK(terminal::displayWidth("\xEF\xBC\xA1") == 2);              // fullwidth A
  CHECK(terminal::displayWidth("a\xE2\x80\x8B" "b") == 2);         // zero-width space
}
