// Two-stage parsing, one top-level item (import or declaration) at a time:
// SLL prediction with a bailing error strategy first (fast, and right for
// every valid file of this grammar), then, only if that fails, the same item
// again in full LL with the recovering strategy that reports coded
// diagnostics.
#include "syntax/Parser.h"

#include <limits>
#include <set>

#include <fmt/format.h>

#include "JawsLexer.h"
#include "JawsParser.h"
#include "diag/Builders.h"
#include "source/Utf8.h"
#include "syntax/AstBuilder.h"
#include "syntax/ByteCharStream.h"
#include "syntax/MissingPieces.h"
#include "syntax/SyntaxErrorStrategy.h"

namespace jaws::syntax {

using L = jaws::grammar::JawsLexer;
using P = jaws::grammar::JawsParser;

namespace {

// The most tokens one file may hold (JW1022): twice the largest generated
// benchmark file (10,000 functions and routes, 4 MB).
constexpr std::size_t kMaxTokens = std::size_t{1} << 21;

// Lexer errors cannot happen with the catch-all STRAY_CHARACTER rule; this
// listener only keeps ANTLR from printing to the console if one ever does.
class SilentListener : public antlr4::BaseErrorListener {};

std::string hexByte(unsigned char c) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  return {kHex[c >> 4], kHex[c & 15]};
}

// How a stray character is named in a message: invisible and confusable ones
// (controls, format characters such as bidirectional overrides and zero-width
// spaces, the backtick that quotes code) by their code point only.
std::string shownCharacter(std::string_view text) {
  std::uint32_t cp = static_cast<unsigned char>(text.front());
  if (text.size() > 1) {
    cp &= 0xFFu >> (text.size() + 1);
    for (std::size_t k = 1; k < text.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[k]) & 0x3F);
  }
  const std::string codePoint = fmt::format("U+{:04X}", cp);
  const bool invisible = cp < 0x20 || cp == 0x7F || cp == '`' || (cp >= 0x80 && cp < 0xA0) || cp == 0xAD ||
                         (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F) ||
                         cp == 0xFEFF;
  if (invisible) return codePoint;
  if (cp >= 0x80) return fmt::format("`{}` ({})", text, codePoint);
  return fmt::format("`{}`", text);
}

// Reports what the lexer put on the ERRORS channel, collects comments, and
// says whether the file ended inside a string.
struct TokenScan {
  bool endsInsideString = false;
  bool endsInsideComment = false;
  // Where the unterminated string or comment that runs to the end of the file
  // starts: every parser error from there on is a consequence of it.
  std::uint32_t unterminatedFrom = std::numeric_limits<std::uint32_t>::max();
};

TokenScan scanTokens(const SourceFile& file, antlr4::CommonTokenStream& tokens, ast::SourceUnit& unit, Diagnostics& out) {
  TokenScan scan;
  std::vector<std::uint32_t> openQuotes;
  std::uint32_t strayReported = 0, skipUntil = 0;
  for (antlr4::Token* token : tokens.getTokens()) {
    const auto begin = static_cast<std::uint32_t>(token->getStartIndex());
    const auto end = static_cast<std::uint32_t>(token->getStopIndex() + 1);
    switch (token->getType()) {
      case L::DQUOTE: openQuotes.push_back(begin); break;
      case L::DQUOTE_END:
      case L::STRING_NEWLINE:
        if (!openQuotes.empty()) openQuotes.pop_back();
        break;
      case L::LINE_COMMENT: unit.comments.push_back({ast::Comment::Kind::Line, Span{file.id(), begin, end}}); break;
      case L::DOC_COMMENT: unit.comments.push_back({ast::Comment::Kind::Doc, Span{file.id(), begin, end}}); break;
      case L::BLOCK_COMMENT: unit.comments.push_back({ast::Comment::Kind::Block, Span{file.id(), begin, end}}); break;
      case L::UNTERMINATED_BLOCK_COMMENT:
        scan.endsInsideComment = true;
        scan.unterminatedFrom = std::min(scan.unterminatedFrom, begin);
        out.push_back(diag::UnterminatedBlockComment(Span{file.id(), begin, begin + 2}));
        break;
      case L::STRAY_CHARACTER: {
        // A run of stray characters is one token; each character is one error.
        for (std::uint32_t at = std::max(begin, skipUntil); at < end && strayReported <= SyntaxErrorStrategy::kMaxErrors;) {
          const auto lead = static_cast<unsigned char>(file.text()[at]);
          const std::uint32_t length = static_cast<std::uint32_t>(utf8::sequenceLength(lead));
          skipUntil = std::min(at + length, file.size());  // a character may end past this token
          const Span character{file.id(), at, skipUntil};
          if (++strayReported <= SyntaxErrorStrategy::kMaxErrors) {
            out.push_back(diag::StrayCharacter(character, shownCharacter(file.slice(character))));
          } else {
            out.push_back(diag::TooManySyntaxErrors(character, std::to_string(SyntaxErrorStrategy::kMaxErrors)));
          }
          at = skipUntil;
        }
        break;
      }
      default: break;
    }
  }
  if (!openQuotes.empty()) {
    scan.endsInsideString = true;
    scan.unterminatedFrom = std::min(scan.unterminatedFrom, openQuotes.front());
    const std::uint32_t open = openQuotes.back();
    out.push_back(diag::UnterminatedString(Span{file.id(), open, file.size()}));
  }
  return scan;
}

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

}  // namespace

ParseResult parse(const SourceFile& file) {
  ParseResult result;
  result.unit = std::make_unique<ast::SourceUnit>();
  result.unit->file = file.id();
  if (auto bad = utf8::firstInvalidByte(file.text())) {
    const auto at = static_cast<std::uint32_t>(*bad);
    result.diagnostics.push_back(
        diag::InvalidUtf8(Span{file.id(), at, at + 1}, hexByte(static_cast<unsigned char>(file.text()[at]))));
    result.unit->complete = false;
    return result;
  }

  ByteCharStream input(file.text());
  L lexer(&input);
  SilentListener silent;
  lexer.removeErrorListeners();
  lexer.addErrorListener(&silent);
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
  insertMissingPieces(lexed);
  antlr4::ListTokenSource source(std::move(lexed));
  antlr4::CommonTokenStream tokens(&source);
  tokens.fill();
  const TokenScan scan = scanTokens(file, tokens, *result.unit, result.diagnostics);

  P parser(&tokens);
  parser.removeErrorListeners();
  parser.addErrorListener(&silent);
  parser.setNestingRules({P::RuleExpression, P::RuleTypeExpr});
  parser.setNestingSuffix(P::RuleTypePostfix, P::LBRACKET);
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
  try {
    while (tokens.LA(1) != antlr4::Token::EOF) {
      parser.callFrom(&fileContext, loop.decision);
      if (!parser.getExpectedTokens().contains(tokens.LA(1))) {
        // Junk between declarations: reported once and skipped to the next
        // declaration, as the loop's own sync does in LL mode. Still
        // recovering from the item before, the strategy skips nothing; the
        // junk token is then dropped here, so the loop always advances.
        result.usedFullLL = true;
        parser.setErrorHandler(recoveringStrategy());
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
