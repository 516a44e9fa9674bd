#include "source/DiskTextCache.h"

namespace jaws {

FileRead DiskTextCache::read(const std::filesystem::path& resolved, std::uintmax_t limit) {
  const std::string key = resolved.generic_string();
  const std::optional<Stamp> before = fileStamp(resolved);
  if (before && before->size <= limit) {
    std::lock_guard lock(mutex_);
    if (auto it = entries_.find(key); it != entries_.end() && it->second.stamp == *before) {
      ++hits_;
      FileRead kept;
      kept.status = FileStatus::Ok;
      kept.resolved = resolved;
      kept.text = it->second.text;
      return kept;
    }
  }
  FileRead read = readResolvedFile(resolved, limit);
  std::lock_guard lock(mutex_);
  // Kept only when the file did not change while it was read: the stamp
  // taken before the read must still be the file's after it.
  if (keepableRead(resolved, before, read, settle_)) {
    entries_[key] = Entry{*before, read.text};
  } else {
    entries_.erase(key);
  }
  return read;
}

void DiskTextCache::forget(const std::string& key) {
  std::lock_guard lock(mutex_);
  entries_.erase(key);
}

void DiskTextCache::retain(const std::vector<std::string>& keys) {
  std::lock_guard lock(mutex_);
  std::map<std::string, Entry, std::less<>> kept;
  for (const std::string& key : keys) {
    if (auto it = entries_.find(key); it != entries_.end()) kept.emplace(key, std::move(it->second));
  }
  entries_ = std::move(kept);
}

std::size_t DiskTextCache::size() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

std::size_t DiskTextCache::hits() const {
  std::lock_guard lock(mutex_);
  return hits_;
}

}  // namespace jaws
