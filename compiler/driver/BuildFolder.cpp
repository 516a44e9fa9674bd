#include "driver/BuildFolder.h"

#include <nlohmann/json.hpp>

#include <set>

#include "diag/Builders.h"
#include "source/FileAccess.h"
#include "source/PackageRules.h"
#include "source/Workspace.h"

namespace jaws {

namespace fs = std::filesystem;

namespace {

// A manifest lists stacks and artifacts; thousands of stacks stay far below.
constexpr std::uintmax_t kMaxManifestBytes = 64ull * 1024 * 1024;

}  // namespace

Diagnostics checkBuildFolder(Compilation& compilation, const fs::path& outputDir) {
  Diagnostics out;
  const FileBoundary project(compilation.projectDir());
  const fs::path folder = resolveLinks(outputDir);
  if (isWithin(project.root(), folder)) {
    out.push_back(diag::BuildFolderHoldsSources(Span{}, displayPath(folder), displayPath(project.root())));
    return out;
  }
  std::set<std::string> seen;
  for (const model::Stack& stack : compilation.stacks()) {
    for (const model::Function& function : stack.functions) {
      if (!seen.insert(function.source).second) continue;
      const auto source = project.inside(project.root() / function.source);
      if (!source) continue;  // outside the project: reported by the checks
      if (isWithin(*source, folder)) {
        out.push_back(diag::BuildFolderHoldsSources(function.sourceSpan, displayPath(folder), displayPath(*source)));
        continue;
      }
      if (!isWithin(folder, *source)) continue;
      const std::string relative = folder.lexically_relative(*source).generic_string();
      const PackageRules rules = loadPackageRules(project, *source).rules;
      if (rules.folder(relative).kind == PackageVerdict::Kind::Excluded) continue;
      out.push_back(diag::BuildFolderPackaged(function.sourceSpan, displayPath(folder), function.source));
    }
  }
  return out;
}

bool replaceableBuildFolder(const fs::path& folder) {
  std::error_code ec;
  const fs::file_status status = fs::symlink_status(folder, ec);
  if (status.type() == fs::file_type::not_found) return true;
  if (!fs::is_directory(status)) return false;
  if (fs::directory_iterator(folder, ec) == fs::directory_iterator{} && !ec) return true;
  // A manifest as ManifestEmitter writes it: {"version": 1, "project": ..., "stacks": [...]}.
  const FileRead read = readResolvedFile(folder / "manifest.json", kMaxManifestBytes);
  if (!read.ok()) return false;
  const nlohmann::json manifest = nlohmann::json::parse(read.text, nullptr, false);
  return manifest.is_object() && manifest.contains("version") && manifest["version"].is_number() &&
         manifest.contains("project") && manifest["project"].is_string() && manifest.contains("stacks") &&
         manifest["stacks"].is_array();
}

}  // namespace jaws
