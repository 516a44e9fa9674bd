#pragma once
// Checks of declarations that do not depend on a stage: decorators (known,
// allowed where they stand, well-formed arguments), record fields, and the
// items of each route (duplicates). Runs once, before evaluation.
#include "diag/Diagnostic.h"
#include "sema/Program.h"
#include "sema/TypeResolver.h"

namespace jaws::sema {

void checkDeclarations(const Program& program, TypeResolver& types, Diagnostics& out);

}  // namespace jaws::sema
