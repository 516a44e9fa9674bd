#include "source/FileStamp.h"

#include <sys/stat.h>
#include <time.h>

namespace jaws {

std::optional<FileStamp> fileStamp(const std::filesystem::path& path) {
  struct stat info {};
  if (::lstat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return std::nullopt;
  FileStamp stamp;
  stamp.device = static_cast<std::uint64_t>(info.st_dev);
  stamp.inode = static_cast<std::uint64_t>(info.st_ino);
  stamp.size = static_cast<std::uint64_t>(info.st_size);
  stamp.modifiedNs = static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec;
  stamp.changedNs = static_cast<std::int64_t>(info.st_ctim.tv_sec) * 1'000'000'000 + info.st_ctim.tv_nsec;
  return stamp;
}

bool settledFor(const FileStamp& stamp, std::chrono::nanoseconds settle) {
  struct timespec now {};
  ::clock_gettime(CLOCK_REALTIME, &now);
  const std::int64_t nowNs = static_cast<std::int64_t>(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
  return nowNs - stamp.modifiedNs >= settle.count() && nowNs - stamp.changedNs >= settle.count();
}

bool keepableRead(const std::filesystem::path& resolved, const std::optional<FileStamp>& before, const FileRead& read,
                  std::chrono::nanoseconds settle) {
  if (!read.ok() || !before || before->size != read.text.size()) return false;
  return fileStamp(resolved) == before && settledFor(*before, settle);
}

}  // namespace jaws
