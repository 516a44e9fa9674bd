#include "syntax/PrecomputedPrediction.h"

#include <atomic>
#include <vector>

#include "syntax/SettledPredictions.h"

namespace jaws::syntax {

namespace {

std::atomic<bool> tableInUse{true};
std::atomic<bool> walkToo{false};
std::atomic<size_t> answers{0}, unlikeWalk{0};

// The built table when it was computed for this grammar, as it always is
// (CMake regenerates it with the parser); an empty one otherwise, whose
// lookups all miss.
const SettledPredictions& table(const antlr4::atn::ATN& atn, const std::vector<antlr4::dfa::DFA>& dfas) {
  static const SettledPredictions none{0, 0, 0, nullptr, nullptr, nullptr, nullptr, nullptr};
  static const SettledPredictions& checked = [&]() -> const SettledPredictions& {
    const SettledPredictions& built = settledPredictions();
    if (built.decisions != dfas.size() || built.tokenColumns != atn.maxTokenType + 2) return none;
    for (size_t d = 0; d < dfas.size(); ++d) {
      const int rows = dfas[d].isPrecedenceDfa() ? built.precedences : 1;
      if (built.firstRow[d + 1] - built.firstRow[d] != static_cast<std::uint32_t>(rows)) return none;
    }
    return built;
  }();
  return checked;
}

// The node after the condition tree at `node`.
size_t skip(const SettledPredictions& table, size_t node) {
  const SettledCondition& c = table.conditions[node++];
  if (c.kind == SettledCondition::Kind::All || c.kind == SettledCondition::Kind::Any) {
    for (size_t i = 0; i < c.a; ++i) node = skip(table, node);
  }
  return node;
}

}  // namespace

size_t PrecomputedPrediction::adaptivePredict(antlr4::TokenStream* input, size_t decision,
                                              antlr4::ParserRuleContext* outerContext) {
  if (getPredictionMode() != antlr4::atn::PredictionMode::SLL || !tableInUse.load(std::memory_order_relaxed)) {
    return ParserATNSimulator::adaptivePredict(input, decision, outerContext);
  }
  const SettledPredictions& settled = table(atn, decisionToDFA);
  const int precedence = decisionToDFA[decision].isPrecedenceDfa() ? parser->getPrecedence() : 0;
  std::uint16_t slot = settled.first(decision, precedence, input->LA(1));
  // Only a token other than EOF leads to a next-token row; the last row
  // holds no further ones.
  for (ssize_t k = 2; slot >= SettledPredictions::kNextToken; ++k) slot = settled.next(slot, input->LA(k));
  const size_t alternative = slot != 0 ? alternativeOf(settled, slot, outerContext) : 0;
  if (alternative == 0) return ParserATNSimulator::adaptivePredict(input, decision, outerContext);
  if (walkToo.load(std::memory_order_relaxed)) {
    ++answers;
    size_t walked = 0;
    try {
      walked = ParserATNSimulator::adaptivePredict(input, decision, outerContext);
    } catch (...) {
      ++unlikeWalk;
      throw;
    }
    if (walked != alternative) ++unlikeWalk;
    return walked;
  }
  return alternative;
}

size_t PrecomputedPrediction::alternativeOf(const SettledPredictions& settled, std::uint16_t slot,
                                            antlr4::ParserRuleContext* outerContext) {
  if (slot < SettledPredictions::kPredicated) return slot;
  // What execATN does with a predicated accept state: every alternative's
  // context is evaluated at the decision's start; exactly one must hold.
  antlr4::ParserRuleContext* context = outerContext != nullptr ? outerContext : &antlr4::ParserRuleContext::EMPTY;
  const size_t run = slot - SettledPredictions::kPredicated;
  size_t only = 0;
  for (size_t i = settled.runs[run]; i < settled.runs[run + 1]; ++i) {
    const SettledAlternative& a = settled.alternatives[i];
    size_t node = a.condition;
    if (!holds(settled, node, context)) continue;
    if (only != 0 && only != a.alternative) return 0;  // several: the walk reports the ambiguity
    only = a.alternative;
  }
  return only;
}

bool PrecomputedPrediction::holds(const SettledPredictions& settled, size_t& node, antlr4::ParserRuleContext* context) {
  const SettledCondition& c = settled.conditions[node++];
  switch (c.kind) {
    case SettledCondition::Kind::Always: return true;
    case SettledCondition::Kind::Predicate: return parser->sempred(c.contextDependent ? context : nullptr, c.a, c.b);
    case SettledCondition::Kind::Precedence: return parser->precpred(context, c.a);
    case SettledCondition::Kind::All:
    case SettledCondition::Kind::Any: {
      // ANTLR's AND and OR stop at the first operand that decides.
      const bool any = c.kind == SettledCondition::Kind::Any;
      for (size_t i = 0; i < c.a; ++i) {
        if (holds(settled, node, context) == any) {
          for (++i; i < c.a; ++i) node = skip(settled, node);
          return any;
        }
      }
      return !any;
    }
  }
  return false;
}

void PrecomputedPrediction::useTable(bool use) { tableInUse = use; }

void PrecomputedPrediction::checkAgainstWalk(bool check) { walkToo = check; }

size_t PrecomputedPrediction::tableAnswers() { return answers.load(); }

size_t PrecomputedPrediction::answersUnlikeWalk() { return unlikeWalk.load(); }

void PrecomputedPrediction::install(antlr4::Parser& parser) {
  auto* generated = parser.getInterpreter<antlr4::atn::ParserATNSimulator>();
  // setInterpreter deletes the simulator it replaces.
  parser.setInterpreter(
      new PrecomputedPrediction(&parser, parser.getATN(), generated->decisionToDFA, generated->getSharedContextCache()));
}

}  // namespace jaws::syntax
