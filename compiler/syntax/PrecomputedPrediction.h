#pragma once
// The parser's prediction, answered from the table computed when jaws was
// built (SettledPredictions.h) where the next few tokens settle it.
// ANTLR 4.9's adaptivePredict takes locks, marks and seeks the token stream
// and walks the DFA's hash maps, about 2,000 instructions a call once warm;
// a fresh process first computes each decision's start state and edges, the
// larger part of a small project's parse. In SLL mode (every item's first
// try, Parser.cpp) a slot of the table gives the same answer as that walk:
// the accept state's alternative (for an SLL conflict, the lowest of the
// conflicting ones, as SLL mode takes), or the one alternative whose
// semantic context holds (evaluated each time, as the walk does). Any other
// prediction (LL mode, more tokens needed, predicates that hold for none or
// several alternatives) is ANTLR's own.
#include <cstddef>
#include <cstdint>

#include "antlr4-runtime.h"

namespace jaws::syntax {

struct SettledPredictions;

class PrecomputedPrediction final : public antlr4::atn::ParserATNSimulator {
 public:
  using antlr4::atn::ParserATNSimulator::ParserATNSimulator;

  size_t adaptivePredict(antlr4::TokenStream* input, size_t decision, antlr4::ParserRuleContext* outerContext) override;

  // Replaces a parser's generated simulator with one of these (same ATN, DFA
  // and context cache).
  static void install(antlr4::Parser& parser);

  // For tests: predict with ANTLR's walk alone (false); or answer from the
  // table and walk too, counting the answers and those the walk does not
  // give (a bug in the table).
  static void useTable(bool use);
  static void checkAgainstWalk(bool check);
  static size_t tableAnswers();
  static size_t answersUnlikeWalk();

 private:
  // The alternative of a slot's accept state: the one whose condition holds,
  // or 0 when none or several hold.
  size_t alternativeOf(const SettledPredictions& table, std::uint16_t slot, antlr4::ParserRuleContext* context);
  // Whether the condition tree at `node` holds; `node` moves past it.
  bool holds(const SettledPredictions& table, size_t& node, antlr4::ParserRuleContext* context);
};

}  // namespace jaws::syntax
