#pragma once
// ANTLR's default recovery (single-token insertion and deletion, then
// re-synchronisation), with the reporting replaced: every error becomes a
// coded diagnostic from the catalog. At most one error is kept per position,
// none while the parser is still recovering from the previous one (so a
// missing token does not cascade), none right after a stray character (the
// lexer reported it; the parser merely misses what it displaced), none inside
// a string or comment that runs to the end of the file (the lexer reported
// the real cause), and at most kMaxErrors per file (counting the lexer's).
//
// One change to the recovery itself: a construct that meets the start of a
// declaration (`let x`, `@secure param p`, `GET /path` in a route body, the
// end of the file) is not resynchronised into; it ends there, and the error
// is its missing closing bracket.
#include "antlr4-runtime.h"
#include "diag/Diagnostic.h"

namespace jaws::syntax {

class SyntaxErrorStrategy : public antlr4::DefaultErrorStrategy {
 public:
  static constexpr int kMaxErrors = 50;

  // `unterminatedFrom`: the offset of a string or comment that the file ends
  // inside (no error is reported from there on), or past the end if none.
  // `alreadyReported`: the lexical errors reported before parsing.
  SyntaxErrorStrategy(FileId file, antlr4::BufferedTokenStream& tokens, Diagnostics& out, std::uint32_t unterminatedFrom,
                      int alreadyReported)
      : file_(file), out_(out), unterminatedFrom_(unterminatedFrom), tokens_(tokens), reported_(alreadyReported) {}

 protected:
  // ANTLR's sync deletes a token or skips ahead at a surprise. Not at the
  // start of a declaration: there ANTLR would delete the `@` of `@secure
  // param` after a block missing its `}`, or read `let` as an attribute key,
  // where ending the loop and reporting the missing bracket is right. At the
  // top level it skips junk to the next declaration instead of throwing.
  void sync(antlr4::Parser* parser) override;
  // Prefers inserting the missing token over deleting the current one when
  // the current one is a brace: `function { ... }` lacks a name, its `{` is
  // not extra.
  antlr4::Token* recoverInline(antlr4::Parser* parser) override;
  void reportNoViableAlternative(antlr4::Parser* parser, const antlr4::NoViableAltException& e) override;
  void reportInputMismatch(antlr4::Parser* parser, const antlr4::InputMismatchException& e) override;
  void reportFailedPredicate(antlr4::Parser* parser, const antlr4::FailedPredicateException& e) override;
  void reportUnwantedToken(antlr4::Parser* parser) override;
  void reportMissingToken(antlr4::Parser* parser) override;

 private:
  void unexpected(antlr4::Token* token, const antlr4::misc::IntervalSet& expected);
  // A loop that ends at a declaration (or the end of the file) lacks its
  // closing bracket: reported as that missing bracket, after the last token.
  bool reportMissingCloser(antlr4::Parser* parser, antlr4::Token* token, const antlr4::misc::IntervalSet& expected);
  void missing(antlr4::Parser* parser, antlr4::Token* current, const std::string& expected);
  // Whether the token at `index` starts a declaration (after any decorators),
  // a route, or is the end of the file.
  bool startsDeclaration(size_t index) const;
  bool admit(antlr4::Token* token);
  bool followsStrayCharacter(antlr4::Token* token) const;
  Span spanOf(antlr4::Token* token) const;

  FileId file_;
  Diagnostics& out_;
  std::uint32_t unterminatedFrom_;
  antlr4::BufferedTokenStream& tokens_;
  int reported_ = 0;
  size_t lastOffset_ = static_cast<size_t>(-1);
};

}  // namespace jaws::syntax
