#pragma once
// The tokens syntax/Tokenizer makes: what ANTLR's CommonToken holds, in 48
// bytes instead of 112 and a heap block each, allocated in blocks by the
// tokenizer's TokenArena. A 4 MB file has about 900,000 tokens, all alive
// for its whole parse: as CommonTokens they were about 110 MB at the peak,
// and one allocation and one free each.
//
// The parser's token streams hold tokens as std::unique_ptr<antlr4::Token>.
// A SourceToken is destroyed through it as any token is, but gives its
// memory back with its arena (its class's operator delete does nothing), so
// the arena, i.e. the Tokenizer that made it, must outlive it.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "antlr4-runtime.h"

namespace jaws::syntax {

class SourceToken;

// Fixed-size blocks of tokens, freed together.
class TokenArena {
 public:
  // Room for one token, which the caller constructs there.
  void* allocate();

 private:
  static constexpr std::size_t kTokensPerBlock = 4096;
  std::vector<std::unique_ptr<std::byte[]>> blocks_;
  std::size_t used_ = kTokensPerBlock;  // in the last block
};

class SourceToken final : public antlr4::WritableToken {
 public:
  // `origin` (the tokenizer and its input) outlives the token.
  SourceToken(const std::pair<antlr4::TokenSource*, antlr4::CharStream*>& origin, std::size_t type, std::size_t channel,
              std::size_t start, std::size_t stop, std::size_t line, std::size_t column);

  static void* operator new(std::size_t size, TokenArena& arena);
  // Memory goes back with the arena; a token is only ever destroyed.
  static void operator delete(void*) noexcept {}
  static void operator delete(void*, TokenArena&) noexcept {}

  std::string getText() const override;
  // Whether setText gave it a text other than the source's.
  bool hasOwnText() const { return text_ != nullptr; }
  std::size_t getType() const override { return static_cast<std::size_t>(static_cast<std::ptrdiff_t>(type_)); }
  std::size_t getLine() const override { return line_; }
  std::size_t getCharPositionInLine() const override { return column_; }
  std::size_t getChannel() const override { return channel_; }
  std::size_t getTokenIndex() const override { return index_ == kNoIndex ? INVALID_INDEX : index_; }
  std::size_t getStartIndex() const override { return start_; }
  // As CommonToken's: one before the start for an empty token (EOF).
  std::size_t getStopIndex() const override { return std::size_t{start_} + length_ - 1; }
  antlr4::TokenSource* getTokenSource() const override { return origin_->first; }
  antlr4::CharStream* getInputStream() const override { return origin_->second; }
  std::string toString() const override;

  void setText(const std::string& text) override;
  void setType(std::size_t type) override { type_ = static_cast<std::int16_t>(type); }
  void setLine(std::size_t line) override { line_ = static_cast<std::uint32_t>(line); }
  void setCharPositionInLine(std::size_t column) override { column_ = static_cast<std::uint32_t>(column); }
  void setChannel(std::size_t channel) override { channel_ = static_cast<std::uint8_t>(channel); }
  void setTokenIndex(std::size_t index) override { index_ = static_cast<std::uint32_t>(index); }

 private:
  static constexpr std::uint32_t kNoIndex = static_cast<std::uint32_t>(-1);

  const std::pair<antlr4::TokenSource*, antlr4::CharStream*>* origin_;
  std::unique_ptr<std::string> text_;  // set only when it differs from the source's
  std::uint32_t start_, length_, line_, column_, index_ = kNoIndex;
  std::int16_t type_;  // signed: EOF is -1, which reads back as size_t(-1)
  std::uint8_t channel_;
};

}  // namespace jaws::syntax
