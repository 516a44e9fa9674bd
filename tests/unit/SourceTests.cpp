// Source files: the line table, line/column in code points, UTF-8 checks.
#include <catch2/catch.hpp>

#include "source/SourceFile.h"
#include "source/SourceManager.h"
#include "source/Utf8.h"

using namespace jaws;

TEST_CASE("the line table maps offsets to 1-based lines and columns", "[source]") {
  const SourceFile file(0, "f.jaws", "ab\ncd\r\n\nlast");
  CHECK(file.lineCount() == 4);
  CHECK(file.lineColumn(0) == LineColumn{1, 1});
  CHECK(file.lineColumn(2) == LineColumn{1, 3});  // the line break itself
  CHECK(file.lineColumn(3) == LineColumn{2, 1});
  CHECK(file.lineColumn(5) == LineColumn{2, 3});  // the \r of \r\n
  CHECK(file.lineColumn(7) == LineColumn{3, 1});
  CHECK(file.lineColumn(8) == LineColumn{4, 1});
  CHECK(file.lineColumn(12) == LineColumn{4, 5});    // the end of the file
  CHECK(file.lineColumn(1000) == LineColumn{4, 5});  // clamped
  CHECK(file.lineIndex(4) == 1);
  CHECK(file.lineStart(3) == 8);
}

TEST_CASE("line text excludes the line break", "[source]") {
  const SourceFile file(0, "f.jaws", "ab\ncd\r\n\nlast");
  CHECK(file.lineText(0) == "ab");
  CHECK(file.lineText(1) == "cd");
  CHECK(file.lineText(2) == "");
  CHECK(file.lineText(3) == "last");
  CHECK(file.lineText(99) == "");
}

TEST_CASE("columns count code points, not bytes", "[source]") {
  // é is 2 bytes, ☃ 3, 😀 4; a tab is one column.
  const SourceFile file(0, "f.jaws", "\xC3\xA9\xE2\x98\x83\xF0\x9F\x98\x80\tx");
  CHECK(file.lineColumn(2) == LineColumn{1, 2});
  CHECK(file.lineColumn(5) == LineColumn{1, 3});
  CHECK(file.lineColumn(9) == LineColumn{1, 4});
  CHECK(file.lineColumn(10) == LineColumn{1, 5});
}

TEST_CASE("columns stay exact across the line table's blocks", "[source]") {
  // Lines longer than the 4 KiB blocks the column counts are kept per, with
  // multi-byte characters straddling the block boundaries; compared with a
  // plain count from the line start.
  std::string text = "first line\n";
  for (int i = 0; i < 3000; ++i) text += (i % 3 == 0) ? "\xC3\xA9" : (i % 3 == 1) ? "\xF0\x9F\x98\x80" : "x";
  text += "\nab\xE2\x98\x83" "c";
  const SourceFile file(0, "f.jaws", text);
  for (std::uint32_t offset = 0; offset <= text.size(); offset += 7) {
    const std::uint32_t line = file.lineIndex(offset);
    const std::string_view before = std::string_view(text).substr(file.lineStart(line), offset - file.lineStart(line));
    CHECK(file.lineColumn(offset) == LineColumn{line + 1, static_cast<std::uint32_t>(utf8::codePointCount(before)) + 1});
    CHECK(file.utf16Column(offset) == utf8::utf16Length(before));
  }
  CHECK(file.lineColumn(static_cast<std::uint32_t>(text.size())) == LineColumn{3, 5});
  CHECK(file.utf16Column(static_cast<std::uint32_t>(text.size())) == 4);
}

TEST_CASE("an empty file has one empty line", "[source]") {
  const SourceFile file(0, "f.jaws", "");
  CHECK(file.lineCount() == 1);
  CHECK(file.lineColumn(0) == LineColumn{1, 1});
  CHECK(file.lineText(0) == "");
}

TEST_CASE("slices are clamped to the file", "[source]") {
  const SourceFile file(3, "f.jaws", "hello");
  CHECK(file.slice(Span{3, 1, 3}) == "el");
  CHECK(file.slice(Span{3, 4, 99}) == "o");
  CHECK(file.slice(Span{3, 9, 2}) == "");
}

