#pragma once
// File-system questions about a project: which .jaws files a folder holds,
// reading a file within the size limit, and where an import points. Pure path
// logic; parsing and the import graph live in the driver.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace jaws {

namespace fs = std::filesystem;

inline constexpr std::uintmax_t kMaxSourceBytes = 64ull * 1024 * 1024;

// The .jaws files directly in a folder, sorted by name, so every run sees the
// same order whatever the file system returns.
std::vector<fs::path> listJawsFiles(const fs::path& folder);

struct ReadResult {
  std::optional<std::string> text;
  std::string error;  // why it could not be read
  std::uintmax_t size = 0;
  bool tooLarge = false;
};
ReadResult readSourceFile(const fs::path& path);

// A path made absolute and normal, without touching symlinks it need not.
fs::path normalPath(const fs::path& path);
bool isInside(const fs::path& path, const fs::path& root);

// A path for messages: relative to the working directory when below it.
std::string displayPath(const fs::path& path);

struct ImportTarget {
  enum class Kind { File, Folder, NotFound, OutsideRoot, NotJaws, EmptyFolder };
  Kind kind;
  std::vector<fs::path> files;  // what the import adds (File, Folder)
  fs::path resolved;
};
ImportTarget resolveImport(const fs::path& importingFile, const std::string& spec, const fs::path& root);

}  // namespace jaws
