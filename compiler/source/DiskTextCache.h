#pragma once
// Texts of source files on disk kept between compilations of one process.
// The language server checks a project on every keystroke; the files the
// editor does not have open rarely change, so they are read once and kept
// while the file's identity, size, modification and change times stay the
// same (one lstat per file instead of a read). A file changed less than a
// second before it was read is not kept (timestamps advance in coarse ticks,
// so a rewrite within the tick would keep its stamp), and the server also
// forgets a file whenever the client reports it changed.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "source/FileAccess.h"
#include "source/FileStamp.h"

namespace jaws {

class DiskTextCache {
 public:
  // Files modified less than `settle` before a read are not kept.
  explicit DiskTextCache(std::chrono::nanoseconds settle = std::chrono::seconds(1)) : settle_(settle) {}

  // readResolvedFile(resolved, limit), from the kept text when the file has
  // not changed since it was read. Only successful reads are kept.
  FileRead read(const std::filesystem::path& resolved, std::uintmax_t limit);
  // The file changed: the next read goes to the disk.
  void forget(const std::string& key);
  // Forgets every file but these (keys are generic resolved paths).
  void retain(const std::vector<std::string>& keys);
  std::size_t size() const;
  // Reads answered from kept texts, for tests and --stats-like counters.
  std::size_t hits() const;

  using Stamp = FileStamp;

 private:
  struct Entry {
    Stamp stamp;
    std::string text;
  };

  std::chrono::nanoseconds settle_;
  mutable std::mutex mutex_;
  std::map<std::string, Entry, std::less<>> entries_;
  std::size_t hits_ = 0;
};

}  // namespace jaws
