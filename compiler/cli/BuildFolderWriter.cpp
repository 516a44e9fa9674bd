#include "cli/BuildFolderWriter.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "diag/Builders.h"
#include "driver/BuildFolder.h"
#include "source/FileAccess.h"
#include "source/PackageRules.h"
#include "source/Workspace.h"

namespace jaws::cli {

namespace fs = std::filesystem;

namespace {

struct Descriptor {
  int fd = -1;
  Descriptor() = default;
  explicit Descriptor(int value) : fd(value) {}
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

std::string lastError() { return std::strerror(errno); }

// Deletes what earlier builds into this folder left beside it when they were
// killed. Only folders owned by this user and named as jaws names them; a
// link is removed, never followed.
void removeStaleSiblings(const fs::path& parent, const std::string& prefix) {
  std::error_code ec;
  for (fs::directory_iterator it(parent, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.rfind(prefix, 0) != 0 || name.size() != prefix.size() + 6) continue;
    struct stat st {};
    if (::lstat(it->path().c_str(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != ::geteuid()) continue;
    std::error_code ignored;
    fs::remove_all(it->path(), ignored);
  }
}

// Creates `relative` ('/'-separated) below the folder `root`, its folders
// first; the file must not exist (O_EXCL) and is never reached through a link.
std::optional<std::string> writeNewFile(int root, const std::string& relative, const std::string& bytes) {
  for (std::size_t slash = relative.find('/'); slash != std::string::npos; slash = relative.find('/', slash + 1)) {
    const std::string folder = relative.substr(0, slash);
    if (::mkdirat(root, folder.c_str(), 0777) != 0 && errno != EEXIST) return lastError();
  }
  Descriptor file(::openat(root, relative.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666));
  if (file.fd < 0) return lastError();
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(file.fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return lastError();
    written += static_cast<std::size_t>(n);
  }
  return std::nullopt;
}

mode_t defaultFolderMode() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return 0777 & ~mask;
}

// Swaps the new build in. Without RENAME_EXCHANGE (a file system that lacks
// it), the old folder moves aside first: then, for a moment, there is none.
int swapIn(int parent, const std::string& staged, const std::string& name, bool exists, const fs::path& parentPath,
           std::string& aside) {
  if (!exists) {
    if (::renameat2(parent, staged.c_str(), parent, name.c_str(), RENAME_NOREPLACE) == 0) return 0;
    if (errno != EINVAL && errno != ENOSYS) return -1;
    return ::renameat(parent, staged.c_str(), parent, name.c_str());
  }
  if (::renameat2(parent, staged.c_str(), parent, name.c_str(), RENAME_EXCHANGE) == 0) {
    aside = staged;
    return 0;
  }
  if (errno != EINVAL && errno != ENOSYS) return -1;
  std::string placeholder = (parentPath / (std::string(kTemporaryPrefix) + name + "-XXXXXX")).string();
  if (::mkdtemp(placeholder.data()) == nullptr) return -1;
  aside = fs::path(placeholder).filename().string();
  if (::renameat(parent, name.c_str(), parent, aside.c_str()) != 0) return -1;
  if (::renameat(parent, staged.c_str(), parent, name.c_str()) == 0) return 0;
  const int error = errno;
  ::renameat(parent, aside.c_str(), parent, name.c_str());  // the previous build back
  aside.clear();
  errno = error;
  return -1;
}

}  // namespace

std::optional<Diagnostic> replaceBuildFolder(const fs::path& requested, const std::vector<Artifact>& artifacts,
                                             const std::function<void()>& waiting) {
  const fs::path folder = resolveLinks(requested);
  const fs::path parentPath = folder.parent_path();
  const std::string name = folder.filename().string();
  const std::string shown = displayPath(folder);
  if (name.empty() || parentPath == folder) return diag::BuildFolderNotOurs(Span{}, shown);
  std::error_code ec;
  fs::create_directories(parentPath, ec);
  Descriptor parent(::open(parentPath.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (parent.fd < 0) return diag::CannotWrite(Span{}, shown, lastError());

  // One build at a time per parent folder, from the checks to the swap.
  if (::flock(parent.fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK) return diag::CannotWrite(Span{}, shown, lastError());
    waiting();
    while (::flock(parent.fd, LOCK_EX) != 0) {
      if (errno != EINTR) return diag::CannotWrite(Span{}, shown, lastError());
    }
  }
  const std::string prefix = std::string(kTemporaryPrefix) + name + "-";
  removeStaleSiblings(parentPath, prefix);

  struct stat existing {};
  const bool exists = ::fstatat(parent.fd, name.c_str(), &existing, AT_SYMLINK_NOFOLLOW) == 0;
  if (exists && !S_ISDIR(existing.st_mode)) return diag::CannotWrite(Span{}, shown, std::strerror(ENOTDIR));
  if (!replaceableBuildFolder(folder)) return diag::BuildFolderNotOurs(Span{}, shown);

  std::string staging = (parentPath / (prefix + "XXXXXX")).string();
  if (::mkdtemp(staging.data()) == nullptr) return diag::CannotWrite(Span{}, shown, lastError());
  const std::string staged = fs::path(staging).filename().string();
  auto discard = [&] {
    std::error_code ignored;
    fs::remove_all(staging, ignored);
  };
  {
    Descriptor root(::openat(parent.fd, staged.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (root.fd < 0) {
      const std::string reason = lastError();
      discard();
      return diag::CannotWrite(Span{}, shown, reason);
    }
    for (const Artifact& artifact : artifacts) {
      if (auto failure = writeNewFile(root.fd, artifact.path, artifact.bytes)) {
        discard();
        return diag::CannotWrite(Span{}, displayPath(folder / artifact.path), *failure);
      }
    }
    // mkdtemp made it private; the build folder keeps the mode it had.
    ::fchmod(root.fd, exists ? existing.st_mode & 07777 : defaultFolderMode());
  }
  std::string aside;
  if (swapIn(parent.fd, staged, name, exists, parentPath, aside) != 0) {
    const std::string reason = lastError();
    discard();
    return diag::CannotWrite(Span{}, shown, reason);
  }
  if (!aside.empty()) {
    std::error_code ignored;
    fs::remove_all(parentPath / aside, ignored);
  }
  return std::nullopt;
}

}  // namespace jaws::cli
