#pragma once
// A readable, stable text form of a syntax tree, one node per line with its
// line:column range. Used by baseline tests and `jaws parse --dump-ast`.
#include <string>

#include "source/SourceFile.h"
#include "syntax/Ast.h"

namespace jaws::ast {

std::string dump(const SourceUnit& unit, const SourceFile& file);
// The same without line:column ranges: trees that differ only in layout dump
// alike (the formatter's safety check).
std::string dumpWithoutSpans(const SourceUnit& unit, const SourceFile& file);

}  // namespace jaws::ast
