#pragma once
// What identifies a version of a file on disk, for the language server's
// caches of what it read (source/DiskTextCache.h, stubs/ExportScanCache.h):
// a file is read again only when its stamp changed.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>

#include "source/FileAccess.h"

namespace jaws {

struct FileStamp {
  std::uint64_t device = 0, inode = 0, size = 0;
  std::int64_t modifiedNs = 0, changedNs = 0;
  bool operator==(const FileStamp&) const = default;
};

// The stamp of a regular file that is not a link (one lstat); nullopt
// otherwise, and the uncached read then says what it is.
std::optional<FileStamp> fileStamp(const std::filesystem::path& path);

// File timestamps advance in ticks of the kernel's coarse clock (several
// milliseconds), so a same-size rewrite within the tick of a read would
// leave the stamp as it was. Like git's racy-clean rule, what was read of a
// file modified less than `settle` ago is not kept.
bool settledFor(const FileStamp& stamp, std::chrono::nanoseconds settle);

// Whether what a read of `resolved` returned may be kept under the stamp
// `before`, taken before the read: the read succeeded, the file did not
// change while it was read (its stamp after is the same, and the size is the
// text's), and it had settled.
bool keepableRead(const std::filesystem::path& resolved, const std::optional<FileStamp>& before, const FileRead& read,
                  std::chrono::nanoseconds settle);

}  // namespace jaws
