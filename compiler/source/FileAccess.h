#pragma once
// The one way jaws reads a file and decides where a path leads
// (docs/security.md). A path is judged by where it really leads: every link
// is resolved first. Only regular files are read, never a FIFO (which would
// block), a device (/dev/zero never ends), a socket, or a file of a kernel
// pseudo file system (/proc/self/environ holds the environment), and never
// more than a size limit. A FileBoundary adds containment: a path that
// resolves outside its folder is neither read nor written.
//
// The source loader (CLI and language server), the packager, the handler
// lint, `jaws fmt` and `jaws stubs` all go through here.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

namespace jaws {

enum class FileStatus : std::uint8_t {
  Ok,
  Missing,     // nothing there (a dangling link leads nowhere either)
  Folder,      // a folder where a file was expected
  NotRegular,  // a FIFO, device, socket or pseudo file: never opened for reading
  Outside,     // resolves outside the boundary: never opened
  TooLarge,    // over the limit: not read
  Unreadable,  // permission denied, an I/O error, or it changed while read
};

struct FileRead {
  FileStatus status = FileStatus::Missing;
  std::string text;                // Ok: the whole file
  std::filesystem::path resolved;  // where the path leads, every link resolved
  std::string detail;              // NotRegular: what it is ("a FIFO"); Unreadable: why
  std::uintmax_t size = 0;         // TooLarge: at least this many bytes
  bool ok() const { return status == FileStatus::Ok; }
};

// Why a file could not be read, for messages ("no such file or folder",
// "it is a folder", the detail of NotRegular or Unreadable).
std::string describeFailure(const FileRead& read);

// Absolute, with every link of the existing part resolved (as the kernel
// would, `..` after a link included) and the part that does not exist
// appended as written. A dangling link resolves to where it points, so a link
// to a missing file outside a folder is still outside.
std::filesystem::path resolveLinks(const std::filesystem::path& path);
// resolveLinks(folder / name) for a folder already resolved and one of its
// entries (a directory walk's name): only the entry itself can be a link, so
// only it is looked at, not every folder above it again.
std::filesystem::path resolveEntry(const std::filesystem::path& resolvedFolder, const std::filesystem::path& name);

// `path` is `root` or lies below it; both already resolved (a lexical test).
bool isWithin(const std::filesystem::path& path, const std::filesystem::path& root);

// Reads the regular file at `path` (links resolved), at most `limit` bytes.
FileRead readRegularFile(const std::filesystem::path& path, std::uintmax_t limit);
// The same for a path that is already resolved (every component real, as a
// directory walk produces them); a link found at the last component is refused.
FileRead readResolvedFile(const std::filesystem::path& resolved, std::uintmax_t limit);

// What a file system entry that is neither a regular file, a folder nor a
// link is, for messages ("a FIFO", "a character device"); empty otherwise.
// Also "a file of /proc" for regular-looking files of pseudo file systems.
std::string nonRegularKind(const std::filesystem::path& resolved);

// Writes `text` to a new file beside `target`, named `.<name>.<tag>-XXXXXX`
// by mkstemp (so no one can plant a link at its name), flushed to disk, with
// the permissions `target` has, or those of a new file when it has none.
// Returns the temporary's path, for the caller to link or rename into place;
// on failure `error` says why and nothing is left behind.
std::filesystem::path writeTemporaryBeside(const std::filesystem::path& target, std::string_view text,
                                           std::string_view tag, std::error_code& error);

// A folder that reads (and writes) must stay inside after resolving links.
class FileBoundary {
 public:
  explicit FileBoundary(const std::filesystem::path& root);

  const std::filesystem::path& root() const { return root_; }
  bool contains(const std::filesystem::path& resolved) const { return isWithin(resolved, root_); }
  // The resolved path when it stays inside; nullopt when it leads outside.
  std::optional<std::filesystem::path> inside(const std::filesystem::path& path) const;
  // readRegularFile, refused (Outside, never opened) when it leads outside.
  FileRead read(const std::filesystem::path& path, std::uintmax_t limit) const;

 private:
  std::filesystem::path root_;
};

}  // namespace jaws
