#pragma once
// The base class of the generated parser (`superClass` in JawsParser.g4). It
// bounds nesting: every expression and type the parser enters counts one level,
// and past kMaxNesting it throws NestingTooDeep, which the facade turns into
// JW1008. Without it, 100,000 nested brackets (or a chain of 100,000 `.b` or
// `[]`) would overflow the stack in the parser, the builder or any later tree
// walk.
//
// Only the syntax library includes this header (through the generated parser).
#include <exception>
#include <vector>

#include "antlr4-runtime.h"

namespace jaws::grammar {

struct NestingTooDeep : std::exception {
  explicit NestingTooDeep(antlr4::Token* at) : token(at) {}
  const char* what() const noexcept override { return "nesting too deep"; }
  antlr4::Token* token;
};

class JawsParserBase : public antlr4::Parser {
 public:
  static constexpr int kMaxNesting = 100;

  using antlr4::Parser::Parser;

  // Which rule indexes count as one nesting level (set by the facade, since
  // the indexes are only known to the generated subclass). In a left-recursive
  // rule every operator of a chain counts a level too: `a.b.c`, `f()()` and
  // `a == b == c` build trees as deep as the chain is long, and the builder
  // and every later walk recurse down them.
  void setNestingRules(std::vector<size_t> rules) { nestingRules_ = std::move(rules); }
  // A token that nests what precedes it each time a rule matches it: in
  // `T[][]` every `[` wraps the type in one more list.
  void setNestingSuffix(size_t ruleIndex, size_t tokenType) {
    suffixRule_ = ruleIndex;
    suffixToken_ = tokenType;
  }

  // enterRule, exitRule and enterOuterAlt do what antlr4::Parser's do, but
  // reach the parent context with a static_cast: ANTLR 4.9 uses dynamic_cast
  // there, two or three per rule invocation, a tenth of the parse. Every
  // context of this parser is a ParserRuleContext (the generated code and
  // the facade's sourceFile context make no other kind). With parse
  // listeners (never added by Jaws) ANTLR's own versions run.
  void enterRule(antlr4::ParserRuleContext* ctx, size_t state, size_t ruleIndex) override {
    enterFrame(ruleIndex);
    if (!_parseListeners.empty()) return antlr4::Parser::enterRule(ctx, state, ruleIndex);
    setState(state);
    _ctx = ctx;
    _ctx->start = _input->LT(1);
    if (_buildParseTrees && _ctx->parent != nullptr) parentOf(_ctx)->addChild(_ctx);
  }
  // Hides Parser::exitRule, which is not virtual: the generated code calls it
  // unqualified from the derived class, so this one runs.
  void exitRule() {
    leaveFrame();
    if (!_parseListeners.empty()) return antlr4::Parser::exitRule();
    // After EOF was matched, LT(-1) would not be the last token matched.
    _ctx->stop = _matchedEOF ? _input->LT(1) : _input->LT(-1);
    setState(_ctx->invokingState);
    _ctx = parentOf(_ctx);
  }
  void enterOuterAlt(antlr4::ParserRuleContext* ctx, size_t altNum) override {
    if (!_parseListeners.empty()) return antlr4::Parser::enterOuterAlt(ctx, altNum);
    ctx->setAltNumber(altNum);
    // Most contexts get two to four children: room for four at once instead
    // of growing the vector from one to two to four.
    if (_buildParseTrees) ctx->children.reserve(4);
    // A labeled alternative's context replaces the rule's generic one as
    // the parent's last child.
    if (_buildParseTrees && _ctx != ctx && _ctx->parent != nullptr) {
      antlr4::ParserRuleContext* parent = parentOf(_ctx);
      parent->removeLastChild();
      parent->addChild(ctx);
    }
    _ctx = ctx;
  }
  void enterRecursionRule(antlr4::ParserRuleContext* ctx, size_t state, size_t ruleIndex, int precedence) override {
    enterFrame(ruleIndex);
    antlr4::Parser::enterRecursionRule(ctx, state, ruleIndex, precedence);
  }
  void pushNewRecursionContext(antlr4::ParserRuleContext* ctx, size_t state, size_t ruleIndex) override {
    if (counts(ruleIndex)) addLevel();
    antlr4::Parser::pushNewRecursionContext(ctx, state, ruleIndex);
  }
  void unrollRecursionContexts(antlr4::ParserRuleContext* parent) override {
    leaveFrame();
    antlr4::Parser::unrollRecursionContexts(parent);
  }
  antlr4::Token* match(size_t tokenType) override {
    if (tokenType == suffixToken_ && _ctx != nullptr && _ctx->getRuleIndex() == suffixRule_) addLevel();
    return antlr4::Parser::match(tokenType);
  }
  void resetNesting() {
    depth_ = 0;
    frames_.clear();
  }
  // Makes the next rule call as if from `state` inside `parent`. The facade
  // parses sourceFile's `topLevel*` loop one item at a time; with the loop's
  // own context and state, the follow sets that error recovery computes (what
  // may come after a broken declaration) are those of the whole file.
  void callFrom(antlr4::ParserRuleContext* parent, size_t state) {
    _ctx = parent;
    setState(state);
  }

 private:
  static constexpr size_t kNone = static_cast<size_t>(-1);

  static antlr4::ParserRuleContext* parentOf(antlr4::ParserRuleContext* ctx) {
    return static_cast<antlr4::ParserRuleContext*>(ctx->parent);
  }

  bool counts(size_t ruleIndex) const {
    for (size_t r : nestingRules_) {
      if (r == ruleIndex) return true;
    }
    return false;
  }
  // One frame per rule invocation, holding the levels it added, so leaving
  // the rule (normally or by an exception) gives back exactly those. The
  // check comes before the frame is pushed: a rule whose entry throws is never
  // exited by the generated code.
  void enterFrame(size_t ruleIndex) {
    const bool nests = counts(ruleIndex);
    if (nests && depth_ >= kMaxNesting) throw NestingTooDeep(getCurrentToken());
    frames_.push_back(nests ? 1 : 0);
    depth_ += frames_.back();
  }
  void addLevel() {
    if (depth_ >= kMaxNesting) throw NestingTooDeep(getCurrentToken());
    ++depth_;
    if (!frames_.empty()) ++frames_.back();
  }
  void leaveFrame() {
    if (frames_.empty()) return;
    depth_ -= frames_.back();
    frames_.pop_back();
  }

  std::vector<size_t> nestingRules_;
  size_t suffixRule_ = kNone, suffixToken_ = kNone;
  std::vector<int> frames_;
  int depth_ = 0;
};

}  // namespace jaws::grammar
