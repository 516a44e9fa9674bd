#pragma once
// The lexer's side of parsing: what it put on the ERRORS channel (stray
// characters, a block comment that never ends) and strings that never close
// become diagnostics here, before the parser runs, and comments are collected
// for the AST (the formatter keeps them).
#include <cstdint>
#include <limits>

#include "antlr4-runtime.h"
#include "diag/Diagnostic.h"
#include "source/SourceFile.h"
#include "syntax/Ast.h"

namespace jaws::syntax {

// What the scan found that the parser must know.
struct TokenScan {
  bool endsInsideString = false;
  bool endsInsideComment = false;
  // Where the unterminated string or comment that runs to the end of the file
  // starts: every parser error from there on is a consequence of it.
  std::uint32_t unterminatedFrom = std::numeric_limits<std::uint32_t>::max();
};

// Reports the lexical errors of `tokens` into `out` (each stray character one
// error, up to the per-file limit), adds the comments to `unit`, and says
// whether the file ended inside a string or comment.
TokenScan scanTokens(const SourceFile& file, antlr4::CommonTokenStream& tokens, ast::SourceUnit& unit, Diagnostics& out);

}  // namespace jaws::syntax
