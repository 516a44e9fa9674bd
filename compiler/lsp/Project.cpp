#include "lsp/Project.h"

#include <functional>
#include <memory>

#include "source/Workspace.h"

namespace jaws::lsp {

namespace fs = std::filesystem;

Project::Project(fs::path folder) : folder_(std::move(folder)), folderKey_(folder_.generic_string()) {}

void Project::check(const DocumentStore& documents, const UriOf& uriOf, std::shared_ptr<DiskTextCache> diskTexts) {
  CompilationOptions options;
  options.inputs.push_back(folder_);
  for (const auto& [key, doc] : documents.all()) {
    options.overlays[fs::path(key)] = doc.text;
    // A new file that exists only in the editor is part of its folder too.
    std::error_code ec;
    const fs::path path(key);
    if (path.parent_path() == folder_ && path.extension() == ".jaws" && !fs::exists(path, ec)) options.inputs.push_back(path);
  }
  options.parseCache = cache_;
  options.templateReuse = templates_;
  options.handlerScans = handlerScans_;
  options.diskTexts = std::move(diskTexts);
  options.recordModels = true;
  // The function models the previous compilation kept go on to this one; the
  // rest of it is dropped on a thread of its own while this one loads and
  // binds on one core (dropping is about a millisecond at N = 1,000, loading
  // and binding five), and then the kept templates finish what their last
  // predictions left (TemplateReuse::finishPending). The targets wait for
  // that thread before they start, so two compilations' models are not
  // alive together.
  if (compilation_) options.previousModels = compilation_->takeModelMemo();
  std::function<void()> drop;
  if (compilation_) drop = [previous = std::shared_ptr<Compilation>(std::move(compilation_))]() mutable { previous.reset(); };
  templates_->finishInBackground(std::move(drop));
  compilation_ = std::make_unique<Compilation>(std::move(options));
  const Diagnostics all = compilation_->diagnostics();
  const SourceManager& sources = compilation_->sources();
  dirty_ = false;

  fileKeys_.clear();
  ownFiles_.clear();
  declaresProject_ = false;
  std::vector<std::string> cached;
  for (FileId id : compilation_->userFiles()) {
    const std::string& key = sources.key(id);
    fileKeys_.insert(key);
    cached.push_back(key);
    if (fs::path(key).parent_path() != folder_) continue;
    ownFiles_.push_back(key);
    if (const ast::SourceUnit* unit = compilation_->syntaxTree(id)) {
      for (const auto& decl : unit->decls) declaresProject_ = declaresProject_ || decl->kind == ast::DeclKind::Project;
    }
  }
  for (FileId id : compilation_->stdlibFiles()) cached.push_back(sources.key(id));
  cache_->retain(cached);

  // A diagnostic without a place is shown at the start of the folder's first file.
  std::optional<FileId> fallback;
  if (!ownFiles_.empty()) fallback = sources.lookup(ownFiles_.front());
  diagnostics_.clear();
  for (const std::string& key : fileKeys_) diagnostics_[key] = Json::array();
  for (const Diagnostic& d : all) {
    Span at = d.span;
    if (!at.valid() || !sources.find(at.file)) {
      if (!fallback) continue;
      at = Span{*fallback, 0, 0};
    }
    const std::string& key = sources.key(at.file);
    if (!isFileKey(key)) continue;
    diagnostics_[key].push_back(diagnosticJson(d, at, sources, uriOf));
  }
}

}  // namespace jaws::lsp
