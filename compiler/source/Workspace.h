#pragma once
// File-system questions about a project: which .jaws files a folder holds
// and where an import points. Reading files goes through source/FileAccess.h;
// parsing and the import graph live in the driver.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace jaws {

namespace fs = std::filesystem;

inline constexpr std::uintmax_t kMaxSourceBytes = 64ull * 1024 * 1024;

// The .jaws entries directly in a folder that are not folders, as found (links
// not resolved: the loader judges where each leads), sorted by name, so every
// run sees the same order whatever the file system returns. A FIFO or a
// device named .jaws is listed too, and refused when it is read.
std::vector<fs::path> listJawsFiles(const fs::path& folder);

// A path made absolute and normal, every link resolved (resolveLinks).
fs::path normalPath(const fs::path& path);
bool isInside(const fs::path& path, const fs::path& root);

// A path for messages: relative to the working directory when below it.
std::string displayPath(const fs::path& path);
// The same, with the working directory already resolved (normalPath).
std::string displayPath(const fs::path& path, const fs::path& resolvedWorkingFolder);
// The working directory, resolved; empty when it cannot be read.
fs::path resolvedWorkingFolder();

struct ImportTarget {
  enum class Kind { File, Folder, NotFound, OutsideRoot, NotJaws, EmptyFolder };
  Kind kind;
  std::vector<fs::path> files;  // what the import adds (File, Folder)
  fs::path resolved;
};
ImportTarget resolveImport(const fs::path& importingFile, const std::string& spec, const fs::path& root);

}  // namespace jaws
