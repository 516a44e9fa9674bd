#pragma once
// What the handler lint found each handler module to export, kept between
// checks of one project by the language server: it checks on every
// keystroke, and reading and scanning every handler module again was most of
// the lint (at 1,000 functions, 100 modules read and scanned per edit). A
// scan is kept while the module's stamp (source/FileStamp.h) stays the same,
// so an edit to a module, even one the editor does not have open, is seen at
// the next check; a module changed less than a second before it was read is
// scanned again next time (the racy-clean rule of DiskTextCache.h).
//
// Where a module leads is still resolved on every check, so a link turned to
// point outside the project is refused as before (the scan is kept by the
// resolved path, and a different file has a different stamp).
#include <chrono>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "source/FileStamp.h"
#include "stubs/StubExportScanner.h"
#include "stubs/StubLayout.h"

namespace jaws::stubs {

// One project's, used by one check at a time (its program rules' task).
class ExportScanCache {
 public:
  explicit ExportScanCache(std::chrono::nanoseconds settle = std::chrono::seconds(1)) : settle_(settle) {}

  // The scan of the module at `resolved` (a resolved path inside the
  // project), read with readResolvedFile when nothing is kept for its stamp.
  // An unreadable module scans as open (nothing to say about its exports).
  ExportScan scan(const std::filesystem::path& resolved, Language language, std::uintmax_t limit);

  // Forgets every module not scanned since the last call (modules the
  // project no longer names).
  void retainScanned();

  std::size_t size() const { return entries_.size(); }
  std::size_t hits() const { return hits_; }

 private:
  struct Entry {
    FileStamp stamp;
    ExportScan scan;
  };
  std::chrono::nanoseconds settle_;
  std::map<std::pair<std::string, Language>, Entry> entries_;
  std::set<std::pair<std::string, Language>> scanned_;
  std::size_t hits_ = 0;
};

}  // namespace jaws::stubs
