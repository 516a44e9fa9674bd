#pragma once
// Owns every SourceFile of a compilation and hands out stable ids. Files are
// never removed while a compilation lives, so a FileId stays valid; the
// language server replaces a file's text by adding a new version.
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "source/SourceFile.h"

namespace jaws {

class SourceManager {
 public:
  // Adds a file; `key` identifies it (a canonical path, or a name such as
  // `<stdlib>/prelude.jaws` for embedded files).
  FileId add(std::string key, std::string displayPath, std::string text);
  const SourceFile& file(FileId id) const { return *files_[id]; }
  const SourceFile* find(FileId id) const { return id < files_.size() ? files_[id].get() : nullptr; }
  std::optional<FileId> lookup(const std::string& key) const;
  const std::string& key(FileId id) const { return keys_[id]; }
  std::size_t size() const { return files_.size(); }

 private:
  std::vector<std::unique_ptr<SourceFile>> files_;
  std::vector<std::string> keys_;
  std::unordered_map<std::string, FileId> byKey_;
};

}  // namespace jaws
