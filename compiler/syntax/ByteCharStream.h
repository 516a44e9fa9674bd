#pragma once
// Feeds the lexer the source's bytes, in place. ANTLR's own input stream
// converts UTF-8 to UTF-32, so token positions would come out in code points
// (every span would need a conversion table) and the file would be copied at
// four bytes per byte. Jaws tokens are ASCII; anything else stands inside
// strings and comments, or is a stray character. So a token's start and stop
// are byte offsets into the source text, and the text is not copied.
//
// Bytes from 0x80 up (the parts of non-ASCII characters) are shown to the
// lexer as U+0001, which no rule names either: every rule treats the two
// alike (string text, comment text, a stray character). ANTLR's lexer caches
// its DFA transitions only for code points below 128 and simulates its ATN for
// the others, character by character: a string of 10 MB of `é` lexed at
// 2 MB/s, now as fast as ASCII. The bytes of a byte order mark (EF BB BF) stay
// as they are, for the lexer's BOM rule. Token text (`getText`) is the source's
// own bytes.
#include <string_view>

#include "antlr4-runtime.h"

namespace jaws::syntax {

class ByteCharStream final : public antlr4::CharStream {
 public:
  explicit ByteCharStream(std::string_view bytes) : bytes_(bytes) {}

  size_t LA(ssize_t i) override {
    if (i == 0) return 0;  // undefined, as in ANTLRInputStream
    const ssize_t at = i > 0 ? static_cast<ssize_t>(position_) + i - 1 : static_cast<ssize_t>(position_) + i;
    if (at < 0 || static_cast<size_t>(at) >= bytes_.size()) return antlr4::IntStream::EOF;
    return shown(static_cast<size_t>(at));
  }
  void consume() override {
    if (position_ >= bytes_.size()) throw antlr4::IllegalStateException("cannot consume EOF");
    ++position_;
  }
  ssize_t mark() override { return -1; }
  void release(ssize_t) override {}
  size_t index() override { return position_; }
  void seek(size_t index) override { position_ = std::min(index, bytes_.size()); }
  size_t size() override { return bytes_.size(); }
  std::string getSourceName() const override { return "<jaws>"; }
  std::string getText(const antlr4::misc::Interval& interval) override {
    if (interval.a < 0 || interval.b < interval.a || static_cast<size_t>(interval.a) >= bytes_.size()) return {};
    const size_t from = static_cast<size_t>(interval.a);
    const size_t to = std::min(static_cast<size_t>(interval.b) + 1, bytes_.size());
    return std::string(bytes_.substr(from, to - from));
  }
  std::string toString() const override { return std::string(bytes_); }

  std::string_view text() const { return bytes_; }
  // The character the lexer sees at `at` (< size()).
  size_t shown(size_t at) const {
    const auto byte = static_cast<unsigned char>(bytes_[at]);
    return byte < 0x80 || inByteOrderMark(at) ? byte : kNonAscii;
  }
 private:
  static constexpr size_t kNonAscii = 0x01;

  bool inByteOrderMark(size_t at) const {
    for (size_t start = at >= 2 ? at - 2 : 0; start <= at; ++start) {
      if (bytes_.substr(start, 3) == "\xEF\xBB\xBF") return true;
    }
    return false;
  }

  std::string_view bytes_;
  size_t position_ = 0;
};

}  // namespace jaws::syntax
