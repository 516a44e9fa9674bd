#pragma once
// The parser's prediction, with a shortcut for decisions that their first
// token settles. ANTLR 4.9 predicts through a DFA shared by every parser: each
// adaptivePredict takes locks, marks and seeks the token stream and walks the
// DFA's hash maps from the decision's start state, about 2,000 instructions,
// a third of all parsing. In SLL mode (every item's first try, Parser.cpp)
// the start state depends only on the decision and, for a left-recursive
// rule, the precedence, not on the rule invocation stack. When its edge on
// the next token leads to an accept state, the walk stops there whatever
// follows: it returns the state's alternative, or the one alternative whose
// predicates hold. Those states are kept in a table by (decision, precedence,
// token), shared by every parser, and the same answer is given from them
// without the walk (predicates are still evaluated, each time). Any other
// prediction (LL mode, a second token needed, a conflict) is ANTLR's own.
#include "antlr4-runtime.h"

namespace jaws::syntax {

class FirstTokenPrediction final : public antlr4::atn::ParserATNSimulator {
 public:
  using antlr4::atn::ParserATNSimulator::ParserATNSimulator;

  size_t adaptivePredict(antlr4::TokenStream* input, size_t decision, antlr4::ParserRuleContext* outerContext) override;

  // Replaces a parser's generated simulator with one of these (same ATN, DFA
  // and context cache).
  static void install(antlr4::Parser& parser);

  // For tests: predict with ANTLR's walk alone (false), and how many
  // (decision, precedence, token) answers the table holds.
  static void useTable(bool use);
  static size_t tableEntries();

 private:
  // The one alternative whose predicates hold in an accept state, or 0.
  size_t onlyAlternativeThatHolds(const antlr4::dfa::DFAState& state, antlr4::ParserRuleContext* outerContext);
};

}  // namespace jaws::syntax
