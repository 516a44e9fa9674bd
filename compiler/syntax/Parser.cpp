// Two-stage parsing, one top-level item (import or declaration) at a time:
// SLL prediction with a bailing error strategy first (fast, and right for
// every valid file of this grammar), then, only if that fails, the same item
// again in full LL with the recovering strategy that reports coded
// diagnostics.
#include "syntax/Parser.h"

#include <algorithm>
#include <iterator>
#include <limits>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "JawsParser.h"
#include "diag/Builders.h"
#include "source/ParallelFor.h"
#include "source/Utf8.h"
#include "syntax/AstBuilder.h"
#include "syntax/ByteCharStream.h"
#include "syntax/CloudFormationReferences.h"
#include "syntax/FirstTokenPrediction.h"
#include "syntax/LexedTokenStream.h"
#include "syntax/LexicalScan.h"
#include "syntax/MissingPieces.h"
#include "syntax/SyntaxErrorStrategy.h"
#include "syntax/Tokenizer.h"

namespace jaws::syntax {

using P = jaws::grammar::JawsParser;

namespace {

// The most tokens one file may hold (JW1022): twice the largest generated
// benchmark file (10,000 functions and routes, 4 MB).
constexpr std::size_t kMaxTokens = std::size_t{1} << 21;

// Syntax errors are reported by the error strategy; this listener only keeps
// ANTLR from printing them to the console as well.
class SilentListener : public antlr4::BaseErrorListener {};

// The ATN states of sourceFile's `topLevel*` loop: where it decides whether
// another item follows, and where it calls topLevel. Found in the ATN rather
// than copied from the generated code, which renumbers them on every change.
struct TopLevelLoop {
  size_t decision = antlr4::atn::ATNState::INVALID_STATE_NUMBER;
  size_t call = antlr4::atn::ATNState::INVALID_STATE_NUMBER;
};

TopLevelLoop topLevelLoop(const antlr4::atn::ATN& atn) {
  TopLevelLoop loop;
  for (antlr4::atn::ATNState* state : atn.states) {
    if (state == nullptr || state->ruleIndex != P::RuleSourceFile) continue;
    if (state->getStateType() == antlr4::atn::ATNState::STAR_LOOP_ENTRY) loop.decision = state->stateNumber;
    for (antlr4::atn::Transition* t : state->transitions) {
      if (t->getSerializationType() == antlr4::atn::Transition::RULE &&
          static_cast<antlr4::atn::RuleTransition*>(t)->ruleIndex == P::RuleTopLevel) {
        loop.call = state->stateNumber;
      }
    }
  }
  return loop;
}

// The parser and the AST builder may both find something missing at one
// place (`handler =` right before `function g`: the value and the block's
// `}`); the first report there stands, as the recovering strategy does for
// its own errors.
void keepOneErrorPerPosition(Diagnostics& diagnostics) {
  std::set<std::uint32_t> seen;
  std::erase_if(diagnostics, [&](const Diagnostic& d) {
    return d.severity == Severity::Error && d.span.begin == d.span.end && !seen.insert(d.span.begin).second;
  });
}

void configure(P& parser, SilentListener& silent) {
  FirstTokenPrediction::install(parser);
  parser.removeErrorListeners();
  parser.addErrorListener(&silent);
  parser.setNestingRules({P::RuleExpression, P::RuleTypeExpr});
  parser.setNestingSuffix(P::RuleTypePostfix, P::LBRACKET);
}

// ---- a large file on several threads ----------------------------------------
//
// Items (imports and declarations) are parsed one at a time below, each from
// the same state: sourceFile's loop context, SLL prediction, the bailing
// strategy, no nesting. Without an error, an item's tree depends only on the
// tokens and where it starts. So a file can be cut into runs of items, each
// parsed by a parser of its own over the same tokens (it sees past its run's
// end, as one parser would): if every run parses without an error or a
// diagnostic, and each run's last item ends exactly where the next run
// begins, then by induction from the first token, the items are exactly
// those one parse of the whole file finds. Otherwise (a cut inside an item,
// a syntax error, a diagnostic, an import after the first run: JW1021 needs
// the items before it) the file is parsed again in one piece, as always.

// Where runs could begin: an item's first token at bracket depth 0 right
// after a `}` (most items are blocks), about `tokens / runs` apart. A guess,
// which parseRun checks.
std::vector<size_t> runStarts(antlr4::CommonTokenStream& tokens, const antlr4::misc::IntervalSet& itemStarts,
                              unsigned runs, size_t minTokensPerRun) {
  const std::vector<antlr4::Token*> all = tokens.getTokens();
  const size_t count = all.size();
  runs = static_cast<unsigned>(std::min<size_t>(runs, count / std::max<size_t>(minTokensPerRun, 1)));
  std::vector<size_t> starts{0};
  if (runs < 2) return starts;
  const size_t stride = count / runs;
  long depth = 0;
  size_t previous = antlr4::Token::INVALID_TYPE;  // the last token on the parser's channel
  for (size_t i = 0; i < count && starts.size() < runs; ++i) {
    const antlr4::Token* token = all[i];
    if (token->getChannel() != antlr4::Token::DEFAULT_CHANNEL) continue;
    const size_t type = token->getType();
    if (depth == 0 && previous == P::RBRACE && i >= starts.size() * stride && type != antlr4::Token::EOF &&
        itemStarts.contains(type)) {
      starts.push_back(i);
    }
    switch (type) {
      case P::LBRACE:
      case P::LPAREN:
      case P::LBRACKET:
      case P::INTERP_START: ++depth; break;
      case P::RBRACE:
      case P::RPAREN:
      case P::RBRACKET:
      case P::INTERP_END: --depth; break;
      default: break;
    }
    previous = type;
  }
  return starts;
}

struct Run {
  size_t begin = 0, end = 0;  // token indices: the run's first item, the next run's (or EOF)
  ast::SourceUnit unit;
  bool clean = false;  // parsed exactly as one parse of the file would (above)
};

void parseRun(const SourceFile& file, antlr4::TokenSource& lexer, const LexedTokenStream& shared,
              const antlr4::misc::IntervalSet& itemStarts, Run& run) {
  LexedTokenStream tokens(lexer, shared);
  tokens.fill();
  P parser(&tokens);
  SilentListener silent;
  configure(parser, silent);
  parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(antlr4::atn::PredictionMode::SLL);
  parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
  const TopLevelLoop loop = topLevelLoop(parser.getATN());
  P::SourceFileContext fileContext(nullptr, antlr4::atn::ATNState::INVALID_STATE_NUMBER);
  Diagnostics diagnostics;
  AstBuilder builder(file, tokens, diagnostics);
  bool sawDeclaration = false;
  tokens.seek(run.begin);
  try {
    while (tokens.index() < run.end && tokens.LA(1) != antlr4::Token::EOF) {
      if (!itemStarts.contains(tokens.LA(1))) return;
      const size_t itemStart = tokens.index();
      parser.resetNesting();
      parser.callFrom(&fileContext, loop.call);
      P::TopLevelContext* item = parser.topLevel();
      if (item->importDecl() != nullptr && run.begin != 0) return;
      builder.buildTopLevel(item, run.unit, sawDeclaration);
      fileContext.children.clear();
      parser.getTreeTracker().reset();
      if (tokens.index() == itemStart) return;
    }
  } catch (const antlr4::ParseCancellationException&) {
    return;
  } catch (const jaws::grammar::NestingTooDeep&) {
    return;
  }
  run.clean = tokens.index() == run.end && diagnostics.empty();
}

// The items of the file parsed in runs on several threads, or nullopt when a
// run was not clean (the file is then parsed in one piece).
std::optional<ast::SourceUnit> parseInRuns(const SourceFile& file, antlr4::TokenSource& lexer, LexedTokenStream& tokens,
                                           const antlr4::misc::IntervalSet& itemStarts, const ParseOptions& options,
                                           std::size_t& runCount) {
  const std::vector<size_t> starts = runStarts(tokens, itemStarts, options.threads, options.minTokensPerRun);
  if (starts.size() < 2) return std::nullopt;
  runCount = starts.size();
  std::vector<Run> runs(starts.size());
  for (size_t i = 0; i < starts.size(); ++i) {
    runs[i].begin = starts[i];
    runs[i].end = i + 1 < starts.size() ? starts[i + 1] : tokens.size() - 1;  // EOF's index
  }
  parallelFor(runs.size(), static_cast<unsigned>(runs.size()),
              [&](std::size_t i, unsigned) { parseRun(file, lexer, tokens, itemStarts, runs[i]); });
  ast::SourceUnit unit;
  unit.file = file.id();
  for (Run& run : runs) {
    if (!run.clean) return std::nullopt;
    std::move(run.unit.imports.begin(), run.unit.imports.end(), std::back_inserter(unit.imports));
    std::move(run.unit.decls.begin(), run.unit.decls.end(), std::back_inserter(unit.decls));
  }
  return unit;
}

}  // namespace

ParseResult parse(const SourceFile& file, const ParseOptions& options) {
  ParseResult result;
  result.unit = std::make_unique<ast::SourceUnit>();
  result.unit->file = file.id();
  if (auto bad = utf8::firstInvalidByte(file.text())) {
    const auto at = static_cast<std::uint32_t>(*bad);
    result.diagnostics.push_back(
        diag::InvalidUtf8(Span{file.id(), at, at + 1}, fmt::format("{:02X}", static_cast<unsigned char>(file.text()[at]))));
    result.unit->complete = false;
    return result;
  }

  ByteCharStream input(file.text());
  Tokenizer lexer(input);
  std::vector<std::unique_ptr<antlr4::Token>> lexed;
  for (bool end = false; !end;) {
    lexed.push_back(lexer.nextToken());
    end = lexed.back()->getType() == antlr4::Token::EOF;
    if (lexed.size() > kMaxTokens) {
      // Tokens and the parse tree over them cost ~500 bytes each at peak: a
      // file of 64 MiB of `}` would take tens of gigabytes. Refuse it.
      const auto at = static_cast<std::uint32_t>(lexed.back()->getStartIndex());
      result.diagnostics.push_back(diag::TooManyTokens(Span{file.id(), at, at + 1}, std::to_string(kMaxTokens)));
      result.unit->complete = false;
      return result;
    }
  }
  replaceCloudFormationReferences(file, lexed, result.diagnostics);
  insertMissingPieces(lexed);
  LexedTokenStream tokens(lexer, std::move(lexed));
  tokens.fill();
  const TokenScan scan = scanTokens(file, tokens, *result.unit, result.diagnostics);

  P parser(&tokens);
  SilentListener silent;
  configure(parser, silent);
  auto* simulator = parser.getInterpreter<antlr4::atn::ParserATNSimulator>();
  const auto bail = std::make_shared<antlr4::BailErrorStrategy>();
  // Made at the first syntax error; it counts the lexer's errors towards the
  // per-file limit.
  const int lexicalErrors = static_cast<int>(result.diagnostics.size());
  std::shared_ptr<SyntaxErrorStrategy> recovering;
  auto recoveringStrategy = [&] {
    if (!recovering) {
      recovering = std::make_shared<SyntaxErrorStrategy>(file.id(), tokens, result.diagnostics, scan.unterminatedFrom,
                                                         lexicalErrors);
    }
    return recovering;
  };

  // sourceFile is `topLevel* EOF`; the loop runs here, one item at a time, in
  // sourceFile's own context (`fileContext`, not owned by the parser), so that
  // recovery inside an item sees the same follow sets as in a whole-file
  // parse. Each item is tried with SLL prediction and a bailing strategy, and
  // only if that fails, again with full LL and the recovering strategy. Its
  // AST is built and its parse tree freed before the next item: the parser
  // holds one declaration's tree, not the file's.
  const TopLevelLoop loop = topLevelLoop(parser.getATN());
  P::SourceFileContext fileContext(nullptr, antlr4::atn::ATNState::INVALID_STATE_NUMBER);
  AstBuilder builder(file, tokens, result.diagnostics);
  auto unit = std::make_unique<ast::SourceUnit>();
  unit->file = file.id();
  bool sawDeclaration = false;
  auto freeTree = [&] {
    fileContext.children.clear();
    parser.getTreeTracker().reset();
  };
  // What may start an item there (or end the file): the same at every item.
  parser.callFrom(&fileContext, loop.decision);
  const antlr4::misc::IntervalSet itemStarts = parser.getExpectedTokens();
  // A large file without lexical errors: on several threads if it can be.
  if (options.threads > 1 && result.diagnostics.empty()) {
    std::size_t runCount = 1;
    if (auto parsed = parseInRuns(file, lexer, tokens, itemStarts, options, runCount)) {
      result.runs = runCount;
      parsed->comments = std::move(result.unit->comments);
      *result.unit = std::move(*parsed);
      return result;
    }
  }
  try {
    while (tokens.LA(1) != antlr4::Token::EOF) {
      if (!itemStarts.contains(tokens.LA(1))) {
        // Junk between declarations: reported once and skipped to the next
        // declaration, as the loop's own sync does in LL mode. Still
        // recovering from the item before, the strategy skips nothing; the
        // junk token is then dropped here, so the loop always advances.
        result.usedFullLL = true;
        parser.setErrorHandler(recoveringStrategy());
        parser.callFrom(&fileContext, loop.decision);
        const size_t junkStart = tokens.index();
        parser.getErrorHandler()->sync(&parser);
        if (tokens.index() == junkStart) tokens.consume();
        continue;
      }
      const size_t itemStart = tokens.index();
      parser.resetNesting();
      simulator->setPredictionMode(antlr4::atn::PredictionMode::SLL);
      parser.setErrorHandler(bail);
      parser.callFrom(&fileContext, loop.call);
      P::TopLevelContext* item = nullptr;
      try {
        item = parser.topLevel();
        // Tokens matched: as in one long parse, a later error is not the
        // tail of an earlier one.
        if (recovering) recovering->reset(&parser);
      } catch (const antlr4::ParseCancellationException&) {
        result.usedFullLL = true;
        freeTree();
        tokens.seek(itemStart);
        parser.resetNesting();
        simulator->setPredictionMode(antlr4::atn::PredictionMode::LL);
        parser.setErrorHandler(recoveringStrategy());
        parser.callFrom(&fileContext, loop.call);
        item = parser.topLevel();
      }
      builder.buildTopLevel(item, *unit, sawDeclaration);
      freeTree();
      // Recovery always consumes at least one token; should it ever not,
      // skipping one keeps the loop finite.
      if (tokens.index() == itemStart) tokens.consume();
    }
  } catch (const jaws::grammar::NestingTooDeep& e) {
    // What was parsed before stays; the rest of the file is not parsed.
    const auto at = static_cast<std::uint32_t>(e.token ? e.token->getStartIndex() : 0);
    result.diagnostics.push_back(diag::NestingTooDeep(Span{file.id(), at, at + 1}, std::to_string(P::kMaxNesting)));
    unit->complete = false;
  }
  freeTree();
  unit->comments = std::move(result.unit->comments);
  result.unit = std::move(unit);
  keepOneErrorPerPosition(result.diagnostics);
  return result;
}

}  // namespace jaws::syntax
