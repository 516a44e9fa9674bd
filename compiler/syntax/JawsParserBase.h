#pragma once
// The base class of the generated parser (`superClass` in JawsParser.g4). It
// bounds nesting: every expression and type the parser enters counts one level,
// and past kMaxNesting it throws NestingTooDeep, which the facade turns into
// JW1008. Without it, 100,000 nested brackets would overflow the stack in the
// parser, the builder or any later tree walk.
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
  // the indexes are only known to the generated subclass).
  void setNestingRules(std::vector<size_t> rules) { nestingRules_ = std::move(rules); }

  void enterRule(antlr4::ParserRuleContext* ctx, size_t state, size_t ruleIndex) override {
    enterLevel(ruleIndex);
    antlr4::Parser::enterRule(ctx, state, ruleIndex);
  }
  // Hides Parser::exitRule, which is not virtual: the generated code calls it
  // unqualified from the derived class, so this one runs.
  void exitRule() {
    leaveLevel();
    antlr4::Parser::exitRule();
  }
  void enterRecursionRule(antlr4::ParserRuleContext* ctx, size_t state, size_t ruleIndex, int precedence) override {
    enterLevel(ruleIndex);
    antlr4::Parser::enterRecursionRule(ctx, state, ruleIndex, precedence);
  }
  void unrollRecursionContexts(antlr4::ParserRuleContext* parent) override {
    leaveLevel();
    antlr4::Parser::unrollRecursionContexts(parent);
  }
  void resetNesting() { depth_ = 0; }

 private:
  bool counts(size_t ruleIndex) const {
    for (size_t r : nestingRules_) {
      if (r == ruleIndex) return true;
    }
    return false;
  }
  void enterLevel(size_t ruleIndex) {
    if (!counts(ruleIndex)) return;
    if (depth_ >= kMaxNesting) throw NestingTooDeep(getCurrentToken());
    ++depth_;
  }
  void leaveLevel() {
    if (_ctx != nullptr && counts(_ctx->getRuleIndex()) && depth_ > 0) --depth_;
  }

  std::vector<size_t> nestingRules_;
  int depth_ = 0;
};

}  // namespace jaws::grammar
