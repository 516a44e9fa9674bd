#pragma once
// Questions about the names of the bound program: which user symbol is named
// at a place, and every place that names a symbol. The binder records each
// use of a user symbol as a Reference (its declaration's own name included);
// builtins and stdlib names are never references, so nothing here can point
// at them, and rename cannot touch them.
#include <vector>

#include "lsp/Session.h"
#include "sema/Program.h"

namespace jaws::lsp {

// The reference at a byte offset of a file, or null.
const sema::Reference* referenceAt(const sema::Program& program, FileId file, std::uint32_t offset);
// Every reference to a symbol, in the program's order.
std::vector<const sema::Reference*> referencesTo(const sema::Program& program, const sema::Symbol* symbol);
// An LSP Location of a span of the view's compilation.
Json locationJson(const Session& session, const Compilation& compilation, Span span);

}  // namespace jaws::lsp
