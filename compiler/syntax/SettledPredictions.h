#pragma once
// The grammar's predictions that their first few tokens settle, computed when
// `jaws` is built (tool/SettlePredictions.cpp) rather than learnt by every
// process. In SLL mode (every item's first try, Parser.cpp) ANTLR predicts by
// walking a DFA from the decision's start state, one edge per token, until an
// accept state. That start state and its edges depend only on the grammar,
// the decision and, for a left-recursive rule, the precedence: never on the
// input before the decision or on the rule invocation stack. So the build
// asks ANTLR's own simulator, once, where every decision's first tokens (up
// to kDepth) lead, and keeps the accept states it reaches: their alternative, or
// their alternatives each with the semantic context that must hold for it.
// A fresh process otherwise computes those states again, and a one-function
// project spent half of its instructions doing so (docs/bench.md).
#include <cstddef>
#include <cstdint>

namespace jaws::syntax {

// A semantic context (ANTLR's SemanticContext), as a tree in prefix order:
// an All or Any node is followed by its `operands` subtrees.
struct SettledCondition {
  enum class Kind : std::uint8_t {
    Always,      // no predicate
    Predicate,   // the grammar's sempred(rule, index)
    Precedence,  // precpred(precedence): the left-recursive rule's operator binds here
    All,         // every operand holds (ANTLR's AND)
    Any,         // some operand holds (ANTLR's OR)
  };
  Kind kind;
  bool contextDependent;  // Predicate: it reads the rule's context
  std::uint16_t a;        // Predicate: rule; Precedence: precedence; All, Any: operands
  std::uint16_t b;        // Predicate: index
};

// One alternative of a predicated accept state and its condition's root.
struct SettledAlternative {
  std::uint16_t alternative;
  std::uint16_t condition;
};

struct SettledPredictions {
  // A slot: 0 when not settled; an alternative (below kPredicated);
  // kPredicated + i, the accept state whose alternatives are
  // alternatives[runs[i] .. runs[i+1]); or kNextToken + r, a state that
  // needs the next token, whose slots are next-token row r.
  static constexpr std::uint16_t kPredicated = 0x4000;
  static constexpr std::uint16_t kNextToken = 0x8000;
  // How many tokens a settled prediction reads at most.
  static constexpr int kDepth = 6;

  // The grammar the table was computed for: a parser with other counts
  // ignores it.
  std::size_t decisions;
  std::size_t tokenColumns;  // token types + 1: EOF (-1) is column 0
  // Precedences a left-recursive decision has a row for (0 .. precedences-1).
  int precedences;
  // The first row of each decision; [decisions] is the first next-token row.
  const std::uint32_t* firstRow;
  const std::uint16_t* slots;  // rows * tokenColumns
  const std::uint16_t* runs;
  const SettledAlternative* alternatives;
  const SettledCondition* conditions;

  // The slot of a decision's first token, or 0.
  std::uint16_t first(std::size_t decision, int precedence, std::size_t token) const {
    const std::size_t column = token + 1;  // EOF (-1) wraps to column 0
    if (column >= tokenColumns || decision >= decisions || precedence < 0) return 0;
    const std::size_t row = firstRow[decision] + static_cast<std::size_t>(precedence);
    return row < firstRow[decision + 1] ? slots[row * tokenColumns + column] : 0;
  }
  // The slot of the next token after a slot of kNextToken + r.
  std::uint16_t next(std::uint16_t slot, std::size_t token) const {
    const std::size_t column = token + 1;
    if (column >= tokenColumns) return 0;
    return slots[(firstRow[decisions] + (slot - kNextToken)) * tokenColumns + column];
  }
};

// The table built into this binary (a generated source file).
const SettledPredictions& settledPredictions();

}  // namespace jaws::syntax