TEST_CASE("the source manager hands out stable ids and finds files by key", "[source]") {
  SourceManager sources;
  const FileId a = sources.add("/abs/a.jaws", "a.jaws", "let a = 1");
  const FileId b = sources.add("<stdlib>/x.jaws", "<stdlib>/x.jaws", "");
  CHECK(a != b);
  CHECK(sources.lookup("/abs/a.jaws") == a);
  CHECK_FALSE(sources.lookup("/abs/missing.jaws").has_value());
  CHECK(sources.file(a).path() == "a.jaws");
  CHECK(sources.key(b) == "<stdlib>/x.jaws");
  CHECK(sources.find(b + 1) == nullptr);
  CHECK(sources.find(kNoFile) == nullptr);
}

TEST_CASE("UTF-8 validation finds the first bad byte", "[source][utf8]") {
  using utf8::firstInvalidByte;
  CHECK_FALSE(firstInvalidByte("plain ascii").has_value());
  CHECK_FALSE(firstInvalidByte("caf\xC3\xA9 \xE2\x98\x83 \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF").has_value());
  CHECK(firstInvalidByte("ab\x80") == 2u);              // a lone continuation byte
  CHECK(firstInvalidByte("a\xC0\xAF") == 1u);           // overlong '/'
  CHECK(firstInvalidByte("a\xC1\xBF") == 1u);           // overlong
  CHECK(firstInvalidByte("\xE0\x80\xAF") == 0u);        // overlong, 3 bytes
  CHECK(firstInvalidByte("\xF0\x80\x80\xAF") == 0u);    // overlong, 4 bytes
  CHECK(firstInvalidByte("x\xED\xA0\x80") == 1u);       // a surrogate
  CHECK(firstInvalidByte("\xF4\x90\x80\x80") == 0u);    // past U+10FFFF
  CHECK(firstInvalidByte("\xF5\x80\x80\x80") == 0u);    // never a lead byte
  CHECK(firstInvalidByte("ok\xE2\x98") == 2u);          // truncated at the end
  CHECK(firstInvalidByte("\xE2\x28\xA1") == 0u);        // a bad continuation
  CHECK(firstInvalidByte("\xFF") == 0u);
  CHECK_FALSE(firstInvalidByte(std::string_view("a\0b", 3)).has_value());  // NUL is valid UTF-8
}

TEST_CASE("code point and UTF-16 lengths", "[source][utf8]") {
  const std::string_view text = "a\xC3\xA9\xF0\x9F\x98\x80z";  // a é 😀 z
  CHECK(utf8::codePointCount(text) == 4);
  CHECK(utf8::utf16Length(text) == 5);  // 😀 is a surrogate pair
  CHECK(utf8::byteOffsetOfUtf16(text, 0) == 0);
  CHECK(utf8::byteOffsetOfUtf16(text, 2) == 3);
  CHECK(utf8::byteOffsetOfUtf16(text, 4) == 7);
  CHECK(utf8::byteOffsetOfUtf16(text, 99) == text.size());
  CHECK(utf8::sequenceLength(0x41) == 1);
  CHECK(utf8::sequenceLength(0xC3) == 2);
  CHECK(utf8::sequenceLength(0xE2) == 3);
  CHECK(utf8::sequenceLength(0xF0) == 4);
  CHECK(utf8::sequenceLength(0x80) == 1);
}

TEST_CASE("encoding code points", "[source][utf8]") {
  std::string out;
  CHECK(utf8::append(out, 0x41));
  CHECK(utf8::append(out, 0xE9));
  CHECK(utf8::append(out, 0x2603));
  CHECK(utf8::append(out, 0x1F600));
  CHECK(out == "A\xC3\xA9\xE2\x98\x83\xF0\x9F\x98\x80");
  CHECK_FALSE(utf8::append(out, 0xD800));
  CHECK_FALSE(utf8::append(out, 0x110000));
  CHECK(out.size() == 10);
}
