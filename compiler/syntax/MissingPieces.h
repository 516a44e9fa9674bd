#pragma once
// Before parsing: finds where the user has not written a piece yet and the
// next item already follows, and puts a zero-width MISSING token there.
//
//   memory =            timeout: missing          GET /a ->        @
//   timeout = 10s       path: string              GET /b -> list   function f { }
//
// The grammar ignores line breaks, so without this the parser would take the
// next item's first token as the missing piece (`memory = timeout`), report
// the token after it, and lose the next item: two errors and a cascade for
// one missing piece, on every keystroke of an editor. No expression or type
// is ever followed by `=` or `:`, no route target by a route path, and no
// decorator name by a declaration, so these gaps are certain. The parser
// accepts MISSING where the piece belongs and the AST builder reports it once
// (JW1005, "expected ... before ...").
#include <memory>
#include <vector>

#include "antlr4-runtime.h"

namespace jaws::syntax {

// `tokens` is the lexer's whole output, EOF last; MISSING tokens are inserted.
void insertMissingPieces(std::vector<std::unique_ptr<antlr4::Token>>& tokens);

}  // namespace jaws::syntax
