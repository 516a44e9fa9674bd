#pragma once
// One folder checked as one program, as `jaws check FOLDER` checks it, with
// the editor's unsaved texts in place of the files on disk. Keeps the last
// compilation (hover, definition and the rest read it) and a parse cache, so
// a re-check parses only the files that changed.
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "driver/Compilation.h"
#include "emit/TemplateReuse.h"
#include "lsp/DiagnosticJson.h"
#include "lsp/DocumentStore.h"
#include "stubs/ExportScanCache.h"

namespace jaws::lsp {

class Project {
 public:
  explicit Project(std::filesystem::path folder);

  const std::filesystem::path& folder() const { return folder_; }
  const std::string& folderKey() const { return folderKey_; }

  bool dirty() const { return dirty_; }
  void markDirty() { dirty_ = true; }
  // Compiles the folder again, reading unopened files through `diskTexts`.
  void check(const DocumentStore& documents, const UriOf& uriOf, std::shared_ptr<DiskTextCache> diskTexts);

  Compilation* compilation() const { return compilation_.get(); }
  // Whether a file of the folder itself declares the `project` (a folder
  // without one may be shared files that projects import).
  bool declaresProject() const { return declaresProject_; }
  bool contains(const std::string& key) const { return fileKeys_.count(key) != 0; }
  const std::set<std::string>& fileKeys() const { return fileKeys_; }      // every user file, imports included
  const std::vector<std::string>& ownFiles() const { return ownFiles_; }  // the folder's own .jaws files
  // The diagnostics of the last check, as LSP JSON, by file key.
  const std::map<std::string, Json>& diagnostics() const { return diagnostics_; }

  // Set by the ProjectSet: whether its diagnostics are shown (a folder of
  // shared files that projects import is checked through them instead).
  bool publishes = true;

 private:
  std::filesystem::path folder_;
  std::string folderKey_;
  bool dirty_ = true;
  std::shared_ptr<ParseCache> cache_ = std::make_shared<ParseCache>();
  // Each target's template, kept from one check to the next (emit/TemplateReuse.h).
  std::shared_ptr<emit::TemplateReuses> templates_ = std::make_shared<emit::TemplateReuses>();
  std::shared_ptr<stubs::ExportScanCache> handlerScans_ = std::make_shared<stubs::ExportScanCache>();
  std::unique_ptr<Compilation> compilation_;
  bool declaresProject_ = false;
  std::set<std::string> fileKeys_;
  std::vector<std::string> ownFiles_;
  std::map<std::string, Json> diagnostics_;
};

}  // namespace jaws::lsp
