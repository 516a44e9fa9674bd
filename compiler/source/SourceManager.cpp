#include "source/SourceManager.h"

namespace jaws {

FileId SourceManager::add(std::string key, std::string displayPath, std::string text) {
  const auto id = static_cast<FileId>(files_.size());
  files_.push_back(std::make_unique<SourceFile>(id, std::move(displayPath), std::move(text)));
  keys_.push_back(key);
  byKey_[std::move(key)] = id;
  return id;
}

std::optional<FileId> SourceManager::lookup(const std::string& key) const {
  auto it = byKey_.find(key);
  if (it == byKey_.end()) return std::nullopt;
  return it->second;
}

}  // namespace jaws
