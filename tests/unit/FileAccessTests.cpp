// source/FileAccess: paths judged by where they lead (links resolved as the
// kernel would), only regular files read, sizes bounded, and boundaries that
// refuse before opening. The command-line view of the same rules is
// tests/cli/test_security.py.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include "source/FileAccess.h"
#include "support/TempDir.h"

using namespace jaws;
using jaws::test::TempDir;
namespace fs = std::filesystem;

TEST_CASE("resolveLinks follows every link, also a dangling one and `..` after a link", "[source][security]") {
  TempDir dir;
  const fs::path root = fs::canonical(dir.path());
  dir.write("real/deep/file.txt", "x");
  fs::create_directory_symlink(root / "real" / "deep", root / "shortcut");
  CHECK(resolveLinks(root / "shortcut" / "file.txt") == root / "real" / "deep" / "file.txt");
  // `..` after a link climbs from the link's target, as open(2) does.
  CHECK(resolveLinks(root / "shortcut" / ".." / "deep") == root / "real" / "deep");
  // A relative link, and a missing tail appended as written.
  fs::create_symlink("real/deep", root / "relative");
  CHECK(resolveLinks(root / "relative" / "new" / "x.txt") == root / "real" / "deep" / "new" / "x.txt");
  // A dangling link leads where it points.
  fs::create_symlink("/nonexistent/secret", root / "dangling");
  CHECK(resolveLinks(root / "dangling") == fs::path("/nonexistent/secret"));
  // A loop ends; the path is judged as written.
  fs::create_symlink(root / "loop", root / "loop");
  CHECK(resolveLinks(root / "loop") == root / "loop");
}

TEST_CASE("resolveEntry resolves a folder's entry as resolveLinks does, looking only at the entry", "[source][security]") {
  TempDir dir;
  const fs::path root = fs::canonical(dir.path());
  dir.write("project/plain.jaws", "x");
  dir.write("real/deep/file.jaws", "x");
  dir.write("secret.jaws", "x");
  const fs::path folder = root / "project";
  fs::create_symlink(root / "secret.jaws", folder / "outside.jaws");
  fs::create_symlink("../real/deep/file.jaws", folder / "relative.jaws");
  fs::create_symlink("/nonexistent/secret", folder / "dangling.jaws");
  for (const char* name : {"plain.jaws", "outside.jaws", "relative.jaws", "dangling.jaws", "missing.jaws"}) {
    INFO(name);
    CHECK(resolveEntry(folder, name) == resolveLinks(folder / name));
  }
  CHECK(resolveEntry(folder, "plain.jaws") == folder / "plain.jaws");
  CHECK(resolveEntry(folder, "outside.jaws") == root / "secret.jaws");
  CHECK(resolveEntry(folder, "relative.jaws") == root / "real" / "deep" / "file.jaws");
  CHECK(resolveEntry(folder, "dangling.jaws") == fs::path("/nonexistent/secret"));
  CHECK(resolveEntry(folder, "missing.jaws") == folder / "missing.jaws");
}

TEST_CASE("isWithin is a folder or below it, never a sibling with the same prefix", "[source][security]") {
  CHECK(isWithin("/a/b", "/a/b"));
  CHECK(isWithin("/a/b/c", "/a/b"));
  CHECK_FALSE(isWithin("/a/bc", "/a/b"));
  CHECK_FALSE(isWithin("/a", "/a/b"));
  CHECK(isWithin("/anything", "/"));
}

TEST_CASE("only regular files are read, within the limit", "[source][security]") {
  TempDir dir;
  const fs::path file = dir.write("a.txt", "hello");
  FileRead read = readRegularFile(file, 100);
  CHECK(read.status == FileStatus::Ok);
  CHECK(read.text == "hello");
  CHECK(readRegularFile(file, 4).status == FileStatus::TooLarge);
  CHECK(readRegularFile(dir.path() / "missing", 100).status == FileStatus::Missing);
  CHECK(readRegularFile(dir.path(), 100).status == FileStatus::Folder);

  const fs::path fifo = dir.path() / "pipe";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  read = readRegularFile(fifo, 100);  // would block if it were opened
  CHECK(read.status == FileStatus::NotRegular);
  CHECK(read.detail == "a FIFO");

  read = readRegularFile("/dev/zero", 100);
  CHECK(read.status == FileStatus::NotRegular);
  CHECK(read.detail == "a character device");

  read = readRegularFile("/proc/self/environ", 1 << 20);
  CHECK(read.status == FileStatus::NotRegular);
  CHECK(read.detail == "a file of /proc");
  CHECK(read.text.empty());
}

TEST_CASE("a boundary refuses what leads outside before opening it", "[source][security]") {
  TempDir dir;
  const fs::path secret = dir.write("outside/secret.txt", "TOP SECRET");
  dir.write("project/src/a.mjs", "export const a = 1;\n");
  fs::create_symlink(secret, dir.path() / "project/src/config.txt");
  fs::create_symlink("/proc/self/environ", dir.path() / "project/src/env.txt");
  const FileBoundary project(dir.path() / "project");

  FileRead read = project.read(dir.path() / "project/src/config.txt", 1 << 20);
  CHECK(read.status == FileStatus::Outside);
  CHECK(read.resolved == fs::canonical(secret));
  CHECK(read.text.empty());
  CHECK(project.read(dir.path() / "project/src/env.txt", 1 << 20).status == FileStatus::Outside);
  CHECK(project.read(dir.path() / "project/src/../../outside/secret.txt", 1 << 20).status == FileStatus::Outside);
  CHECK(project.read(dir.path() / "project/src/a.mjs", 1 << 20).text == "export const a = 1;\n");

  CHECK(project.inside(dir.path() / "project/src/new/file.txt").has_value());
  CHECK_FALSE(project.inside(dir.path() / "project/src/config.txt").has_value());
  CHECK_FALSE(project.inside("/etc/passwd").has_value());
}
