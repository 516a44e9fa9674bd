#pragma once
// What the grammar's predicates, the error recovery, MissingPieces and the
// syntax messages agree on about the tokens that start things. One place, so
// they cannot drift. Token types are the lexer's (the parser shares its
// vocabulary).
#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>

#include "JawsLexer.h"

namespace jaws::syntax {

using TokenType = std::size_t;

// The keywords that start a declaration when a name follows (`let x`).
inline constexpr std::array<TokenType, 9> kDeclarationKeywords = {
    jaws::grammar::JawsLexer::PROJECT, jaws::grammar::JawsLexer::PARAM,    jaws::grammar::JawsLexer::LET,
    jaws::grammar::JawsLexer::STAGE,   jaws::grammar::JawsLexer::TYPE,     jaws::grammar::JawsLexer::FUNCTION,
    jaws::grammar::JawsLexer::API,     jaws::grammar::JawsLexer::RESOURCE, jaws::grammar::JawsLexer::OUTPUT};

// Every reserved word: the declaration keywords, `import` and the literals.
inline constexpr std::array<TokenType, 13> kReservedWords = {
    jaws::grammar::JawsLexer::IMPORT,   jaws::grammar::JawsLexer::PROJECT,  jaws::grammar::JawsLexer::PARAM,
    jaws::grammar::JawsLexer::LET,      jaws::grammar::JawsLexer::STAGE,    jaws::grammar::JawsLexer::TYPE,
    jaws::grammar::JawsLexer::FUNCTION, jaws::grammar::JawsLexer::API,      jaws::grammar::JawsLexer::RESOURCE,
    jaws::grammar::JawsLexer::OUTPUT,   jaws::grammar::JawsLexer::KW_TRUE,  jaws::grammar::JawsLexer::KW_FALSE,
    jaws::grammar::JawsLexer::KW_NULL};

template <std::size_t N>
bool isOneOf(const std::array<TokenType, N>& types, TokenType type) {
  return std::find(types.begin(), types.end(), type) != types.end();
}

// A name wherever any name may stand (anyName): identifiers and reserved words.
inline bool isNameToken(TokenType type) {
  return type == jaws::grammar::JawsLexer::ID || isOneOf(kReservedWords, type);
}

// Whether three tokens start a declaration: `let x`, `function f`, `import
// "..."`. A keyword alone does not (`x.type`, `Type = "..."` are names there).
// `stage` and `project` are also values (the current stage, the project
// block), so `STAGE = stage` before `OTHER = "x"` on the next line shows
// `stage OTHER`: those two start a declaration only with the block's brace,
// `stage NAME {`.
inline bool startsDeclaration(TokenType first, TokenType second, TokenType third) {
  using L = jaws::grammar::JawsLexer;
  if (first == L::IMPORT) return second == L::DQUOTE;
  if (!isOneOf(kDeclarationKeywords, first) || second != L::ID) return false;
  if (first == L::STAGE || first == L::PROJECT) return third == L::LBRACE;
  return true;
}

// The position after the decorators (`@name`, `@name(...)`, any number) that
// start at position `k`; `type(k)` gives the type of the token at k (EOF past
// the end). nullopt when the file ends inside one. Each token is looked at
// once.
template <typename TypeAt>
std::optional<std::size_t> skipDecorators(const TypeAt& type, std::size_t k) {
  using L = jaws::grammar::JawsLexer;
  while (type(k) == L::AT) {
    ++k;
    if (type(k) == antlr4::Token::EOF) return std::nullopt;
    if (isNameToken(type(k)) || type(k) == L::MISSING) ++k;
    if (type(k) != L::LPAREN) continue;
    for (int depth = 0;; ++k) {
      const TokenType t = type(k);
      if (t == antlr4::Token::EOF) return std::nullopt;
      if (t == L::LPAREN) ++depth;
      if (t == L::RPAREN && --depth == 0) break;
    }
    ++k;
  }
  return k;
}

// Whether two tokens start a route: a method and a path (`GET /items`).
inline bool startsRoute(TokenType first, TokenType second) {
  using L = jaws::grammar::JawsLexer;
  return first == L::ID && second == L::ROUTE_PATH;
}

}  // namespace jaws::syntax
