#pragma once
// Renderers turn diagnostics into the three output formats of `jaws check`.
// They return text; the CLI decides where it goes.
#include <span>
#include <string>
#include <string_view>

#include "diag/Diagnostic.h"
#include "source/SourceManager.h"

namespace jaws {

// The diagnostics of one compilation with the files they point into. A command
// that checks several projects renders several reports as one output.
struct DiagnosticReport {
  const Diagnostics* diagnostics;
  const SourceManager* sources;
};

// clang/rustc style: `file:line:col: error[JW1004]: message`, the source line,
// a caret underline, help and notes; then a count of errors and warnings.
std::string renderText(std::span<const DiagnosticReport> reports);
std::string renderTextOne(const Diagnostic& diagnostic, const SourceManager& sources);

// `{"version": 1, "diagnostics": [...], "summary": {...}}`; positions 1-based.
std::string renderJson(std::span<const DiagnosticReport> reports);

// SARIF 2.1.0, one run, the catalog entries used as rules.
std::string renderSarif(std::span<const DiagnosticReport> reports, std::string_view toolVersion);

}  // namespace jaws
