#pragma once
// The syntax stage's one entry point: source text in, AST and syntax
// diagnostics out. ANTLR stays behind this header.
#include <cstddef>
#include <memory>

#include "diag/Diagnostic.h"
#include "source/SourceFile.h"
#include "syntax/Ast.h"

namespace jaws::syntax {

class ParsedItems;

struct ParseOptions {
  // The items of this file's parse before an edit: those the edit did not
  // reach are taken instead of parsed again (syntax/ItemReuse.h). Only with
  // keepItems: a taken item is kept again, moved, for the parse after.
  const ParsedItems* previous = nullptr;
  // Keep this parse's items for the next one (ParseResult::items).
  bool keepItems = false;
  // A large file's second half may be parsed on a helper thread meanwhile
  // (not with `previous` or `keepItems`); the result is the same.
  bool mayUseHelperThread = false;
  // What "large" is, in tokens (about 200 KB of source); tests lower it.
  std::size_t helperFromTokens = 40'000;
};

struct ParseResult {
  std::unique_ptr<ast::SourceUnit> unit;  // always set, possibly with no declarations
  Diagnostics diagnostics;
  bool usedFullLL = false;  // SLL failed and the file was parsed again in LL mode
  std::shared_ptr<const ParsedItems> items;  // with ParseOptions::keepItems
  std::size_t itemsTaken = 0;                // from ParseOptions::previous
  bool halvesApart = false;  // the second half was parsed on a helper thread, and taken
};

ParseResult parse(const SourceFile& file, const ParseOptions& options = {});

}  // namespace jaws::syntax
