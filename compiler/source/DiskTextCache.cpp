#include "source/DiskTextCache.h"

#include <sys/stat.h>
#include <time.h>

namespace jaws {

namespace {

// The stamp of a regular file that is not a link; nullopt otherwise (the
// uncached read then says what it is).
std::optional<DiskTextCache::Stamp> stampOf(const std::filesystem::path& path) {
  struct stat info {};
  if (::lstat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return std::nullopt;
  DiskTextCache::Stamp stamp;
  stamp.device = static_cast<std::uint64_t>(info.st_dev);
  stamp.inode = static_cast<std::uint64_t>(info.st_ino);
  stamp.size = static_cast<std::uint64_t>(info.st_size);
  stamp.modifiedNs = static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec;
  stamp.changedNs = static_cast<std::int64_t>(info.st_ctim.tv_sec) * 1'000'000'000 + info.st_ctim.tv_nsec;
  return stamp;
}

}  // namespace

// File timestamps advance in ticks of the kernel's coarse clock (several
// milliseconds), so a same-size rewrite within the tick of the read would
// leave the stamp as it was. Like git's racy-clean rule, a file modified
// less than `settle_` (a second) ago is not kept: its next read goes to the
// disk again.
bool DiskTextCache::settled(const Stamp& stamp) const {
  struct timespec now {};
  ::clock_gettime(CLOCK_REALTIME, &now);
  const std::int64_t nowNs = static_cast<std::int64_t>(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
  const std::int64_t settle = settle_.count();
  return nowNs - stamp.modifiedNs >= settle && nowNs - stamp.changedNs >= settle;
}

FileRead DiskTextCache::read(const std::filesystem::path& resolved, std::uintmax_t limit) {
  const std::string key = resolved.generic_string();
  const std::optional<Stamp> before = stampOf(resolved);
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
  const std::optional<Stamp> after = read.ok() ? stampOf(resolved) : std::nullopt;
  if (read.ok() && before && after == before && before->size == read.text.size() && settled(*before)) {
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
