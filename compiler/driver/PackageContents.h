#pragma once
// What the code package of one `source` folder holds, read from the disk
// (docs/security.md): every file the package rules keep (source/PackageRules.h),
// with its bytes and mode. The CodePackager zips the result.
//
// - Links are followed while they stay inside the project folder: a linked
//   file is packaged under the link's name, a linked folder's files under the
//   link's path. A link that leads outside the project is an error (JW9008),
//   and so is a link to a folder that holds it (JW9010).
// - Only regular files are read; a FIFO, device or socket that is not
//   excluded is an error (JW9007), as is a folder or file that cannot be read
//   (JW9001). Excluded entries are never opened.
// - Reading stops at kMaxUnzippedCodeBytes (JW9015): Lambda refuses larger
//   code, and the whole package is held in memory.
// - An empty package is an error (JW9011); a packaged file that holds a
//   credential is a warning (JW5011).
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "diag/Diagnostic.h"

namespace jaws {

// Lambda's quota for a function's code, unzipped (250 MB: Lambda quotas,
// https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html).
inline constexpr std::uintmax_t kMaxUnzippedCodeBytes = 262144000;

struct PackagedFile {
  std::string name;  // inside the zip, '/'-separated, relative to the source folder
  std::string bytes;
  bool executable = false;
};

// Sorted by name. Problems go to `out` at `at` (where the function names its
// source folder); nullopt when any of them is an error.
std::optional<std::vector<PackagedFile>> collectPackageContents(const std::filesystem::path& projectDir,
                                                                const std::string& source, Span at, Diagnostics& out);

}  // namespace jaws
