// Two-stage parsing, one top-level item (import or declaration) at a time:
// SLL prediction with a bailing error strategy first (fast, and right for
// every valid file of this grammar), then, only if that fails, the same item
// again in full LL with the recovering strategy that reports coded
// diagnostics.
#include "syntax/Parser.h"

#include <limits>
#include <optional>
#include <set>
#include <system_error>

#include <fmt/format.h>

#include "JawsParser.h"
#include "diag/Builders.h"
#include "source/ParallelFor.h"
#include "source/Utf8.h"
#include "syntax/AstBuilder.h"
#include "syntax/ByteCharStream.h"
#include "syntax/ItemReuse.h"
#include "syntax/CloudFormationReferences.h"
#include "syntax/PrecomputedPrediction.h"
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

// Every parser of a file: the prediction table, no console output (`silent`
// must outlive the parser's use), the nesting limits.
void setUp(P& parser, SilentListener& silent) {
  PrecomputedPrediction::install(parser);
  parser.removeErrorListeners();
  parser.addErrorListener(&silent);
  parser.setNestingRules({P::RuleExpression, P::RuleTypeExpr});
  parser.setNestingSuffix(P::RuleTypePostfix, P::LBRACKET);
}

// A large file (ParseOptions::helperFromTokens) has its second half parsed
// on a helper thread while the first half is parsed (ParseOptions::
// mayUseHelperThread): a project in one large file otherwise parses on one core.
//
// The second half of a large file, parsed apart from `start` on: usable only
// if every item there parsed in SLL without a report, as each does in the
// parse of the whole file, whatever came before it. The first half's parse
// takes it when it ends exactly at `start`; otherwise it parses on itself.
struct SecondHalf {
  std::size_t start = 0;
  bool usable = false;
  std::vector<std::unique_ptr<ast::Decl>> decls;
};

// Where the second half of `tokens` starts: an item's first token (a
// declaration's keyword or decorator) at the start of a line, after a `}`,
// from the middle on; none if there is no such token soon after it.
std::optional<std::size_t> secondHalfStart(LexedTokenStream& tokens, const antlr4::misc::IntervalSet& itemStarts) {
  constexpr std::size_t kSearch = 20'000;
  const std::size_t size = tokens.size();
  antlr4::Token* before = nullptr;  // the visible token before `i`
  for (std::size_t i = size / 2; i < size && i < size / 2 + kSearch; ++i) {
    antlr4::Token* token = tokens.get(i);
    if (token->getChannel() != antlr4::Token::DEFAULT_CHANNEL) continue;
    if (before != nullptr && before->getType() == P::RBRACE && token->getCharPositionInLine() == 0 &&
        token->getType() != antlr4::Token::EOF && itemStarts.contains(token->getType())) {
      return i;
    }
    before = token;
  }
  return std::nullopt;
}

// Parses the items of `tokens` (a stream that borrows the file's tokens)
// from `half.start` to the end, on the helper thread; leaves `half` unusable
// at the first item that does not parse as it would in the whole file's
// parse for sure: one that fails SLL, is reported on, is an import (whose
// report depends on what came before) or is junk.
void parseSecondHalf(const SourceFile& file, LexedTokenStream& tokens, const antlr4::misc::IntervalSet& itemStarts,
                     SecondHalf& half) noexcept {
  try {
    tokens.seek(half.start);
    P parser(&tokens);
    SilentListener silent;
    setUp(parser, silent);
    parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(antlr4::atn::PredictionMode::SLL);
    parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
    const TopLevelLoop loop = topLevelLoop(parser.getATN());
    P::SourceFileContext fileContext(nullptr, antlr4::atn::ATNState::INVALID_STATE_NUMBER);
    Diagnostics reports;
    AstBuilder builder(file, tokens, reports);
    ast::SourceUnit unit;
    bool sawDeclaration = true;
    while (tokens.LA(1) != antlr4::Token::EOF) {
      if (!itemStarts.contains(tokens.LA(1))) return;
      const size_t itemStart = tokens.index();
      parser.resetNesting();
      parser.callFrom(&fileContext, loop.call);
      builder.buildTopLevel(parser.topLevel(), unit, sawDeclaration);  // a syntax error throws
      fileContext.children.clear();
      parser.getTreeTracker().reset();
      if (!reports.empty() || !unit.imports.empty() || tokens.index() == itemStart) return;
    }
    half.decls = std::move(unit.decls);
    half.usable = true;
  } catch (...) {
    // Unusable: the first half's parse goes on through the second.
  }
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
  setUp(parser, silent);
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
  std::shared_ptr<ParsedItems> items = options.keepItems ? std::make_shared<ParsedItems>(std::string(file.text())) : nullptr;
  // The second half of a large file, on a helper thread (declared in this
  // order so that the thread is waited for before what it reads goes).
  std::optional<LexedTokenStream> secondTokens;
  std::optional<SecondHalf> second;
  std::optional<HelperThread> helper;
  if (options.mayUseHelperThread && options.previous == nullptr && !items && tokens.size() >= options.helperFromTokens) {
    if (auto start = secondHalfStart(tokens, itemStarts)) {
      secondTokens.emplace(tokens, LexedTokenStream::Borrow{});
      second.emplace();
      second->start = *start;
      try {
        helper.emplace([&] { parseSecondHalf(file, *secondTokens, itemStarts, *second); });
      } catch (const std::system_error&) {
        second.reset();  // no thread to spare
      }
    }
  }
  try {
    while (tokens.LA(1) != antlr4::Token::EOF) {
      if (second && tokens.index() >= second->start) {
        helper.reset();  // waits for it
        if (tokens.index() == second->start && second->usable) {
          for (auto& decl : second->decls) unit->decls.push_back(std::move(decl));
          result.halvesApart = true;
          second.reset();
          break;
        }
        second.reset();  // the first half ran past its start: parsed on from here
      }
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
      if (options.previous != nullptr && items && items->take(*options.previous, tokens, itemStart, sawDeclaration, *unit)) {
        ++result.itemsTaken;
        if (recovering) recovering->reset(&parser);
        continue;
      }
      const std::size_t diagnosticsBefore = result.diagnostics.size(), importsBefore = unit->imports.size(),
                        declsBefore = unit->decls.size();
      const bool sawDeclarationBefore = sawDeclaration;
      bool retried = false;
      tokens.watch();
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
        retried = true;
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
      // Only an item that parsed as it always would on its own is kept: SLL,
      // nothing reported (recovery's and the builder's reports depend on
      // what follows).
      if (items && !retried && result.diagnostics.size() == diagnosticsBefore && tokens.index() > itemStart) {
        items->keep(tokens, itemStart, tokens.index(), sawDeclarationBefore, sawDeclaration, *unit, importsBefore, declsBefore);
      }
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
  result.items = std::move(items);
  keepOneErrorPerPosition(result.diagnostics);
  return result;
}

}  // namespace jaws::syntax
