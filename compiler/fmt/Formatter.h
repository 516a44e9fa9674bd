#pragma once
// `jaws fmt` and the language server's formatting: the canonical layout of a
// .jaws file (docs/formatting.md). Pure functions of the source text; the
// result is the whole new text of the document.
#include <optional>
#include <string>

#include "diag/Diagnostic.h"
#include "source/SourceFile.h"
#include "syntax/Ast.h"

namespace jaws::formatter {

// The canonical layout of a parsed file, every comment kept. `unit` must be
// the tree of `file` from a parse without errors. No safety check.
std::string layout(const SourceFile& file, const ast::SourceUnit& unit);

// Lays the file out and checks the result before returning it: it must parse
// without errors to the same tree (positions aside) with the same comments in
// the same order. nullopt when that check fails, which is a formatter bug;
// the caller then leaves the file as it is.
std::optional<std::string> formatSource(const SourceFile& file, const ast::SourceUnit& unit);

// The safety check on its own: does `formatted` parse without errors to the
// same tree as `unit` (positions aside), with the same comments in the same
// order (trailing whitespace aside)?
bool preservesProgram(const SourceFile& original, const ast::SourceUnit& unit, const std::string& formatted);

struct FormatResult {
  std::optional<std::string> text;  // the formatted text; unset when the file is left alone
  Diagnostics diagnostics;          // why it is left alone: its syntax errors, or the failed check
};

// Parses and formats one file. A file with syntax errors is refused: the
// result carries its diagnostics and no text.
FormatResult formatFile(const SourceFile& file);

}  // namespace jaws::formatter
