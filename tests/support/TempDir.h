#pragma once
// A fresh directory under the system temp folder, removed with everything in
// it when the object goes away. Tests that need files on disk (imports,
// projects, catalog examples) write them here, never into the repository.
#include <filesystem>
#include <string_view>

namespace jaws::test {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // Writes `text` to `relative` (creating folders) and returns the full path.
  std::filesystem::path write(const std::filesystem::path& relative, std::string_view text) const;
  std::filesystem::path mkdir(const std::filesystem::path& relative) const;

 private:
  std::filesystem::path path_;
};

}  // namespace jaws::test
