#pragma once
// The property of the language server's parse after an edit (syntax/
// ItemReuse.h), shared by its unit test (tests/unit/ItemReuseTests.cpp) and
// its fuzz target (tests/fuzz/FuzzReparse.cpp): a parse of `after` that takes
// items from a parse of `before` gives the tree and the diagnostics of a parse
// of `after` from scratch. Free of Catch2, so the fuzz targets link it too.
#include <string>

namespace jaws::test {

// Why the property broke for this edit ("" when it held): the first line
// where the two trees' dumps (every node with its span) or diagnostics differ.
std::string reparsePropertyViolation(const std::string& before, const std::string& after);

}  // namespace jaws::test
