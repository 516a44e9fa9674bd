#pragma once
// The syntax stage's one entry point: source text in, AST and syntax
// diagnostics out. ANTLR stays behind this header.
#include <cstddef>
#include <memory>

#include "diag/Diagnostic.h"
#include "source/SourceFile.h"
#include "syntax/Ast.h"

namespace jaws::syntax {

struct ParseResult {
  std::unique_ptr<ast::SourceUnit> unit;  // always set, possibly with no declarations
  Diagnostics diagnostics;
  bool usedFullLL = false;  // SLL failed and the file was parsed again in LL mode
  std::size_t runs = 1;     // parsed in this many runs of items (ParseOptions::threads)
};

struct ParseOptions {
  // Threads a large file's items may be parsed on: its tokens are cut into
  // runs of whole items, each parsed by a parser of its own, with a result
  // equal to one parse of the whole file (Parser.cpp says why).
  unsigned threads = 1;
  // Tokens in a run at least: a parser of its own costs about what a few
  // thousand tokens do.
  std::size_t minTokensPerRun = std::size_t{1} << 14;
};

ParseResult parse(const SourceFile& file, const ParseOptions& options = {});

}  // namespace jaws::syntax
