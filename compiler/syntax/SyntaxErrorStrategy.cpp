#include "syntax/SyntaxErrorStrategy.h"

#include "diag/Builders.h"
#include "syntax/TokenDescriptions.h"

namespace jaws::syntax {

Span SyntaxErrorStrategy::spanOf(antlr4::Token* token) const {
  const size_t start = token->getStartIndex();
  const size_t stop = token->getStopIndex();
  if (token->getType() == antlr4::Token::EOF || stop < start) {
    return Span{file_, static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(start)};
  }
  return Span{file_, static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(stop + 1)};
}

bool SyntaxErrorStrategy::admit(antlr4::Token* token) {
  if (suppressAtEof_ && token->getType() == antlr4::Token::EOF) return false;
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
  unexpected(e.getOffendingToken(), parser->getExpectedTokens());
}

void SyntaxErrorStrategy::reportInputMismatch(antlr4::Parser*, const antlr4::InputMismatchException& e) {
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
  antlr4::Token* current = parser->getCurrentToken();
  if (!admit(current)) return;
  // Point just after the previous token: that is where the missing one goes.
  Span at = spanOf(current);
  if (antlr4::Token* previous = parser->getTokenStream()->LT(-1)) {
    const Span before = spanOf(previous);
    at = Span{file_, before.end, before.end};
  }
  out_.push_back(diag::MissingToken(at, describeExpected(getExpectedTokens(parser)), describeToken(current)));
}

}  // namespace jaws::syntax
