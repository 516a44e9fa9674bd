#pragma once
// The syntax stage's one entry point: source text in, AST and syntax
// diagnostics out. ANTLR stays behind this header.
#include <memory>

#include "diag/Diagnostic.h"
#include "source/SourceFile.h"
#include "syntax/Ast.h"

namespace jaws::syntax {

struct ParseResult {
  std::unique_ptr<ast::SourceUnit> unit;  // always set, possibly with no declarations
  Diagnostics diagnostics;
  bool usedFullLL = false;  // SLL failed and the file was parsed again in LL mode
};

ParseResult parse(const SourceFile& file);

}  // namespace jaws::syntax
