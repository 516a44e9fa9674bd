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

  void enterRule(antlr4::ParserRuleContext* ctx, size_t state, size_t ruleIndex) override {
    enterFrame(ruleIndex);
    antlr4::Parser::enterRule(ctx, state, ruleIndex);
  }
  // Hides Parser::exitRule, which is not virtual: the generated code calls it
  // unqualified from the derived class, so this one runs.
  void exitRule() {
    leaveFrame();
    antlr4::Parser::exitRule();
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
