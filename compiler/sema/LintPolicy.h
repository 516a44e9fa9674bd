#pragma once
// Applies the project's lint configuration (`lint = { "JW5003" = "off" }`,
// levels off/info/warning/error) and `// jaws-disable-next-line CODE`
// comments to the lint diagnostics (JW5xxx). Reports unknown codes in either
// place (JW5000) and disable comments that silence nothing (JW5010).
#include <vector>

#include "diag/Diagnostic.h"
#include "sema/Program.h"
#include "source/SourceManager.h"

namespace jaws::sema {

// `sources` gives the comments' text and lines; without it, disable comments
// are not read.
void applyLintPolicy(const Program& program, const std::vector<const ast::SourceUnit*>& units, const SourceManager* sources,
                     Diagnostics& diagnostics);

// The project's lint levels alone, for lints found after the analysis (the
// code packager's JW5011): disable comments do not apply to them, and
// unknown codes were already reported by applyLintPolicy.
void applyLintLevels(const Program& program, Diagnostics& diagnostics);

}  // namespace jaws::sema
