#pragma once
// The embedded standard library's syntax trees, read from the bundle built
// with the binary (StdlibBundle.h) instead of parsed on every run.
#include <cstddef>
#include <memory>

#include "source/Span.h"
#include "syntax/Ast.h"

namespace jaws {

// The tree of embeddedStdlib()[index], its spans in `file`. Null when the
// bundle does not hold that file's tree for exactly its embedded text (the
// caller then parses the text).
std::unique_ptr<ast::SourceUnit> precompiledStdlibTree(std::size_t index, FileId file);

}  // namespace jaws
