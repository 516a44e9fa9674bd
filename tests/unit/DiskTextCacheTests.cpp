// source/DiskTextCache: the language server's kept texts of unopened files.
// A kept text is returned only while the file on disk is the one read; a
// rewrite, a replacement, a file just modified, and a forgotten file all go
// to the disk again.
#include <catch2/catch.hpp>

#include "source/DiskTextCache.h"
#include "support/TempDir.h"

using namespace jaws;
using jaws::test::TempDir;
namespace fs = std::filesystem;

TEST_CASE("kept texts are returned while the file is unchanged, read again when it changes", "[source][lsp]") {
  TempDir dir;
  const fs::path file = fs::canonical(dir.path()) / "a.jaws";
  dir.write("a.jaws", "function f {}\n");
  DiskTextCache cache(std::chrono::nanoseconds(0));  // keep even what was just written

  CHECK(cache.read(file, 1000).text == "function f {}\n");
  CHECK(cache.hits() == 0);
  CHECK(cache.read(file, 1000).text == "function f {}\n");
  CHECK(cache.hits() == 1);

  // Rewritten in place (another size): read from the disk.
  dir.write("a.jaws", "function g {}\n\n");
  CHECK(cache.read(file, 1000).text == "function g {}\n\n");
  CHECK(cache.hits() == 1);

  // Replaced by another file of the same size (a new inode, as editors save).
  dir.write("b.tmp", "function h {}\n\n");
  fs::rename(fs::canonical(dir.path()) / "b.tmp", file);
  CHECK(cache.read(file, 1000).text == "function h {}\n\n");
  CHECK(cache.hits() == 1);

  // Forgotten (the client reported a change): read again.
  CHECK(cache.read(file, 1000).text == "function h {}\n\n");
  CHECK(cache.hits() == 2);
  cache.forget(file.generic_string());
  CHECK(cache.read(file, 1000).text == "function h {}\n\n");
  CHECK(cache.hits() == 2);

  // Failures are never kept, and say what the uncached read says.
  fs::remove(file);
  CHECK(cache.read(file, 1000).status == FileStatus::Missing);
  dir.write("a.jaws", std::string(2000, 'x'));
  CHECK(cache.read(file, 1000).status == FileStatus::TooLarge);
  CHECK(cache.size() == 0);
}

TEST_CASE("a file modified less than the settling time ago is not kept", "[source][lsp]") {
  TempDir dir;
  const fs::path file = fs::canonical(dir.path()) / "a.jaws";
  dir.write("a.jaws", "x\n");
  DiskTextCache cache(std::chrono::hours(1));
  CHECK(cache.read(file, 1000).text == "x\n");
  CHECK(cache.read(file, 1000).text == "x\n");
  CHECK(cache.hits() == 0);
  CHECK(cache.size() == 0);
}

TEST_CASE("retain forgets files no project includes", "[source][lsp]") {
  TempDir dir;
  const fs::path root = fs::canonical(dir.path());
  dir.write("a.jaws", "a\n");
  dir.write("b.jaws", "b\n");
  DiskTextCache cache(std::chrono::nanoseconds(0));
  cache.read(root / "a.jaws", 100);
  cache.read(root / "b.jaws", 100);
  CHECK(cache.size() == 2);
  cache.retain({(root / "b.jaws").generic_string()});
  CHECK(cache.size() == 1);
  cache.read(root / "b.jaws", 100);
  CHECK(cache.hits() == 1);
}
