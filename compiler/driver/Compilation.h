#pragma once
// One compilation of one project: the files it is made of (the project
// folder's .jaws files, what they import, and the standard library), their
// syntax trees and every diagnostic found. The CLI and the language server
// both drive the compiler through this object; it holds all state, nothing is
// global. Stages run lazily and at most once per compilation.
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "diag/Diagnostic.h"
#include "source/DiskTextCache.h"
#include "source/SourceManager.h"
#include "sema/Analysis.h"
#include "source/FileAccess.h"
#include "syntax/Ast.h"

namespace jaws::syntax {
class ParsedItems;
}

namespace jaws::emit {
class TemplateReuses;
}  // namespace jaws::emit

namespace jaws::cfnspec {
class ResourceSpec;
}  // namespace jaws::cfnspec

namespace jaws {

// Parsed files that later compilations of the same project may reuse. The
// language server re-checks a project on every edit; with a cache only the
// edited file is parsed again. A tree is reused only when its file has the
// same key, the same FileId (spans carry it) and the same text. Trees are
// immutable once built, so compilations share them.
class ParseCache {
 public:
  struct Entry {
    FileId file = kNoFile;
    std::string text;
    std::shared_ptr<const ast::SourceUnit> unit;
    Diagnostics diagnostics;
    // Its top-level items: the next parse of the file, after an edit, takes
    // those the edit did not reach (syntax/ItemReuse.h).
    std::shared_ptr<const syntax::ParsedItems> items;
  };
  std::shared_ptr<const Entry> find(const std::string& key, FileId file, std::string_view text) const;
  // The file's last entry, whatever its text.
  std::shared_ptr<const Entry> last(const std::string& key) const;
  void store(const std::string& key, std::shared_ptr<const Entry> entry);
  // Forgets every file but those with these keys (files no longer in the project).
  void retain(const std::vector<std::string>& keys);
  std::size_t size() const { return entries_.size(); }

 private:
  std::map<std::string, std::shared_ptr<const Entry>, std::less<>> entries_;
};

struct CompilationOptions {
  // Folders (a project each) or single files. Several inputs form one program.
  std::vector<std::filesystem::path> inputs;
  // Imports must stay inside this folder; by default the folder holding the
  // project folder (so `import "../shared/x.jaws"` works).
  std::optional<std::filesystem::path> root;
  // Replaces the embedded standard library (for work on the stdlib itself).
  std::optional<std::filesystem::path> stdlibDir;
  // Texts that replace files on disk (the editor's unsaved buffers).
  std::map<std::filesystem::path, std::string> overlays;
  // Restrict evaluation to one stage and/or region (`--stage`, `--region`).
  std::optional<std::string> stage, region;
  // Reuse (and fill) these parsed trees; none by default.
  std::shared_ptr<ParseCache> parseCache;
  // Read files on disk through these kept texts; none by default.
  std::shared_ptr<DiskTextCache> diskTexts;
  // Threads for the targets' evaluation and rules (0: one per hardware thread).
  unsigned jobs = 0;
  // False: only diagnostics are wanted, and stacks() holds what the program
  // rules read, not whole models (sema::AnalysisOptions::keepModels).
  bool keepModels = true;
  // Keep (and use) each target's template between compilations: the
  // language server's (sema::AnalysisOptions::templateReuse).
  std::shared_ptr<emit::TemplateReuses> templateReuse;
  // The language server's: the function models a compilation before kept
  // (takeModelMemo), taken where nothing changed; and whether this
  // compilation keeps its own (sema/ModelReuse.h).
  std::shared_ptr<sema::ModelMemo> previousModels;
  bool recordModels = false;
  // The language server's: handler modules' exports kept between
  // compilations (sema::AnalysisOptions::handlerScans).
  std::shared_ptr<stubs::ExportScanCache> handlerScans;
};

// Wall time spent in each stage, for `--stats`.
struct StageTimes {
  std::chrono::nanoseconds load{0}, parse{0}, bind{0}, evaluate{0}, rules{0};
  std::size_t filesParsed = 0, bytesParsed = 0, fullLLReparses = 0;
  std::size_t filesFromCache = 0;  // trees reused from CompilationOptions::parseCache
};

class Compilation {
 public:
  explicit Compilation(CompilationOptions options);
  ~Compilation();
  Compilation(const Compilation&) = delete;
  Compilation& operator=(const Compilation&) = delete;

