#pragma once
// The parser's token stream over tokens already lexed (and edited: syntax/
// MissingPieces, syntax/CloudFormationReferences). It takes the vector as it
// is instead of pulling the tokens one by one through a ListTokenSource, which
// in ANTLR 4.9 costs a dynamic_cast per token to number it, and looks ahead
// without asking the source for more at every step.
#include <algorithm>
#include <cstdint>
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
    visible_.reserve(tokens.size());
    rank_.reserve(tokens.size());
    for (size_t i = 0; i < tokens.size(); ++i) {
      antlr4::Token* token = tokens[i].get();
      static_cast<antlr4::WritableToken*>(token)->setTokenIndex(i);
      rank_.push_back(static_cast<std::uint32_t>(visible_.size()));
      if (token->getChannel() == channel || token->getType() == antlr4::Token::EOF) visible_.push_back(static_cast<std::uint32_t>(i));
    }
    _tokens = std::move(tokens);
    _fetchedEOF = true;
    lazyInit();  // once, here (LT does not ask): nothing later sets the stream up again
  }

  // A second stream over the tokens of `owner`, which keeps them: the same
  // tokens, read (never written) by another parser on another thread while
  // `owner`'s parser reads them too (syntax/Parser.cpp parses the second half
  // of a large file so).
  struct Borrow {};
  LexedTokenStream(const LexedTokenStream& owner, Borrow)
      : antlr4::CommonTokenStream(owner._tokenSource), visible_(owner.visible_), rank_(owner.rank_), borrowed_(true) {
    _tokens.reserve(owner._tokens.size());
    for (const auto& token : owner._tokens) _tokens.emplace_back(token.get());
    _fetchedEOF = true;
    lazyInit();
  }
  ~LexedTokenStream() override {
    if (borrowed_) {
      for (auto& token : _tokens) static_cast<void>(token.release());  // the owner's to free
    }
  }
  LexedTokenStream(const LexedTokenStream&) = delete;
  LexedTokenStream& operator=(const LexedTokenStream&) = delete;

  // CommonTokenStream's LT, LB, nextTokenOnChannel and previousTokenOnChannel
  // with the same answers, read off the places of the tokens the parser sees
  // (the default channel, and EOF) instead of walking the tokens with two
  // virtual calls per step: the parser calls LT several times per token, LT(-1)
  // at the end of every rule, and the prediction table and the grammar's
  // predicates look several tokens ahead.
  antlr4::Token* LT(ssize_t k) override {
    if (k == 0) return nullptr;
    if (k < 0) return LB(static_cast<size_t>(-k));
    size_t i = _p;
    if (k > 1 && !_tokens.empty()) {
      // The k-th visible token from _p, which is visible itself (or the
      // first step lands on the first visible one after it); EOF at most.
      const size_t steps = static_cast<size_t>(k - 1) - (isVisible(_p) ? 0 : 1);
      i = visible_[std::min<size_t>(rank_[_p] + steps, visible_.size() - 1)];
    }
    if (i > highestLooked_) highestLooked_ = i;
    return _tokens[i].get();
  }

  size_t LA(ssize_t i) override { return LT(i)->getType(); }  // BufferedTokenStream's, with LT inlined

  // The tokens the parser has looked at (LT and LB) since watch(): what the
  // parse of one top-level item depended on (syntax/ItemReuse.h).
  void watch() { lowestLooked_ = highestLooked_ = _p; }
  size_t lowestLooked() const { return lowestLooked_; }
  size_t highestLooked() const { return highestLooked_; }

 protected:
  antlr4::Token* LB(size_t k) override {
    if (k == 0 || k > _p) return nullptr;
    const size_t before = _p < rank_.size() ? rank_[_p] : visible_.size();  // visible tokens before _p
    // Past the first visible token ANTLR's walk either ends (none) or wraps
    // around to EOF, as the first token is visible or not: that rare case
    // is left to it.
    if (k > before) {
      antlr4::Token* token = antlr4::CommonTokenStream::LB(k);
      if (token != nullptr && token->getTokenIndex() < lowestLooked_) lowestLooked_ = token->getTokenIndex();
      return token;
    }
    const size_t i = visible_[before - k];
    if (i < lowestLooked_) lowestLooked_ = i;
    return _tokens[i].get();
  }

  ssize_t nextTokenOnChannel(size_t i, size_t onChannel) override {
    if (i >= _tokens.size()) return static_cast<ssize_t>(_tokens.size()) - 1;
    if (onChannel == channel) return visible_[rank_[i]];  // EOF, the last token, is visible
    for (antlr4::Token* token = _tokens[i].get(); token->getChannel() != onChannel; token = _tokens[i].get()) {
      if (token->getType() == antlr4::Token::EOF) break;
      ++i;
    }
    return static_cast<ssize_t>(i);
  }
  ssize_t previousTokenOnChannel(size_t i, size_t onChannel) override {
    if (i >= _tokens.size()) return static_cast<ssize_t>(_tokens.size()) - 1;  // EOF is on every channel
    if (onChannel == channel) {
      if (isVisible(i)) return static_cast<ssize_t>(i);
      return rank_[i] == 0 ? -1 : static_cast<ssize_t>(visible_[rank_[i] - 1]);
    }
    for (;; --i) {
      antlr4::Token* token = _tokens[i].get();
      if (token->getType() == antlr4::Token::EOF || token->getChannel() == onChannel) return static_cast<ssize_t>(i);
      if (i == 0) return -1;
    }
  }

 private:
  bool isVisible(size_t i) const { return rank_[i] < visible_.size() && visible_[rank_[i]] == i; }

  size_t lowestLooked_ = 0, highestLooked_ = 0;
  std::vector<std::uint32_t> visible_;  // the indices of the tokens on `channel`, and of EOF
  std::vector<std::uint32_t> rank_;     // per token: how many visible tokens come before it
  bool borrowed_ = false;               // the tokens are another stream's
};

}  // namespace jaws::syntax
