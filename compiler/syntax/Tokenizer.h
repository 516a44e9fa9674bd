#pragma once
// The lexer the parser runs on: a hand-written scanner that produces exactly
// the tokens of the generated JawsLexer (grammar/JawsLexer.g4): the same
// types, channels, byte offsets, lines and columns, skipping the same
// whitespace and byte-order marks, with the same string and interpolation
// modes and brace counting. The generated lexer stays the specification (and
// the token vocabulary of the parser): a unit test lexes a corpus and random
// inputs with both and compares every token.
//
// Why: ANTLR's lexer simulates an automaton per character behind a lock and
// allocates through a token factory; it was 40% of parsing, about 900
// instructions per source byte. This one reads each byte once.
#include <cstdint>
#include <memory>
#include <vector>

#include "antlr4-runtime.h"
#include "syntax/ByteCharStream.h"
#include "syntax/SourceToken.h"

namespace jaws::syntax {

class Tokenizer final : public antlr4::TokenSource {
 public:
  explicit Tokenizer(ByteCharStream& input) : input_(input), size_(input.size()) {}
  Tokenizer(const Tokenizer&) = delete;
  Tokenizer& operator=(const Tokenizer&) = delete;

  // The next token on any channel; EOF (again and again) at the end. A
  // SourceToken in this tokenizer's arena: the tokenizer outlives it.
  std::unique_ptr<antlr4::Token> nextToken() override;

  size_t getLine() const override { return line_; }
  size_t getCharPositionInLine() override { return column_; }
  antlr4::CharStream* getInputStream() override { return &input_; }
  std::string getSourceName() override { return input_.getSourceName(); }
  antlr4::TokenFactory<antlr4::CommonToken>* getTokenFactory() override {
    return antlr4::CommonTokenFactory::DEFAULT.get();
  }

 private:
  enum class Mode { Default, String };

  // The character the generated lexer sees at `at` (ByteCharStream::LA), or
  // -1 past the end.
  int at(size_t at) const { return at < size_ ? static_cast<int>(input_.shown(at)) : -1; }
  // Consumes up to `to`, counting lines and columns as ANTLR does (a `\n`
  // starts a line; every other byte is one column).
  void advanceTo(size_t to);
  std::unique_ptr<antlr4::Token> make(size_t type, size_t channel, size_t start);

  // One token from `start`; returns its type and channel, or false for a
  // skipped one (whitespace, byte-order mark). position_ is past it after.
  bool scanDefault(size_t start, size_t& type, size_t& channel);
  void scanString(size_t start, size_t& type);
  size_t scanNumber(size_t start);
  size_t routePathEnd(size_t start) const;

  ByteCharStream& input_;
  const std::pair<antlr4::TokenSource*, antlr4::CharStream*> origin_{this, &input_};
  TokenArena arena_;
  const size_t size_;
  size_t position_ = 0;
  size_t line_ = 1, column_ = 0;
  size_t tokenLine_ = 1, tokenColumn_ = 0;
  std::vector<Mode> modes_;  // the pushed modes; the current one is Default when empty
  Mode mode_ = Mode::Default;
  // As the grammar's lexer members: the brace depth at which each open
  // interpolation started (innermost last), and the brace depth.
  std::vector<int> interpolationDepths_;
  int braceDepth_ = 0;
};

}  // namespace jaws::syntax