  const CompilationOptions& options() const { return options_; }
  const SourceManager& sources() const { return sources_; }
  const std::filesystem::path& root() const { return root_; }

  // The project's own files and what they import, in a stable order.
  const std::vector<FileId>& userFiles();
  const std::vector<FileId>& stdlibFiles();
  const ast::SourceUnit* syntaxTree(FileId file);

  // The folder of the project (the first input, or the folder of a file).
  const std::filesystem::path& projectDir() const { return projectDir_; }

  // Binding, checking and evaluation of every (stage, region) target.
  const sema::Analysis& analysis();
  // Bytes of the project's own files (the standard library's left out).
  std::size_t userSourceBytes();
  // The evaluated stacks, one per target.
  const std::vector<model::Stack>& stacks() { return analysis().stacks; }

  // CloudFormation's resource specification: the embedded one, or
  // resources.spec of --stdlib (null when that folder has none). Types are
  // read from it on first use only.
  const cfnspec::ResourceSpec* resourceSpec();

  // Every diagnostic (loading, parsing, analysis), sorted by position.
  Diagnostics diagnostics();
  const StageTimes& times() const { return times_; }
  // The function models this compilation kept for the next one, moved out
  // of its stacks (null without CompilationOptions::recordModels): the last
  // use of the models before the compilation goes.
  std::shared_ptr<sema::ModelMemo> takeModelMemo();

 private:
  struct ParsedFile;
  void load();
  // Reads a file unless it leads outside `boundary` or is not a regular
  // file (both reported, nothing of it kept); `added` when it is new.
  std::optional<FileId> addFile(const std::filesystem::path& path, Span requestedAt, const FileBoundary& boundary,
                                bool& added);
  // The same for a path whose links are resolved already (`resolved`).
  std::optional<FileId> addResolvedFile(const std::filesystem::path& path, const std::filesystem::path& resolved,
                                        Span requestedAt, const FileBoundary& boundary, bool& added);
  // displayPath(path), the working directory resolved once per compilation
  // (the language server loads a hundred files on every edit).
  std::string display(const std::filesystem::path& path);
  // Takes the file's tree from the parse cache when it holds the same text.
  bool reuseParsed(FileId file);
  void keepParsed(FileId file, std::shared_ptr<const ast::SourceUnit> unit, Diagnostics diagnostics,
                  std::shared_ptr<const syntax::ParsedItems> items = nullptr);
  // The file is embeddedStdlib()[embeddedIndex], whose tree is precompiled.
  void parseEmbedded(FileId file, std::size_t embeddedIndex);
  // Parses files not parsed yet, on up to options_.jobs threads.
  void parseFiles(const std::vector<FileId>& files);
  void followImports(FileId file, std::vector<FileId>& queue);
  void reportImportCycles();

  CompilationOptions options_;
  std::filesystem::path root_, projectDir_;
  FileBoundary workspace_;  // root_: sources must resolve inside it
  std::unique_ptr<sema::Analysis> analysis_;
  std::unique_ptr<cfnspec::ResourceSpec> resourceSpec_;
  bool resourceSpecLoaded_ = false;
  SourceManager sources_;
  bool loaded_ = false;
  std::vector<FileId> userFiles_, stdlibFiles_;
  std::vector<std::unique_ptr<ParsedFile>> parsed_;  // by FileId
  // Import edges: from a file to the files one of its imports added.
  struct ImportEdge {
    FileId to;
    Span at;
  };
  std::map<FileId, std::vector<ImportEdge>> imports_;
  Diagnostics loadDiagnostics_;
  std::optional<std::filesystem::path> workingFolder_;  // resolved, on first use
  StageTimes times_;
};

}  // namespace jaws
