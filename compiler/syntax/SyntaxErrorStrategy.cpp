#include "syntax/SyntaxErrorStrategy.h"
#include "syntax/TokenKinds.h"

#include <limits>

#include "JawsLexer.h"
#include "JawsParser.h"
#include "diag/Builders.h"
#include "syntax/TokenDescriptions.h"

namespace jaws::syntax {

using P = jaws::grammar::JawsParser;

void SyntaxErrorStrategy::sync(antlr4::Parser* parser) {
  if (inErrorRecoveryMode(parser)) return;
  const size_t current = parser->getTokenStream()->LA(1);
  if (parser->getContext() != nullptr && parser->getContext()->getRuleIndex() == P::RuleSourceFile) {
    // Junk before, between or after declarations is reported once and skipped
    // to the next declaration. ANTLR would throw at the first loop entry,
    // and the top-level rule's handler would then drop the rest of the file.
    const antlr4::misc::IntervalSet expecting = parser->getExpectedTokens();
    if (expecting.contains(current)) return;
    reportUnwantedToken(parser);
    consumeUntil(parser, expecting);
    return;
  }
  // A declaration ends the construct; a closing bracket (right or wrong) is
  // left to the construct's own end, so a wrong one is one error there.
  if (current == P::RBRACE || current == P::RBRACKET || current == P::RPAREN) return;
  if (startsDeclaration(parser->getCurrentToken()->getTokenIndex())) return;
  antlr4::DefaultErrorStrategy::sync(parser);
}

antlr4::Token* SyntaxErrorStrategy::recoverInline(antlr4::Parser* parser) {
  const size_t current = parser->getTokenStream()->LA(1);
  if ((current == P::LBRACE || current == P::RBRACE) && singleTokenInsertion(parser)) return getMissingSymbol(parser);
  return antlr4::DefaultErrorStrategy::recoverInline(parser);
}

bool SyntaxErrorStrategy::startsDeclaration(size_t index) const {
  // The type of the k-th default-channel token from `index` on; visible
  // tokens are found once each, in order, as the scan asks for them.
  std::vector<size_t> visible;
  size_t next = index;
  auto typeAt = [&](std::size_t k) -> size_t {
    while (visible.size() <= k && next < tokens_.size()) {
      if (tokens_.get(next)->getChannel() == antlr4::Token::DEFAULT_CHANNEL) visible.push_back(tokens_.get(next)->getType());
      ++next;
    }
    return k < visible.size() ? visible[k] : antlr4::Token::EOF;
  };
  // Decorators (`@name`, `@name(...)`) before a declaration belong to it.
  const std::optional<std::size_t> k = syntax::skipDecorators(typeAt, 0);
  if (!k) return false;
  const size_t first = typeAt(*k);
  return first == antlr4::Token::EOF || syntax::startsDeclaration(first, typeAt(*k + 1), typeAt(*k + 2)) ||
         syntax::startsRoute(first, typeAt(*k + 1));
}

bool SyntaxErrorStrategy::reportMissingCloser(antlr4::Parser* parser, antlr4::Token* token,
                                              const antlr4::misc::IntervalSet& expected) {
  if (token == nullptr || token->getTokenIndex() >= tokens_.size() || tokens_.get(token->getTokenIndex()) != token) {
    return false;  // a token conjured by recovery
  }
  if (!startsDeclaration(token->getTokenIndex())) return false;
  const char* closer = expected.contains(static_cast<size_t>(P::RBRACKET)) ? "`]`"
                       : expected.contains(static_cast<size_t>(P::RBRACE)) ? "`}`"
                                                                            : nullptr;
  if (closer == nullptr) return false;
  missing(parser, token, closer);
  return true;
}

void SyntaxErrorStrategy::missing(antlr4::Parser* parser, antlr4::Token* current, const std::string& expected) {
  if (!admit(current)) return;
  // Point just after the previous token: that is where the missing one goes.
  Span at = spanOf(current);
  if (current->getTokenIndex() > 0) {
    for (size_t i = current->getTokenIndex(); i-- > 0;) {
      antlr4::Token* previous = parser->getTokenStream()->get(i);
      if (previous->getChannel() != antlr4::Token::DEFAULT_CHANNEL) continue;
      const Span before = spanOf(previous);
      at = Span{file_, before.end, before.end};
      break;
    }
  }
  out_.push_back(diag::MissingToken(at, expected, describeToken(current)));
}

Span SyntaxErrorStrategy::spanOf(antlr4::Token* token) const {
  const size_t start = token->getStartIndex();
  const size_t stop = token->getStopIndex();
  if (token->getType() == antlr4::Token::EOF || stop < start) {
    return Span{file_, static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(start)};
  }
  return Span{file_, static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(stop + 1)};
}

bool SyntaxErrorStrategy::followsStrayCharacter(antlr4::Token* token) const {
  if (token->getTokenIndex() >= tokens_.size()) return false;
  if (tokens_.get(token->getTokenIndex()) != token) return false;  // conjured by recovery
  for (size_t i = token->getTokenIndex(); i-- > 0;) {
    antlr4::Token* previous = tokens_.get(i);
    if (previous->getChannel() == antlr4::Token::DEFAULT_CHANNEL) return false;
    if (previous->getChannel() == jaws::grammar::JawsLexer::ERRORS) return true;
  }
  return false;
}

bool SyntaxErrorStrategy::admit(antlr4::Token* token) {
  const bool unterminated = unterminatedFrom_ != std::numeric_limits<std::uint32_t>::max();
  if (unterminated && (token->getType() == antlr4::Token::EOF || token->getStartIndex() >= unterminatedFrom_)) return false;
  if (followsStrayCharacter(token)) return false;
  if (token->getStartIndex() == lastOffset_) return false;
  if (reported_ > kMaxErrors) return false;
  lastOffset_ = token->getStartIndex();
  if (++reported_ > kMaxErrors) {
    out_.push_back(diag::TooManySyntaxErrors(spanOf(token), std::to_string(kMaxErrors)));
    return false;
  }
  return true;
}

void SyntaxErrorStrategy::unexpected(antlr4::Token* token, const antlr4::misc::IntervalSet& expected) {
  if (!admit(token)) return;
  out_.push_back(diag::UnexpectedToken(spanOf(token), describeToken(token), describeExpected(expected)));
}

void SyntaxErrorStrategy::reportNoViableAlternative(antlr4::Parser* parser, const antlr4::NoViableAltException& e) {
  const antlr4::misc::IntervalSet expected = parser->getExpectedTokens();
  if (reportMissingCloser(parser, e.getOffendingToken(), expected)) return;
  unexpected(e.getOffendingToken(), expected);
}

void SyntaxErrorStrategy::reportInputMismatch(antlr4::Parser* parser, const antlr4::InputMismatchException& e) {
  if (reportMissingCloser(parser, e.getOffendingToken(), e.getExpectedTokens())) return;
  unexpected(e.getOffendingToken(), e.getExpectedTokens());
}

void SyntaxErrorStrategy::reportFailedPredicate(antlr4::Parser* parser, const antlr4::FailedPredicateException& e) {
  unexpected(e.getOffendingToken(), parser->getExpectedTokens());
}

void SyntaxErrorStrategy::reportUnwantedToken(antlr4::Parser* parser) {
  if (inErrorRecoveryMode(parser)) return;
  beginErrorCondition(parser);
  unexpected(parser->getCurrentToken(), getExpectedTokens(parser));
}

void SyntaxErrorStrategy::reportMissingToken(antlr4::Parser* parser) {
  if (inErrorRecoveryMode(parser)) return;
  beginErrorCondition(parser);
  missing(parser, parser->getCurrentToken(), describeExpected(getExpectedTokens(parser)));
}

}  // namespace jaws::syntax
