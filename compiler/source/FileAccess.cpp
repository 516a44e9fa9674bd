#include "source/FileAccess.h"

#include <fcntl.h>
#include <linux/magic.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace jaws {

namespace fs = std::filesystem;

namespace {

// Links followed while resolving one path, as the kernel's MAXSYMLINKS.
constexpr int kMaxLinks = 40;

std::string errnoText(int error) { return std::strerror(error); }

std::string kindOfMode(mode_t mode) {
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISREG(mode) || S_ISDIR(mode) || S_ISLNK(mode)) return "";
  return "not a regular file";
}

// Files of kernel pseudo file systems look regular (st_size 0) but are
// generated on read: /proc/self/environ is the process's environment.
std::string pseudoFileSystem(const struct statfs& fsInfo) {
  switch (static_cast<unsigned long>(fsInfo.f_type)) {
    case PROC_SUPER_MAGIC: return "a file of /proc";
    case SYSFS_MAGIC: return "a file of /sys";
    case DEBUGFS_MAGIC:
    case TRACEFS_MAGIC:
    case SECURITYFS_MAGIC:
    case SELINUX_MAGIC:
    case PSTOREFS_MAGIC:
    case EFIVARFS_MAGIC:
    case CGROUP_SUPER_MAGIC:
    case CGROUP2_SUPER_MAGIC:
    case BINFMTFS_MAGIC:
    case DEVPTS_SUPER_MAGIC:
    case BPF_FS_MAGIC: return "a file of a kernel pseudo file system";
    default: return "";
  }
}

// Closes a descriptor on every path out of a function.
struct Descriptor {
  int fd = -1;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

std::string describeFailure(const FileRead& read) {
  switch (read.status) {
    case FileStatus::Ok: return "";
    case FileStatus::Missing: return "no such file or folder";
    case FileStatus::Folder: return "it is a folder";
    case FileStatus::Outside: return "it leads to " + read.resolved.generic_string();
    case FileStatus::TooLarge: return "it is over " + std::to_string(read.size) + " bytes";
    case FileStatus::NotRegular:
    case FileStatus::Unreadable: return read.detail;
  }
  return read.detail;
}

fs::path resolveLinks(const fs::path& path) {
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  if (ec) absolute = path;
  // The components still to walk, last first, so a link's target can be
  // pushed in front of the rest.
  std::vector<fs::path> pending;
  for (auto it = absolute.end(); it != absolute.begin();) {
    --it;
    if (!it->empty() && *it != "." && *it != absolute.root_path()) pending.push_back(*it);
  }
  fs::path done = absolute.root_path().empty() ? fs::path("/") : absolute.root_path();
  bool missing = false;  // once a component is missing, the rest is lexical
  int links = 0;
  while (!pending.empty()) {
    const fs::path component = std::move(pending.back());
    pending.pop_back();
    if (component == "." || component.empty()) continue;
    if (component == "..") {
      done = done.parent_path();
      continue;
    }
    fs::path next = done / component;
    struct stat st {};
    if (missing || ::lstat(next.c_str(), &st) != 0) {
      missing = true;  // the rest is judged as written
      done = std::move(next);
      continue;
    }
    if (!S_ISLNK(st.st_mode)) {
      done = std::move(next);
      continue;
    }
    fs::path target = fs::read_symlink(next, ec);
    if (ec || ++links > kMaxLinks) {  // unreadable, or a loop
      missing = true;
      done = std::move(next);
      continue;
    }
    if (target.is_absolute()) done = target.root_path();
    std::vector<fs::path> parts;
    for (const auto& part : target.relative_path()) parts.push_back(part);
    for (auto it = parts.rbegin(); it != parts.rend(); ++it) pending.push_back(*it);
  }
  return done.lexically_normal();
}

fs::path resolveEntry(const fs::path& resolvedFolder, const fs::path& name) {
  fs::path path = resolvedFolder / name;
  struct stat st {};
  // A missing entry is appended as written, as resolveLinks does.
  if (::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) return resolveLinks(path);
  return path;
}

bool isWithin(const fs::path& path, const fs::path& root) {
  if (path == root) return true;
  const fs::path relative = path.lexically_relative(root);
  if (relative.empty()) return false;
  const auto first = *relative.begin();
  return first != ".." && first != ".";
}

std::string nonRegularKind(const fs::path& resolved) {
  struct stat st {};
  if (::lstat(resolved.c_str(), &st) != 0) return "";
  if (std::string kind = kindOfMode(st.st_mode); !kind.empty()) return kind;
  struct statfs fsInfo {};
  if (S_ISREG(st.st_mode) && ::statfs(resolved.c_str(), &fsInfo) == 0) return pseudoFileSystem(fsInfo);
  return "";
}

FileRead readResolvedFile(const fs::path& resolved, std::uintmax_t limit) {
  FileRead read;
  read.resolved = resolved;
  struct stat before {};
  if (::lstat(resolved.c_str(), &before) != 0) {
    read.status = errno == ENOENT || errno == ENOTDIR ? FileStatus::Missing : FileStatus::Unreadable;
    read.detail = errnoText(errno);
    return read;
  }
  if (S_ISDIR(before.st_mode)) {
    read.status = FileStatus::Folder;
    return read;
  }
  if (std::string kind = kindOfMode(before.st_mode); !kind.empty()) {
    read.status = FileStatus::NotRegular;
    read.detail = kind;
    return read;
  }
  if (S_ISLNK(before.st_mode)) {  // replaced by a link since it was resolved
    read.status = FileStatus::Unreadable;
    read.detail = "it changed while it was read";
    return read;
  }
  // O_NONBLOCK: should the file have become a FIFO meanwhile, opening it
  // does not wait for a writer; O_NOFOLLOW: nor a link.
  Descriptor file{::open(resolved.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)};
  if (file.fd < 0) {
    read.status = FileStatus::Unreadable;
    read.detail = errnoText(errno);
    return read;
  }
  struct stat opened {};
  struct statfs fsInfo {};
  if (::fstat(file.fd, &opened) != 0 || !S_ISREG(opened.st_mode) || opened.st_ino != before.st_ino ||
      opened.st_dev != before.st_dev) {
    read.status = FileStatus::Unreadable;
    read.detail = "it changed while it was read";
    return read;
  }
  if (::fstatfs(file.fd, &fsInfo) == 0) {
    if (std::string pseudo = pseudoFileSystem(fsInfo); !pseudo.empty()) {
      read.status = FileStatus::NotRegular;
      read.detail = pseudo;
      return read;
    }
  }
  if (static_cast<std::uintmax_t>(opened.st_size) > limit) {
    read.status = FileStatus::TooLarge;
    read.size = static_cast<std::uintmax_t>(opened.st_size);
    return read;
  }
  // The size may change while reading: never keep more than the limit.
  read.text.resize(static_cast<std::size_t>(opened.st_size));
  std::size_t used = 0;
  while (true) {
    if (used == read.text.size()) {
      if (read.text.size() > limit) break;
      read.text.resize(std::min<std::uintmax_t>(limit + 1, read.text.size() + 65536));
    }
    const ssize_t n = ::read(file.fd, read.text.data() + used, read.text.size() - used);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      read.status = FileStatus::Unreadable;
      read.detail = errnoText(errno);
      read.text.clear();
      return read;
    }
    if (n == 0) break;
    used += static_cast<std::size_t>(n);
  }
  if (used > limit) {
    read.status = FileStatus::TooLarge;
    read.size = used;
    read.text.clear();
    return read;
  }
  read.text.resize(used);
  read.status = FileStatus::Ok;
  return read;
}

