#include "lsp/ProjectSet.h"

#include <algorithm>

#include "source/Workspace.h"

namespace jaws::lsp {

namespace fs = std::filesystem;

namespace {

// How far below a workspace folder projects are looked for, and how many
// folders at most: a workspace is a repository, not a disk.
constexpr int kMaxDepth = 12;
constexpr std::size_t kMaxFolders = 20000;

bool skippedFolder(const fs::path& name) {
  const std::string n = name.filename().string();
  return n == ".git" || n == "node_modules" || n == ".hg" || n == ".svn";
}

// Folders below `root` (itself included) that directly hold .jaws files.
std::vector<fs::path> jawsFolders(const fs::path& root) {
  std::set<fs::path> found;
  std::error_code ec;
  auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
  if (ec) return {};
  std::size_t folders = 0;
  for (const auto end = fs::recursive_directory_iterator(); it != end; it.increment(ec)) {
    if (ec) break;
    std::error_code typeError;
    if (it->is_directory(typeError)) {
      if (skippedFolder(it->path()) || it.depth() >= kMaxDepth || ++folders > kMaxFolders) it.disable_recursion_pending();
      continue;
    }
    if (it->path().extension() == ".jaws" && it->is_regular_file(typeError)) found.insert(normalPath(it->path().parent_path()));
  }
  return {found.begin(), found.end()};
}

std::string parentKey(const std::string& key) { return fs::path(key).parent_path().generic_string(); }

}  // namespace

bool ProjectSet::underRoot(const fs::path& path) const {
  return std::any_of(roots_.begin(), roots_.end(), [&](const fs::path& root) { return isInside(path, root); });
}

void ProjectSet::addRoot(const fs::path& root) {
  const fs::path normal = normalPath(root);
  if (std::find(roots_.begin(), roots_.end(), normal) != roots_.end()) return;
  roots_.push_back(normal);
  for (const fs::path& folder : jawsFolders(normal)) addFolder(folder, false);
  // Folders opened ad hoc that are now inside a root belong to it.
  for (auto it = adHoc_.begin(); it != adHoc_.end();) it = isInside(fs::path(*it), normal) ? adHoc_.erase(it) : std::next(it);
}

void ProjectSet::removeRoot(const fs::path& root) {
  const fs::path normal = normalPath(root);
  roots_.erase(std::remove(roots_.begin(), roots_.end(), normal), roots_.end());
  std::vector<std::string> gone;
  for (const auto& [key, project] : projects_) {
    if (!adHoc_.count(key) && !underRoot(project->folder())) gone.push_back(key);
  }
  for (const std::string& key : gone) removeFolder(key, removedFiles_);
}

void ProjectSet::rescan() {
  std::set<std::string> present;
  for (const fs::path& root : roots_) {
    for (const fs::path& folder : jawsFolders(root)) {
      present.insert(folder.generic_string());
      addFolder(folder, false);
    }
  }
  std::vector<std::string> gone;
  for (const auto& [key, project] : projects_) {
    if (!adHoc_.count(key) && !present.count(key)) gone.push_back(key);
  }
  for (const std::string& key : gone) removeFolder(key, removedFiles_);
}

void ProjectSet::addFolder(const fs::path& folder, bool adHoc) {
  const std::string key = folder.generic_string();
  if (projects_.count(key)) return;
  projects_.emplace(key, std::make_unique<Project>(folder));
  if (adHoc) adHoc_.insert(key);
}

void ProjectSet::removeFolder(const std::string& folderKey, std::set<std::string>& affected) {
  auto it = projects_.find(folderKey);
  if (it == projects_.end()) return;
  affected.insert(it->second->fileKeys().begin(), it->second->fileKeys().end());
  projects_.erase(it);
  adHoc_.erase(folderKey);
}

void ProjectSet::ensureFolderOf(const std::string& key) {
  const fs::path folder = fs::path(key).parent_path();
  addFolder(folder, !underRoot(folder));
}

void ProjectSet::dropUnusedAdHoc(const DocumentStore& documents) {
  std::vector<std::string> unused;
  for (const std::string& folder : adHoc_) {
    const bool open = std::any_of(documents.all().begin(), documents.all().end(),
                                  [&](const auto& entry) { return parentKey(entry.first) == folder; });
    if (!open) unused.push_back(folder);
  }
  for (const std::string& folder : unused) removeFolder(folder, removedFiles_);
}

void ProjectSet::fileChanged(const std::string& key) {
  diskTexts_->forget(key);
  const std::string folder = parentKey(key);
  bool folderKnown = false;
  for (auto& [folderKey, project] : projects_) {
    if (folderKey == folder) folderKnown = true;
    if (folderKey == folder || project->contains(key)) project->markDirty();
  }
  // A new .jaws file in a folder that had none.
  if (!folderKnown && fs::path(key).extension() == ".jaws" && underRoot(fs::path(key))) addFolder(fs::path(folder), false);
}

void ProjectSet::otherFileChanged(const fs::path& path) {
  for (auto& [folderKey, project] : projects_) {
    if (isInside(path, project->folder())) project->markDirty();
  }
}

bool ProjectSet::anyDirty() const {
  if (!removedFiles_.empty()) return true;
  return std::any_of(projects_.begin(), projects_.end(), [](const auto& entry) { return entry.second->dirty(); });
}

bool ProjectSet::checkedWith(const std::string& key, std::string_view text) const {
  bool any = false;
  for (const auto& [folder, project] : projects_) {
    if (!project->contains(key) && project->folderKey() != parentKey(key)) continue;
    const Compilation* compilation = project->compilation();
    if (project->dirty() || !compilation) return false;
    auto id = compilation->sources().lookup(key);
    if (!id || compilation->sources().file(*id).text() != text) return false;
    any = true;
  }
  return any;
}

std::set<std::string> ProjectSet::checkDirty(const DocumentStore& documents, const UriOf& uriOf) {
  std::set<std::string> affected = std::move(removedFiles_);
  removedFiles_.clear();
  for (auto& [key, project] : projects_) {
    if (!project->dirty()) continue;
    affected.insert(project->fileKeys().begin(), project->fileKeys().end());
    project->check(documents, uriOf, diskTexts_);
    affected.insert(project->fileKeys().begin(), project->fileKeys().end());
  }
  // Texts of files no project includes any more are not kept.
  std::vector<std::string> included;
  for (const auto& [key, project] : projects_) included.insert(included.end(), project->fileKeys().begin(), project->fileKeys().end());
  diskTexts_->retain(included);
  classify(affected);
  return affected;
}

void ProjectSet::classify(std::set<std::string>& affected) {
  for (auto& [key, project] : projects_) {
    bool publishes = true;
    if (!project->declaresProject() && !project->ownFiles().empty()) {
      const Project* self = project.get();  // clang 14 cannot capture a structured binding
      const bool covered = std::all_of(self->ownFiles().begin(), self->ownFiles().end(), [&](const std::string& file) {
        return std::any_of(projects_.begin(), projects_.end(), [&](const auto& other) {
          return other.second.get() != self && other.second->declaresProject() && other.second->contains(file);
        });
      });
      publishes = !covered;
    }
    if (publishes != project->publishes) affected.insert(project->fileKeys().begin(), project->fileKeys().end());
    project->publishes = publishes;
  }
}

Project* ProjectSet::ownerOf(const std::string& key) const {
  Project* any = nullptr;
  Project* declaring = nullptr;
  auto own = projects_.find(parentKey(key));
  if (own != projects_.end() && own->second->contains(key) && own->second->declaresProject()) return own->second.get();
  for (const auto& [folder, project] : projects_) {
    if (!project->contains(key)) continue;
    if (!any) any = project.get();
    if (!declaring && project->declaresProject()) declaring = project.get();
  }
  if (declaring) return declaring;
  if (own != projects_.end() && own->second->contains(key)) return own->second.get();
  return any;
}

Json ProjectSet::diagnosticsFor(const std::string& key) const {
  std::vector<const Json*> lists;
  for (const auto& [folder, project] : projects_) {
    if (!project->publishes || !project->contains(key)) continue;
    if (auto it = project->diagnostics().find(key); it != project->diagnostics().end()) lists.push_back(&it->second);
  }
  if (lists.empty()) return Json::array();
  if (lists.size() == 1) return *lists.front();
  // A file that several projects import: each problem once.
  Json out = Json::array();
  std::set<std::string> seen;
  for (const Json* list : lists) {
    for (const Json& d : *list) {
      if (seen.insert(d.dump(-1, ' ', false, Json::error_handler_t::replace)).second) out.push_back(d);
    }
  }
  return out;
}

bool ProjectSet::knows(const std::string& key) const {
  return std::any_of(projects_.begin(), projects_.end(), [&](const auto& entry) { return entry.second->contains(key); });
}

}  // namespace jaws::lsp
