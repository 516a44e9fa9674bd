#pragma once
// What the grammar's predicates, the error recovery and MissingPieces agree on
// about the tokens that start things. One place, so the three cannot drift.
// Token types are the lexer's (the parser shares its vocabulary).
#include <cstddef>

#include "JawsLexer.h"

namespace jaws::syntax {

// A name wherever any name may stand (anyName): identifiers and reserved words.
inline bool isNameToken(std::size_t type) {
  using L = jaws::grammar::JawsLexer;
  switch (type) {
    case L::ID: case L::IMPORT: case L::PROJECT: case L::PARAM: case L::LET: case L::STAGE: case L::TYPE:
    case L::FUNCTION: case L::API: case L::RESOURCE: case L::OUTPUT: case L::KW_TRUE: case L::KW_FALSE: case L::KW_NULL:
      return true;
    default: return false;
  }
}

// Whether two tokens start a declaration: `let x`, `function f`, `import "..."`.
// A keyword alone does not (`x.type`, `Type = "..."` are names there).
inline bool startsDeclaration(std::size_t first, std::size_t second) {
  using L = jaws::grammar::JawsLexer;
  switch (first) {
    case L::IMPORT: return second == L::DQUOTE;
    case L::PROJECT: case L::PARAM: case L::LET: case L::STAGE: case L::TYPE:
    case L::FUNCTION: case L::API: case L::RESOURCE: case L::OUTPUT: return second == L::ID;
    default: return false;
  }
}

// Whether two tokens start a route: a method and a path (`GET /items`).
inline bool startsRoute(std::size_t first, std::size_t second) {
  using L = jaws::grammar::JawsLexer;
  return first == L::ID && second == L::ROUTE_PATH;
}

}  // namespace jaws::syntax
