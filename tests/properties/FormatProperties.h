#pragma once
// The properties every formatted file must have, shared by the formatter's
// unit tests (tests/unit/Format*.cpp) and its fuzz target (tests/fuzz/):
// formatting twice changes nothing, and formatting never changes what
// `jaws check` reports. Free of Catch2, so the fuzz targets link it too.
#include <optional>
#include <string>
#include <vector>

namespace jaws::test {

// What `jaws check` reports for `text` as the only file of a project
// (InMemoryProject.h), in a form that layout cannot change: code, severity,
// message, help and notes of each diagnostic (no positions), sorted.
std::vector<std::string> checkSummary(const std::string& text);

// Formats `text` as `jaws fmt` does; nullopt when the formatter refuses it
// (syntax errors, or its own safety check).
std::optional<std::string> formatText(const std::string& text);

// Why formatting `original` into `formatted` broke a property, or "" when
// it did not: formatting `formatted` again must change nothing, and both
// must check to the same diagnostics.
std::string formatPropertyViolation(const std::string& original, const std::string& formatted);

}  // namespace jaws::test
