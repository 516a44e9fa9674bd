#pragma once
// Golden files. A test renders something (an AST dump, diagnostics, a
// generated document), and the baseline under tests/baselines/ holds what it
// must be, byte for byte. With JAWS_UPDATE_BASELINES=1 in the environment the
// baselines are rewritten instead of compared; review the change with git
// diff and commit it.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace jaws::test {

bool updatingBaselines();

// Compares `actual` with the file at `baseline` (or writes it when updating).
// Returns nothing when they agree, otherwise a report with a unified diff.
std::optional<std::string> checkBaseline(const std::filesystem::path& baseline, std::string_view actual);

// A unified diff (3 lines of context) from `expected` to `actual`, with the
// usual `---`/`+++` header; empty when the texts are equal.
std::string unifiedDiff(std::string_view expected, std::string_view actual, std::string_view expectedName,
                        std::string_view actualName);

std::optional<std::string> readFile(const std::filesystem::path& path);
void writeFile(const std::filesystem::path& path, std::string_view text);

}  // namespace jaws::test
