#pragma once
// The property of the language server's parse after an edit (syntax/
// ItemReuse.h), shared by its unit test (tests/unit/ItemReuseTests.cpp) and
// its fuzz target (tests/fuzz/FuzzReparse.cpp): a parse of `after` that takes
// items from a parse of `before` gives the tree and the diagnostics of a parse
// of `after` from scratch. Free of Catch2, so the fuzz targets link it too.
#include <memory>
#include <string>

#include "source/SourceManager.h"
#include "syntax/Parser.h"

namespace jaws::test {

// One parse of a text as the only file of a fresh source manager (the same
// FileId every time), keeping its items and taking from `previous` when given.
struct ParsedText {
  SourceManager sources;
  FileId id = kNoFile;
  syntax::ParseResult result;
};
std::unique_ptr<ParsedText> parseKeepingItems(const std::string& text, const syntax::ParsedItems* previous);

// Diagnostics as text, one a line: code, span, message, notes, help, fixes.
std::string diagnosticsText(const Diagnostics& diagnostics);

// Why the property broke for this edit ("" when it held): the first line
// where the two trees' dumps (every node with its span) or diagnostics differ.
std::string reparsePropertyViolation(const std::string& before, const std::string& after);

}  // namespace jaws::test
