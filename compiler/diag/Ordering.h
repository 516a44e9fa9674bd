#pragma once
// Every command reports diagnostics in one order: by file path, then position,
// then code. Exact duplicates (same code, span and message) are dropped, so a
// problem found by two passes is shown once.
#include "diag/Diagnostic.h"
#include "source/SourceManager.h"

namespace jaws {

void sortAndDeduplicate(Diagnostics& diagnostics, const SourceManager& sources);

struct DiagnosticCounts {
  std::size_t errors = 0, warnings = 0, infos = 0;
};
DiagnosticCounts countBySeverity(const Diagnostics& diagnostics);

}  // namespace jaws
