#include "diag/Ordering.h"

#include <algorithm>
#include <tuple>

namespace jaws {

void sortAndDeduplicate(Diagnostics& diagnostics, const SourceManager& sources) {
  auto pathOf = [&](const Diagnostic& d) -> std::string_view {
    const SourceFile* file = d.span.valid() ? sources.find(d.span.file) : nullptr;
    return file ? std::string_view(file->path()) : std::string_view();
  };
  auto key = [&](const Diagnostic& d) {
    return std::make_tuple(pathOf(d), d.span.begin, d.span.end, static_cast<int>(d.code), std::string_view(d.message));
  };
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
  auto last = std::unique(diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& a, const Diagnostic& b) {
    return a.code == b.code && a.span == b.span && a.message == b.message;
  });
  diagnostics.erase(last, diagnostics.end());
}

DiagnosticCounts countBySeverity(const Diagnostics& diagnostics) {
  DiagnosticCounts counts;
  for (const auto& d : diagnostics) {
    switch (d.severity) {
      case Severity::Error: ++counts.errors; break;
      case Severity::Warning: ++counts.warnings; break;
      default: ++counts.infos; break;
    }
  }
  return counts;
}

}  // namespace jaws
