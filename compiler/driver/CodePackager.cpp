#include "driver/CodePackager.h"

#include <fnmatch.h>
#include <sys/stat.h>
#include <zip.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <sstream>

#include "emit/StableHash.h"
#include "source/Workspace.h"

namespace jaws {

namespace {

struct IgnoreRules {
  std::vector<std::string> patterns;

  bool ignored(const fs::path& relative, bool directory) const {
    const std::string path = relative.generic_string();
    const std::string name = relative.filename().string();
    static const std::vector<std::string> kAlways = {".git", ".hg", ".svn", "__pycache__", ".DS_Store", ".jawsignore"};
    if (std::find(kAlways.begin(), kAlways.end(), name) != kAlways.end()) return true;
    if (!directory && (relative.extension() == ".jaws" || relative.extension() == ".pyc")) return true;
    if (directory && path == "build") return true;
    for (std::string pattern : patterns) {
      const bool dirOnly = !pattern.empty() && pattern.back() == '/';
      if (dirOnly) pattern.pop_back();
      if (dirOnly && !directory) continue;
      if (!pattern.empty() && pattern.front() == '/') pattern.erase(0, 1);
      const bool anchored = pattern.find('/') != std::string::npos;
      if (fnmatch(pattern.c_str(), (anchored ? path : name).c_str(), 0) == 0) return true;
    }
    return false;
  }
};

IgnoreRules readIgnoreFile(const fs::path& folder) {
  IgnoreRules rules;
  std::ifstream in(folder / ".jawsignore");
  std::string line;
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (line.empty() || line.front() == '#') continue;
    rules.patterns.push_back(line);
  }
  return rules;
}

struct Entry {
  std::string name;  // path inside the zip, '/'-separated
  fs::path file;
  bool executable = false;
};

void collect(const fs::path& root, const fs::path& folder, const fs::path& outputDir, const IgnoreRules& rules,
             std::vector<Entry>& out) {
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path path = it->path();
    const fs::path relative = path.lexically_relative(root);
    std::error_code typeError;
    const bool directory = it->is_directory(typeError);
    if (normalPath(path) == outputDir || rules.ignored(relative, directory)) continue;
    if (directory) {
      if (!it->is_symlink(typeError)) collect(root, path, outputDir, rules, out);
    } else if (it->is_regular_file(typeError)) {
      const auto perms = fs::status(path, typeError).permissions();
      out.push_back({relative.generic_string(), path, (perms & fs::perms::owner_exec) != fs::perms::none});
    }
  }
}

}  // namespace

std::optional<CodePackage> packageSource(const fs::path& projectDir, const std::string& source, const fs::path& outputDir,
                                         PackageError& error) {
  const fs::path folder = normalPath(projectDir / source);
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    error = {folder.generic_string(), "the source folder does not exist"};
    return std::nullopt;
  }
  std::vector<Entry> entries;
  collect(folder, folder, normalPath(outputDir), readIgnoreFile(folder), entries);
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.name < b.name; });

  zip_error_t zipError;
  zip_error_init(&zipError);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &zipError);
  zip_t* archive = buffer ? zip_open_from_source(buffer, ZIP_TRUNCATE, &zipError) : nullptr;
  if (archive == nullptr) {
    if (buffer) zip_source_free(buffer);
    error = {folder.generic_string(), zip_error_strerror(&zipError)};
    zip_error_fini(&zipError);
    return std::nullopt;
  }
  zip_source_keep(buffer);
  // The file contents must live until zip_close writes them.
  std::vector<std::string> contents;
  contents.reserve(entries.size());
  bool ok = true;
  for (const Entry& entry : entries) {
    std::ifstream in(entry.file, std::ios::binary);
    std::ostringstream data;
    data << in.rdbuf();
    if (!in) {
      error = {entry.file.generic_string(), "cannot read"};
      ok = false;
      break;
    }
    contents.push_back(std::move(data).str());
    zip_source_t* file = zip_source_buffer(archive, contents.back().data(), contents.back().size(), 0);
    const zip_int64_t index = file ? zip_file_add(archive, entry.name.c_str(), file, ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0) {
      if (file) zip_source_free(file);
      error = {entry.file.generic_string(), zip_strerror(archive)};
      ok = false;
      break;
    }
    const auto i = static_cast<zip_uint64_t>(index);
    // DOS date 1980-01-01 00:00: (0 << 9) | (1 << 5) | 1.
    zip_file_set_dostime(archive, i, 0, (1 << 5) | 1, 0);
    const zip_uint32_t mode = entry.executable ? 0100755 : 0100644;
    zip_file_set_external_attributes(archive, i, 0, ZIP_OPSYS_UNIX, mode << 16);
    zip_set_file_compression(archive, i, ZIP_CM_DEFLATE, 9);
  }
  if (ok && zip_close(archive) != 0) {
    error = {folder.generic_string(), zip_strerror(archive)};
    ok = false;
  }
  if (!ok) {
    zip_discard(archive);
    zip_source_free(buffer);
    zip_error_fini(&zipError);
    return std::nullopt;
  }
  CodePackage package;
  package.source = source;
  package.files = entries.size();
  zip_stat_t stat;
  if (zip_source_open(buffer) == 0 && zip_source_stat(buffer, &stat) == 0) {
    package.bytes.resize(static_cast<std::size_t>(stat.size));
    const zip_int64_t read = zip_source_read(buffer, package.bytes.data(), stat.size);
    package.bytes.resize(read > 0 ? static_cast<std::size_t>(read) : 0);
    zip_source_close(buffer);
  }
  zip_source_free(buffer);
  zip_error_fini(&zipError);
  package.key = emit::stableHashHex(package.bytes, 16) + ".zip";
  return package;
}

}  // namespace jaws
