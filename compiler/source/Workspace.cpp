#include "source/Workspace.h"

#include "source/FileAccess.h"

#include <algorithm>
#include <system_error>

namespace jaws {

std::vector<fs::path> listJawsFiles(const fs::path& folder) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code typeError;
    if (it->path().extension() == ".jaws" && !it->is_directory(typeError)) files.push_back(it->path().lexically_normal());
  }
  std::sort(files.begin(), files.end());
  return files;
}

fs::path normalPath(const fs::path& path) { return resolveLinks(path); }

bool isInside(const fs::path& path, const fs::path& root) {
  const fs::path relative = path.lexically_relative(root);
  if (relative.empty()) return false;
  const auto first = *relative.begin();
  return first != "..";
}

fs::path resolvedWorkingFolder() {
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  return ec ? fs::path() : normalPath(cwd);
}

std::string displayPath(const fs::path& path, const fs::path& resolvedWorkingFolder) {
  if (!resolvedWorkingFolder.empty() && isInside(path, resolvedWorkingFolder)) {
    return path.lexically_relative(resolvedWorkingFolder).generic_string();
  }
  return path.generic_string();
}

std::string displayPath(const fs::path& path) { return displayPath(path, resolvedWorkingFolder()); }

ImportTarget resolveImport(const fs::path& importingFile, const std::string& spec, const fs::path& root) {
  ImportTarget target;
  target.resolved = normalPath(importingFile.parent_path() / fs::path(spec));
  if (!isInside(target.resolved, root) && target.resolved != root) {
    target.kind = ImportTarget::Kind::OutsideRoot;
    return target;
  }
  std::error_code ec;
  if (fs::is_directory(target.resolved, ec)) {
    target.files = listJawsFiles(target.resolved);
    target.kind = target.files.empty() ? ImportTarget::Kind::EmptyFolder : ImportTarget::Kind::Folder;
    return target;
  }
  if (!fs::exists(target.resolved, ec)) {
    target.kind = ImportTarget::Kind::NotFound;
    return target;
  }
  if (target.resolved.extension() != ".jaws") {
    target.kind = ImportTarget::Kind::NotJaws;
    return target;
  }
  target.kind = ImportTarget::Kind::File;
  target.files.push_back(target.resolved);
  return target;
}

}  // namespace jaws
