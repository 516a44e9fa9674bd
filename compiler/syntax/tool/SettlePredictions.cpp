// Build step: asks ANTLR's simulator, for every decision of the generated
// parser, every precedence of a left-recursive one and every token, where
// the decision's SLL start state leads on that token, and on every next
// token where that is not enough (up to SettledPredictions::kDepth tokens);
// writes the accept states reached as a C++ file defining
// settledPredictions() (SettledPredictions.h). CMake runs it whenever the
// generated parser changes.
//   jaws_settle_predictions <output.cpp>
//
// Each question is a short input (the tokens, then EOF): the prediction fills
// the DFA as a parse would, and the edges from the start state are read
// back. An accept state that needs no full context is kept, with its
// alternative, or with each alternative's semantic context (predicates,
// precedences and their conjunctions and disjunctions). Everything else is
// left to ANTLR's walk at run time.
#include <cstdint>
#include <functional>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "JawsParser.h"
#include "antlr4-runtime.h"
#include "syntax/SettledPredictions.h"
#include "tool/GeneratedSource.h"

namespace {

using jaws::syntax::SettledCondition;
using jaws::syntax::SettledPredictions;

// Precedences a left-recursive rule's decision is asked at; the grammar's
// are below 16.
constexpr int kPrecedences = 16;

// The generated parser, with its precedence settable from outside a rule.
class ProbeParser : public jaws::grammar::JawsParser {
 public:
  using JawsParser::JawsParser;
  void setPrecedence(int precedence) {
    _precedenceStack.clear();
    _precedenceStack.push_back(precedence);
  }
};

// The simulator, with the DFA edge lookup a prediction uses made public.
class ProbeSimulator : public antlr4::atn::ParserATNSimulator {
 public:
  using antlr4::atn::ParserATNSimulator::ParserATNSimulator;
  antlr4::dfa::DFAState* edge(antlr4::dfa::DFAState* from, size_t token) { return getExistingTargetState(from, token); }
  bool isError(const antlr4::dfa::DFAState* state) const { return state == ERROR.get(); }
};

struct Table {
  size_t decisions = 0, columns = 0;
  std::vector<std::uint32_t> firstRow;
  std::vector<std::uint16_t> slots;
  std::vector<std::uint16_t> runs{0};
  std::vector<jaws::syntax::SettledAlternative> alternatives;
  std::vector<SettledCondition> conditions;
};

// Appends `context` as a condition tree; false for a kind the table cannot
// hold (nothing is kept of it then).
bool appendCondition(const antlr4::atn::SemanticContext& context, std::vector<SettledCondition>& out) {
  namespace atn = antlr4::atn;
  if (&context == atn::SemanticContext::NONE.get()) {
    out.push_back({SettledCondition::Kind::Always, false, 0, 0});
    return true;
  }
  if (const auto* p = dynamic_cast<const atn::SemanticContext::Predicate*>(&context)) {
    out.push_back({SettledCondition::Kind::Predicate, p->isCtxDependent, static_cast<std::uint16_t>(p->ruleIndex),
                   static_cast<std::uint16_t>(p->predIndex)});
    return p->ruleIndex < 0xFFFF && p->predIndex < 0xFFFF;
  }
  if (const auto* p = dynamic_cast<const atn::SemanticContext::PrecedencePredicate*>(&context)) {
    out.push_back({SettledCondition::Kind::Precedence, false, static_cast<std::uint16_t>(p->precedence), 0});
    return p->precedence >= 0 && p->precedence < 0xFFFF;
  }
  const std::vector<std::shared_ptr<atn::SemanticContext>>* operands = nullptr;
  SettledCondition::Kind kind{};
  if (const auto* all = dynamic_cast<const atn::SemanticContext::AND*>(&context)) {
    operands = &all->opnds;
    kind = SettledCondition::Kind::All;
  } else if (const auto* any = dynamic_cast<const atn::SemanticContext::OR*>(&context)) {
    operands = &any->opnds;
    kind = SettledCondition::Kind::Any;
  } else {
    return false;
  }
  out.push_back({kind, false, static_cast<std::uint16_t>(operands->size()), 0});
  for (const auto& operand : *operands) {
    if (!appendCondition(*operand, out)) return false;
  }
  return true;
}

// The slot for an accept state, or 0. An SLL conflict's state (one that
// "requires full context") is kept too: the table answers in SLL mode only,
// where ANTLR's walk stops at it like at any accept state, with its lowest
// conflicting alternative, or the one alternative whose predicate holds.
std::uint16_t settle(const antlr4::dfa::DFAState& target, Table& table) {
  if (!target.isAcceptState) return 0;
  if (target.predicates.empty()) {
    return target.prediction < SettledPredictions::kPredicated ? static_cast<std::uint16_t>(target.prediction) : 0;
  }
  const size_t run = table.runs.size() - 1;
  if (run >= SettledPredictions::kNextToken - SettledPredictions::kPredicated) return 0;
  // Appended in place; a state the table cannot hold takes them back.
  const size_t alternativesBefore = table.alternatives.size(), conditionsBefore = table.conditions.size();
  for (const antlr4::dfa::DFAState::PredPrediction* p : target.predicates) {
    table.alternatives.push_back({static_cast<std::uint16_t>(p->alt), static_cast<std::uint16_t>(table.conditions.size())});
    if (!appendCondition(*p->pred, table.conditions) || table.conditions.size() >= 0xFFFF) {
      table.alternatives.resize(alternativesBefore);
      table.conditions.resize(conditionsBefore);
      return 0;
    }
  }
  table.runs.push_back(static_cast<std::uint16_t>(table.alternatives.size()));
  return static_cast<std::uint16_t>(SettledPredictions::kPredicated + run);
}

Table computeTable() {
  // An empty input for the parser's construction; every question gets its own.
  std::vector<std::unique_ptr<antlr4::Token>> eof;
  eof.push_back(std::make_unique<antlr4::CommonToken>(antlr4::Token::EOF, "<EOF>"));
  antlr4::ListTokenSource emptySource(std::move(eof));
  antlr4::CommonTokenStream emptyStream(&emptySource);
  ProbeParser parser(&emptyStream);
  parser.removeErrorListeners();
  auto* generated = parser.getInterpreter<antlr4::atn::ParserATNSimulator>();
  auto* simulator = new ProbeSimulator(&parser, parser.getATN(), generated->decisionToDFA, generated->getSharedContextCache());
  parser.setInterpreter(simulator);  // deletes the generated one
  simulator->setPredictionMode(antlr4::atn::PredictionMode::SLL);

  Table table;
  std::vector<antlr4::dfa::DFA>& dfas = simulator->decisionToDFA;
  table.decisions = dfas.size();
  table.columns = parser.getATN().maxTokenType + 2;  // EOF, then 0 .. maxTokenType
  for (const auto& dfa : dfas) {
    table.firstRow.push_back(static_cast<std::uint32_t>(table.slots.size() / table.columns));
    table.slots.resize(table.slots.size() + (dfa.isPrecedenceDfa() ? kPrecedences : 1) * table.columns, 0);
  }
  table.firstRow.push_back(static_cast<std::uint32_t>(table.slots.size() / table.columns));

  // Predicts `decision` on `tokens` (then EOF), filling the DFA; an input
  // with no viable alternative fills it up to the error state.
  auto ask = [&](size_t decision, int precedence, std::vector<size_t> tokens) {
    std::vector<std::unique_ptr<antlr4::Token>> input;
    for (size_t token : tokens) input.push_back(std::make_unique<antlr4::CommonToken>(token, "t"));
    input.push_back(std::make_unique<antlr4::CommonToken>(antlr4::Token::EOF, "<EOF>"));
    antlr4::ListTokenSource source(std::move(input));
    antlr4::CommonTokenStream stream(&source);
    stream.fill();  // sets the stream up: adaptivePredict reads index() first
    parser.setTokenStream(&stream);
    parser.setPrecedence(precedence);
    try {
      simulator->adaptivePredict(&stream, decision, &antlr4::ParserRuleContext::EMPTY);
    } catch (const antlr4::RecognitionException&) {
    }
    parser.setTokenStream(&emptyStream);
  };
  // The rows of the states that need the next token (a state's edges are
  // the same whichever tokens led to it).
  std::map<const antlr4::dfa::DFAState*, size_t> nextRows;
  // The slot for `state`, reached from `decision`'s start on `tokens`.
  std::function<std::uint16_t(size_t, int, const std::vector<size_t>&, antlr4::dfa::DFAState*)> slotOf =
      [&](size_t decision, int precedence, const std::vector<size_t>& tokens, antlr4::dfa::DFAState* state) -> std::uint16_t {
    if (state == nullptr || simulator->isError(state)) return 0;
    if (state->isAcceptState) return settle(*state, table);
    // The next token. After EOF the walk reads EOF again: left to it.
    if (tokens.back() == antlr4::Token::EOF || tokens.size() >= static_cast<size_t>(SettledPredictions::kDepth) ||
        nextRows.size() >= SettledPredictions::kNextToken) {
      return 0;
    }
    auto [known, added] = nextRows.try_emplace(state, nextRows.size());
    const auto slot = static_cast<std::uint16_t>(SettledPredictions::kNextToken + known->second);
    if (!added) return slot;
    const size_t at = table.slots.size();
    table.slots.resize(at + table.columns, 0);
    for (size_t column = 0; column < table.columns; ++column) {
      std::vector<size_t> longer = tokens;
      longer.push_back(column - 1);  // column 0 is EOF (-1)
      ask(decision, precedence, longer);
      const std::uint16_t next = slotOf(decision, precedence, longer, simulator->edge(state, column - 1));
      table.slots[at + column] = next;  // `slots` may have grown: indexed again
    }
    return slot;
  };

  for (size_t decision = 0; decision < dfas.size(); ++decision) {
    antlr4::dfa::DFA& dfa = dfas[decision];
    const int precedences = dfa.isPrecedenceDfa() ? kPrecedences : 1;
    for (int precedence = 0; precedence < precedences; ++precedence) {
      for (size_t column = 0; column < table.columns; ++column) {
        const std::vector<size_t> tokens{column - 1};  // column 0 is EOF (-1)
        ask(decision, precedence, tokens);
        antlr4::dfa::DFAState* start = dfa.isPrecedenceDfa() ? dfa.getPrecedenceStartState(precedence) : dfa.s0;
        const std::uint16_t slot = slotOf(decision, precedence, tokens, start != nullptr ? simulator->edge(start, column - 1) : nullptr);
        table.slots[(table.firstRow[decision] + static_cast<size_t>(precedence)) * table.columns + column] = slot;
      }
    }
  }
  return table;
}

template <typename Integer>
void appendList(std::ostringstream& out, const std::vector<Integer>& values) {
  for (size_t i = 0; i < values.size(); ++i) {
    out << (i % 32 == 0 ? "\n    " : "") << values[i] << ',';
  }
}

std::string cppFile(const Table& table) {
  std::ostringstream out;
  size_t settled = 0;
  for (std::uint16_t slot : table.slots) settled += slot != 0 && slot < SettledPredictions::kNextToken;
  out << "// Generated by jaws_settle_predictions (compiler/syntax/tool/). Do not edit.\n"
      << "// " << settled << " settled predictions over " << table.decisions << " decisions.\n"
      << "#include \"syntax/SettledPredictions.h\"\n\nnamespace jaws::syntax {\n\nnamespace {\n"
      << "constexpr std::uint32_t kSettledFirstRow[] = {";
  appendList(out, table.firstRow);
  out << "\n};\nconstexpr std::uint16_t kSettledSlots[] = {";
  appendList(out, table.slots);
  out << "\n};\nconstexpr std::uint16_t kSettledRuns[] = {";
  appendList(out, table.runs);
  out << "\n};\nusing Kind = SettledCondition::Kind;\nconstexpr SettledAlternative kSettledAlternatives[] = {";
  for (const auto& a : table.alternatives) out << "\n    {" << a.alternative << ", " << a.condition << "},";
  if (table.alternatives.empty()) out << "\n    {0, 0},";  // an array may not be empty
  out << "\n};\nconstexpr SettledCondition kSettledConditions[] = {";
  static constexpr const char* kKinds[] = {"Always", "Predicate", "Precedence", "All", "Any"};
  for (const auto& c : table.conditions) {
    out << "\n    {Kind::" << kKinds[static_cast<int>(c.kind)] << ", " << (c.contextDependent ? "true" : "false") << ", "
        << c.a << ", " << c.b << "},";
  }
  if (table.conditions.empty()) out << "\n    {Kind::Always, false, 0, 0},";
  out << "\n};\n}  // namespace\n\nconst SettledPredictions& settledPredictions() {\n"
      << "  static constexpr SettledPredictions table{" << table.decisions << ", " << table.columns << ", " << kPrecedences
      << ",\n      kSettledFirstRow, kSettledSlots, kSettledRuns, kSettledAlternatives, kSettledConditions};\n"
      << "  return table;\n}\n\n}  // namespace jaws::syntax\n";
  return std::move(out).str();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: jaws_settle_predictions <output.cpp>\n";
    return 2;
  }
  return jaws::tool::writeGeneratedSource(argv[1], cppFile(computeTable()), "jaws_settle_predictions");
}
