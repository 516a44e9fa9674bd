#pragma once
// The parser's token stream over tokens already lexed (and edited: syntax/
// MissingPieces, syntax/CloudFormationReferences). It takes the vector as it
// is instead of pulling the tokens one by one through a ListTokenSource, which
// in ANTLR 4.9 costs a dynamic_cast per token to number it, and looks ahead
// without asking the source for more at every step.
#include <memory>
#include <vector>

#include "antlr4-runtime.h"

namespace jaws::syntax {

class LexedTokenStream final : public antlr4::CommonTokenStream {
 public:
  // `tokens` end with EOF and are WritableTokens (SourceTokens, and the
  // CommonTokens MissingPieces and CloudFormationReferences insert); `source`
  // made them (errors conjure tokens through its factory).
  LexedTokenStream(antlr4::TokenSource& source, std::vector<std::unique_ptr<antlr4::Token>> tokens)
      : antlr4::CommonTokenStream(&source) {
    for (size_t i = 0; i < tokens.size(); ++i) static_cast<antlr4::WritableToken*>(tokens[i].get())->setTokenIndex(i);
    _tokens = std::move(tokens);
    _fetchedEOF = true;
  }

  // CommonTokenStream's LT, nextTokenOnChannel and previousTokenOnChannel
  // with the same answers, but without a virtual sync() per step: every token
  // is here, so sync(i) is just i < size. The parser calls LT several times
  // per token (and the grammar's predicates look up to three tokens ahead).
  antlr4::Token* LT(ssize_t k) override {
    lazyInit();
    if (k == 0) return nullptr;
    if (k < 0) return LB(static_cast<size_t>(-k));
    size_t i = _p;
    for (ssize_t n = 1; n < k; ++n) {
      if (i + 1 < _tokens.size()) i = static_cast<size_t>(nextTokenOnChannel(i + 1, channel));
    }
    if (i > highestLooked_) highestLooked_ = i;
    return _tokens[i].get();
  }

  // The tokens the parser has looked at (LT and LB) since watch(): what the
  // parse of one top-level item depended on (syntax/ItemReuse.h).
  void watch() { lowestLooked_ = highestLooked_ = _p; }
  size_t lowestLooked() const { return lowestLooked_; }
  size_t highestLooked() const { return highestLooked_; }

 protected:
  antlr4::Token* LB(size_t k) override {
    antlr4::Token* token = antlr4::CommonTokenStream::LB(k);
    if (token != nullptr && token->getTokenIndex() < lowestLooked_) lowestLooked_ = token->getTokenIndex();
    return token;
  }

  ssize_t nextTokenOnChannel(size_t i, size_t onChannel) override {
    if (i >= _tokens.size()) return static_cast<ssize_t>(_tokens.size()) - 1;
    for (antlr4::Token* token = _tokens[i].get(); token->getChannel() != onChannel; token = _tokens[i].get()) {
      if (token->getType() == antlr4::Token::EOF) break;
      ++i;
    }
    return static_cast<ssize_t>(i);
  }
  ssize_t previousTokenOnChannel(size_t i, size_t onChannel) override {
    if (i >= _tokens.size()) return static_cast<ssize_t>(_tokens.size()) - 1;  // EOF is on every channel
    for (;; --i) {
      antlr4::Token* token = _tokens[i].get();
      if (token->getType() == antlr4::Token::EOF || token->getChannel() == onChannel) return static_cast<ssize_t>(i);
      if (i == 0) return -1;
    }
  }

 private:
  size_t lowestLooked_ = 0, highestLooked_ = 0;
};

}  // namespace jaws::syntax
