#pragma once
// Field-by-field comparison of two syntax trees, written apart from the tree
// encoding (syntax/AstBinary*.cpp) so that a field the encoding forgets is
// caught here: every field of Ast.h is compared, spans and flags included.
#include <string>

#include "syntax/Ast.h"

namespace jaws::test {

// Empty when the trees are equal; else where they first differ
// ("decls[3].attributes[0].value.span").
std::string firstAstDifference(const ast::SourceUnit& a, const ast::SourceUnit& b);

}  // namespace jaws::test
