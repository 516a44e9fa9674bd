#pragma once
// Applies the project's lint configuration (`lint = { "JW5003" = "off" }`,
// levels off/info/warning/error) and `// jaws-disable-next-line CODE`
// comments to the lint diagnostics (JW5xxx).
#include <vector>

#include "diag/Diagnostic.h"
#include "sema/Program.h"

namespace jaws::sema {

void applyLintPolicy(const Program& program, const std::vector<const ast::SourceUnit*>& units, Diagnostics& diagnostics);

}  // namespace jaws::sema
