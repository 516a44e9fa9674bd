#pragma once
// A compiler diagnostic as an LSP `Diagnostic`: the same code, severity,
// range and message as `jaws check`, its notes as related information (a note
// without a place points at the diagnostic itself), its help line as one more
// related entry.
#include <functional>
#include <string>

#include "diag/Diagnostic.h"
#include "lsp/JsonRpc.h"
#include "source/SourceManager.h"

namespace jaws::lsp {

// The URI to show for a file, by its SourceManager key.
using UriOf = std::function<std::string(const std::string& key)>;

// `at` is where the diagnostic is shown: its own span, or a stand-in for a
// diagnostic without one.
Json diagnosticJson(const Diagnostic& diagnostic, Span at, const SourceManager& sources, const UriOf& uriOf);

// Whether a SourceManager key is a file on disk (not `<stdlib>/...`).
bool isFileKey(const std::string& key);

}  // namespace jaws::lsp
