#include "syntax/MissingPieces.h"

#include "JawsLexer.h"
#include "syntax/TokenKinds.h"

namespace jaws::syntax {

namespace {

using L = jaws::grammar::JawsLexer;

// The parser's view: the default channel only (comments and stray characters
// are elsewhere).
class Lookahead {
 public:
  // One pass over the file's tokens, each asked once: the server parses a
  // whole file again on every edit.
  explicit Lookahead(const std::vector<std::unique_ptr<antlr4::Token>>& tokens) {
    visible_.reserve(tokens.size());
    afterStray_.reserve(tokens.size());
    types_.reserve(tokens.size());
    bool strayBefore = false;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      const antlr4::Token& token = *tokens[i];
      const std::size_t channel = token.getChannel();
      if (channel == L::ERRORS) strayBefore = true;
      if (channel != antlr4::Token::DEFAULT_CHANNEL) continue;
      visible_.push_back(i);
      afterStray_.push_back(strayBefore);
      types_.push_back(token.getType());
      strayBefore = false;
    }
  }
  std::size_t size() const { return visible_.size(); }
  std::size_t tokenIndex(std::size_t k) const { return visible_[k]; }
  // The type of the k-th visible token, EOF past the end.
  size_t type(std::size_t k) const { return k < types_.size() ? types_[k] : antlr4::Token::EOF; }

  bool declarationAt(std::size_t k) const { return startsDeclaration(type(k), type(k + 1), type(k + 2)); }
  bool routeAt(std::size_t k) const { return startsRoute(type(k), type(k + 1)); }
  // `key =` (an attribute or object entry).
  bool keyAt(std::size_t k) const { return isNameToken(type(k)) && type(k + 1) == L::ASSIGN; }
  // `name:` or `name?:` (a field).
  bool fieldAt(std::size_t k) const {
    return isNameToken(type(k)) && (type(k + 1) == L::COLON || (type(k + 1) == L::QUESTION && type(k + 2) == L::COLON));
  }

  // Whether the piece after the k-th visible token is missing. Not when a
  // stray character stands in between: the lexer reported it, and it may be
  // what the user meant as the piece.
  bool gapAfter(std::size_t k) const {
    if (k + 1 < afterStray_.size() && afterStray_[k + 1]) return false;
    switch (type(k)) {
      case L::ASSIGN: return keyAt(k + 1) || declarationAt(k + 1);
      case L::COLON: return fieldAt(k + 1) || declarationAt(k + 1);
      case L::ARROW: return routeAt(k + 1) || declarationAt(k + 1);
      case L::AT: return routeAt(k + 1) || declarationAt(k + 1);
      default: return false;
    }
  }

 private:
  std::vector<std::size_t> visible_;
  std::vector<bool> afterStray_;  // a stray character comes before the i-th visible token
  std::vector<size_t> types_;
};

std::unique_ptr<antlr4::Token> missingAfter(const antlr4::Token& previous) {
  auto token = std::make_unique<antlr4::CommonToken>(const_cast<antlr4::Token*>(&previous));
  const size_t end = previous.getStopIndex() + 1;
  token->setType(L::MISSING);
  token->setText("");
  token->setStartIndex(end);
  token->setStopIndex(end - 1);  // empty: it stands between two tokens
  token->setCharPositionInLine(previous.getCharPositionInLine() + (end - previous.getStartIndex()));
  return token;
}

}  // namespace

void insertMissingPieces(std::vector<std::unique_ptr<antlr4::Token>>& tokens) {
  const Lookahead lookahead(tokens);
  std::vector<std::size_t> after;  // token indexes a MISSING token follows
  for (std::size_t k = 0; k < lookahead.size(); ++k) {
    if (lookahead.gapAfter(k)) after.push_back(lookahead.tokenIndex(k));
  }
  if (after.empty()) return;
  std::vector<std::unique_ptr<antlr4::Token>> merged;
  merged.reserve(tokens.size() + after.size());
  std::size_t next = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const antlr4::Token& token = *tokens[i];
    merged.push_back(std::move(tokens[i]));
    if (next < after.size() && after[next] == i) {
      merged.push_back(missingAfter(token));
      ++next;
    }
  }
  tokens = std::move(merged);
}

}  // namespace jaws::syntax
