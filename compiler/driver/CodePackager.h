#pragma once
// Packages a function `source` folder into a deterministic zip: entries in
// sorted order, fixed timestamps (1980-01-01 00:00) and modes (0644, or 0755
// for files executable by their owner), named by the hash of their content,
// so the same code gives the same bytes and a changed handler a new S3 key.
// Which files go in, and how links, secrets and unreadable entries are
// handled, is driver/PackageContents.h.
#include <filesystem>
#include <optional>
#include <string>

#include "diag/Diagnostic.h"

namespace jaws {

struct CodePackage {
  std::string source;  // as written in the program: "." or "services/users"
  std::string key;     // "<hash>.zip"
  std::string bytes;   // the zip
  std::size_t files = 0;
};

// Problems (errors and the JW5011 warnings) go to `out` at `at`, where the
// function names its source folder; nullopt when one of them is an error.
std::optional<CodePackage> packageSource(const std::filesystem::path& projectDir, const std::string& source, Span at,
                                         Diagnostics& out);

}  // namespace jaws
