#pragma once
// Every project the server checks. A project is a folder (language.md §3):
// each folder below a workspace folder that holds .jaws files is checked as
// `jaws check FOLDER` would, and a file opened outside every workspace folder
// brings its own folder in. A folder whose files do not declare a `project`
// and are all imported by projects that do (shared models, say) is checked
// only through those projects, so its files are not reported twice.
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "lsp/Project.h"

namespace jaws::lsp {

class ProjectSet {
 public:
  // Workspace folders: added ones are scanned for .jaws folders.
  void addRoot(const std::filesystem::path& root);
  void removeRoot(const std::filesystem::path& root);
  const std::vector<std::filesystem::path>& roots() const { return roots_; }
  // Scans the roots again (files were created or deleted).
  void rescan();

  // The folder of an opened file becomes a project if it is not one yet.
  void ensureFolderOf(const std::string& key);
  // Forgets folders outside every root that no open document is in.
  void dropUnusedAdHoc(const DocumentStore& documents);

  // A file's text changed (in the editor or on disk): every project it is
  // part of, and its folder's, must be checked again.
  void fileChanged(const std::string& key);
  // A file that is not .jaws changed (a handler module): every project whose
  // folder holds it checks again.
  void otherFileChanged(const std::filesystem::path& path);
  bool anyDirty() const;
  // Whether every project that includes the file was checked with exactly
  // this text (an editor opening a file it has not changed).
  bool checkedWith(const std::string& key, std::string_view text) const;
  // Checks every dirty project. Returns the files whose diagnostics may have
  // changed.
  std::set<std::string> checkDirty(const DocumentStore& documents, const UriOf& uriOf);

  // The project to answer questions about a file: one that declares a
  // `project` and includes it, preferring the file's own folder; null when
  // no project includes it.
  Project* ownerOf(const std::string& key) const;
  // The diagnostics shown for a file: those of every publishing project that
  // includes it, without duplicates.
  Json diagnosticsFor(const std::string& key) const;
  // Files some project includes (for the publisher's bookkeeping).
  bool knows(const std::string& key) const;

 private:
  void addFolder(const std::filesystem::path& folder, bool adHoc);
  void removeFolder(const std::string& folderKey, std::set<std::string>& affected);
  void classify(std::set<std::string>& affected);
  bool underRoot(const std::filesystem::path& path) const;

  std::vector<std::filesystem::path> roots_;
  std::map<std::string, std::unique_ptr<Project>> projects_;  // by folder key
  std::set<std::string> adHoc_;                               // folder keys outside every root
  std::set<std::string> removedFiles_;                        // files of forgotten projects, to clear
  // Texts of unopened files, shared by every project (a file several
  // projects import is read once); forgotten when the client reports a change.
  std::shared_ptr<DiskTextCache> diskTexts_ = std::make_shared<DiskTextCache>();
};

}  // namespace jaws::lsp
