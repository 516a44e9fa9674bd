#pragma once
// ANTLR's default recovery (single-token insertion and deletion, then
// re-synchronisation), with the reporting replaced: every error becomes a
// coded diagnostic from the catalog. At most one error is kept per position,
// none while the parser is still recovering from the previous one (so a
// missing token does not cascade), none at the end of the file once the lexer
// reported an unterminated string or comment (the real cause), and at most
// kMaxErrors per file.
#include "antlr4-runtime.h"
#include "diag/Diagnostic.h"

namespace jaws::syntax {

class SyntaxErrorStrategy : public antlr4::DefaultErrorStrategy {
 public:
  static constexpr int kMaxErrors = 50;

  SyntaxErrorStrategy(FileId file, Diagnostics& out, bool suppressAtEof)
      : file_(file), out_(out), suppressAtEof_(suppressAtEof) {}

 protected:
  void reportNoViableAlternative(antlr4::Parser* parser, const antlr4::NoViableAltException& e) override;
  void reportInputMismatch(antlr4::Parser* parser, const antlr4::InputMismatchException& e) override;
  void reportFailedPredicate(antlr4::Parser* parser, const antlr4::FailedPredicateException& e) override;
  void reportUnwantedToken(antlr4::Parser* parser) override;
  void reportMissingToken(antlr4::Parser* parser) override;

 private:
  void unexpected(antlr4::Token* token, const antlr4::misc::IntervalSet& expected);
  bool admit(antlr4::Token* token);
  Span spanOf(antlr4::Token* token) const;

  FileId file_;
  Diagnostics& out_;
  bool suppressAtEof_;
  int reported_ = 0;
  size_t lastOffset_ = static_cast<size_t>(-1);
};

}  // namespace jaws::syntax
