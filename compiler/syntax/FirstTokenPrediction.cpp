#include "syntax/FirstTokenPrediction.h"

#include <atomic>
#include <memory>
#include <vector>

namespace jaws::syntax {

namespace {

// Precedences a left-recursive rule's decision is asked at (its precedence
// DFA has a start state per precedence); the grammar's are below 16.
constexpr int kPrecedences = 16;

// The DFA state the start state's edge on a token leads to, by decision,
// precedence and token (EOF first), when it is an accept state; null while
// not known. A decision has one row of tokens, a precedence decision one per
// precedence. Written with the same pointer by whichever thread learns it
// first; DFA states live as long as the process (the DFA is never cleared).
class SettledDecisions {
 public:
  SettledDecisions(const std::vector<antlr4::dfa::DFA>& dfas, size_t tokens) : width_(tokens + 1) {
    size_t rows = 0;
    for (const auto& dfa : dfas) {
      firstRow_.push_back(rows);
      rows += dfa.isPrecedenceDfa() ? kPrecedences : 1;
    }
    firstRow_.push_back(rows);
    size_ = rows * width_;
    states_ = std::make_unique<std::atomic<const antlr4::dfa::DFAState*>[]>(size_);
  }

  size_t entries() const {
    size_t count = 0;
    for (size_t i = 0; i < size_; ++i) count += states_[i].load(std::memory_order_relaxed) != nullptr;
    return count;
  }

  std::atomic<const antlr4::dfa::DFAState*>* slot(size_t decision, int precedence, size_t token) {
    const size_t column = token + 1;  // EOF (-1) wraps to column 0
    if (column >= width_ || decision + 1 >= firstRow_.size() || precedence < 0) return nullptr;
    const size_t row = firstRow_[decision] + static_cast<size_t>(precedence);
    return row < firstRow_[decision + 1] ? &states_[row * width_ + column] : nullptr;
  }

 private:
  size_t width_, size_ = 0;
  std::vector<size_t> firstRow_;  // by decision, and one past the last
  std::unique_ptr<std::atomic<const antlr4::dfa::DFAState*>[]> states_;
};

std::atomic<bool> tableInUse{true};
std::atomic<SettledDecisions*> tableMade{nullptr};

SettledDecisions& settled(const antlr4::atn::ATN& atn, const std::vector<antlr4::dfa::DFA>& dfas) {
  // One grammar, one table (the parser's decisions and token types).
  static SettledDecisions table(dfas, atn.maxTokenType + 1);
  static const bool made = (tableMade = &table, true);
  static_cast<void>(made);
  return table;
}

}  // namespace

size_t FirstTokenPrediction::adaptivePredict(antlr4::TokenStream* input, size_t decision,
                                             antlr4::ParserRuleContext* outerContext) {
  if (getPredictionMode() != antlr4::atn::PredictionMode::SLL || !tableInUse.load(std::memory_order_relaxed)) {
    return ParserATNSimulator::adaptivePredict(input, decision, outerContext);
  }
  antlr4::dfa::DFA& dfa = decisionToDFA[decision];
  const int precedence = dfa.isPrecedenceDfa() ? parser->getPrecedence() : 0;
  const size_t token = input->LA(1);
  std::atomic<const antlr4::dfa::DFAState*>* known = settled(atn, decisionToDFA).slot(decision, precedence, token);
  if (const antlr4::dfa::DFAState* target = known != nullptr ? known->load(std::memory_order_acquire) : nullptr) {
    // What execATN does with an accept state at its first step.
    if (target->predicates.empty()) return target->prediction;
    if (const size_t alternative = onlyAlternativeThatHolds(*target, outerContext)) return alternative;
    // None or several: ANTLR's own walk reports it.
  }
  const size_t alternative = ParserATNSimulator::adaptivePredict(input, decision, outerContext);
  if (known == nullptr) return alternative;
  // Learnt as execATN reads it: the start state (for this precedence), its
  // edge on the token, an accept state that needs no full context.
  antlr4::dfa::DFAState* start = dfa.isPrecedenceDfa() ? dfa.getPrecedenceStartState(precedence) : dfa.s0;
  const antlr4::dfa::DFAState* target = start != nullptr ? getExistingTargetState(start, token) : nullptr;
  if (target != nullptr && target != ERROR.get() && target->isAcceptState && !target->requiresFullContext &&
      (!target->predicates.empty() || target->prediction == alternative)) {
    known->store(target, std::memory_order_release);
  }
  return alternative;
}

size_t FirstTokenPrediction::onlyAlternativeThatHolds(const antlr4::dfa::DFAState& state,
                                                      antlr4::ParserRuleContext* outerContext) {
  // evalSemanticContext(predicates, context, complete = true) without its
  // copy of the list and its 2,048-bit set: every predicate is evaluated, and
  // the alternatives that hold are compared.
  antlr4::ParserRuleContext* context = outerContext != nullptr ? outerContext : &antlr4::ParserRuleContext::EMPTY;
  size_t only = 0;
  bool several = false;
  for (const antlr4::dfa::DFAState::PredPrediction* prediction : state.predicates) {
    const auto alternative = static_cast<size_t>(prediction->alt);
    const bool holds = prediction->pred == antlr4::atn::SemanticContext::NONE ||
                       evalSemanticContext(prediction->pred, context, alternative, false);
    if (!holds) continue;
    if (only == 0) {
      only = alternative;
    } else if (alternative != only) {
      several = true;
    }
  }
  return several ? 0 : only;
}

void FirstTokenPrediction::useTable(bool use) { tableInUse = use; }

size_t FirstTokenPrediction::tableEntries() {
  const SettledDecisions* table = tableMade.load();
  return table != nullptr ? table->entries() : 0;
}

void FirstTokenPrediction::install(antlr4::Parser& parser) {
  auto* generated = parser.getInterpreter<antlr4::atn::ParserATNSimulator>();
  // setInterpreter deletes the simulator it replaces.
  parser.setInterpreter(
      new FirstTokenPrediction(&parser, parser.getATN(), generated->decisionToDFA, generated->getSharedContextCache()));
}

}  // namespace jaws::syntax