FileRead readRegularFile(const fs::path& path, std::uintmax_t limit) { return readResolvedFile(resolveLinks(path), limit); }

fs::path writeTemporaryBeside(const fs::path& target, std::string_view text, std::string_view tag, std::error_code& error) {
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string pattern = (folder / ("." + target.filename().string() + "." + std::string(tag) + "-XXXXXX")).string();
  Descriptor file{::mkstemp(pattern.data())};
  if (file.fd < 0) {
    error = std::error_code(errno, std::generic_category());
    return {};
  }
  const fs::path temporary(pattern);
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(file.fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) break;
    written += static_cast<std::size_t>(n);
  }
  if (written != text.size() || ::fsync(file.fd) != 0) {
    error = std::error_code(errno, std::generic_category());
    std::error_code ignored;
    fs::remove(temporary, ignored);
    return {};
  }
  // mkstemp makes the file private: give it the target's mode, or a new file's.
  struct stat existing {};
  mode_t mode = 0;
  if (::stat(target.c_str(), &existing) == 0) {
    mode = existing.st_mode & 07777;
  } else {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  ::fchmod(file.fd, mode);
  error.clear();
  return temporary;
}

FileBoundary::FileBoundary(const fs::path& root) : root_(resolveLinks(root)) {}

std::optional<fs::path> FileBoundary::inside(const fs::path& path) const {
  fs::path resolved = resolveLinks(path);
  if (!contains(resolved)) return std::nullopt;
  return resolved;
}

FileRead FileBoundary::read(const fs::path& path, std::uintmax_t limit) const {
  fs::path resolved = resolveLinks(path);
  if (!contains(resolved)) {
    FileRead refused;
    refused.status = FileStatus::Outside;
    refused.resolved = std::move(resolved);
    return refused;
  }
  return readResolvedFile(resolved, limit);
}

}  // namespace jaws
