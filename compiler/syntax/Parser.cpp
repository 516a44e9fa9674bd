// Two-stage parsing: SLL prediction with a bailing error strategy first (fast,
// and right for every valid file of this grammar), then, only if that fails,
// full LL with the recovering strategy that reports coded diagnostics.
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
  P::SourceFileContext* tree = nullptr;
  try {
    parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(antlr4::atn::PredictionMode::SLL);
    parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
    try {
      tree = parser.sourceFile();
    } catch (const antlr4::ParseCancellationException&) {
      result.usedFullLL = true;
      tokens.seek(0);
      parser.reset();
      // The parser owns every context it made until it is destroyed: free the
      // SLL attempt's tree before the LL pass builds another.
      parser.getTreeTracker().reset();
      parser.resetNesting();
      parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(antlr4::atn::PredictionMode::LL);
      parser.setErrorHandler(std::make_shared<SyntaxErrorStrategy>(
          file.id(), tokens, result.diagnostics, scan.unterminatedFrom, static_cast<int>(result.diagnostics.size())));
      tree = parser.sourceFile();
    }
  } catch (const jaws::grammar::NestingTooDeep& e) {
    const auto at = static_cast<std::uint32_t>(e.token ? e.token->getStartIndex() : 0);
    result.diagnostics.push_back(diag::NestingTooDeep(Span{file.id(), at, at + 1}, std::to_string(P::kMaxNesting)));
    result.unit->complete = false;
    return result;
  }

  AstBuilder builder(file, tokens, result.diagnostics);
  auto unit = builder.build(tree);
  unit->comments = std::move(result.unit->comments);
  result.unit = std::move(unit);
  keepOneErrorPerPosition(result.diagnostics);
  return result;
}

}  // namespace jaws::syntax
