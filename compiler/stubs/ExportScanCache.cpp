#include "stubs/ExportScanCache.h"

#include "source/FileAccess.h"

namespace jaws::stubs {

namespace {

ExportScan scanText(const FileRead& read, Language language) {
  ExportScan scan;
  if (!read.ok()) {
    scan.open = true;
    return scan;
  }
  return language == Language::Node ? scanNodeExports(read.text) : scanPythonExports(read.text);
}

}  // namespace

ExportScan ExportScanCache::scan(const std::filesystem::path& resolved, Language language, std::uintmax_t limit) {
  auto key = std::make_pair(resolved.generic_string(), language);
  scanned_.insert(key);
  const std::optional<FileStamp> before = fileStamp(resolved);
  if (before) {
    if (auto it = entries_.find(key); it != entries_.end() && it->second.stamp == *before) {
      ++hits_;
      return it->second.scan;
    }
  }
  const FileRead read = readResolvedFile(resolved, limit);
  ExportScan scan = scanText(read, language);
  // Kept only when the module did not change while it was read.
  if (keepableRead(resolved, before, read, settle_)) {
    entries_[key] = Entry{*before, scan};
  } else {
    entries_.erase(key);
  }
  return scan;
}

void ExportScanCache::retainScanned() {
  std::erase_if(entries_, [&](const auto& entry) { return scanned_.count(entry.first) == 0; });
  scanned_.clear();
}

}  // namespace jaws::stubs
