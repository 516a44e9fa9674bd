#pragma once
// Packages a function `source` folder into a deterministic zip: entries in
// sorted order, fixed timestamps (1980-01-01 00:00) and modes (0644, or 0755
// for files executable by their owner), named by the hash of their content,
// so the same code gives the same bytes and a changed handler a new S3 key.
//
// Left out: `.git`, `.hg`, `.svn`, `__pycache__`, `.DS_Store`, `*.pyc`,
// `*.jaws`, `.jawsignore`, a top-level `build/` folder, the build output
// folder, and every pattern of the folder's `.jawsignore` (one glob per line;
// `#` starts a comment; a pattern with a `/` matches the path from the folder,
// one without matches any file or folder name; a trailing `/` matches folders
// only).
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace jaws {

struct CodePackage {
  std::string source;  // as written in the program: "." or "services/users"
  std::string key;     // "<hash>.zip"
  std::string bytes;   // the zip
  std::size_t files = 0;
};

struct PackageError {
  std::string path;
  std::string reason;
};

// `outputDir` (the build folder) is never packaged, wherever it is.
std::optional<CodePackage> packageSource(const std::filesystem::path& projectDir, const std::string& source,
                                         const std::filesystem::path& outputDir, PackageError& error);

}  // namespace jaws
