#include "source/Workspace.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <system_error>

namespace jaws {

std::vector<fs::path> listJawsFiles(const fs::path& folder) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code typeError;
    if (it->path().extension() == ".jaws" && it->is_regular_file(typeError)) files.push_back(normalPath(it->path()));
  }
  std::sort(files.begin(), files.end());
  return files;
}

ReadResult readSourceFile(const fs::path& path) {
  ReadResult result;
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    result.error = "no such file or folder";
    return result;
  }
  if (fs::is_directory(path, ec)) {
    result.error = "it is a folder";
    return result;
  }
  result.size = fs::file_size(path, ec);
  if (!ec && result.size > kMaxSourceBytes) {
    result.tooLarge = true;
    return result;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    result.error = "permission denied or unreadable";
    return result;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    result.error = "read error";
    return result;
  }
  result.text = std::move(buffer).str();
  return result;
}

fs::path normalPath(const fs::path& path) {
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  if (ec) absolute = path;
  fs::path canonical = fs::weakly_canonical(absolute, ec);
  return (ec ? absolute : canonical).lexically_normal();
}

bool isInside(const fs::path& path, const fs::path& root) {
  const fs::path relative = path.lexically_relative(root);
  if (relative.empty()) return false;
  const auto first = *relative.begin();
  return first != "..";
}

std::string displayPath(const fs::path& path) {
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  if (!ec && isInside(path, normalPath(cwd))) return path.lexically_relative(normalPath(cwd)).generic_string();
  return path.generic_string();
}

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
