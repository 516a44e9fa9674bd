#include "driver/Compilation.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "cfnspec/ResourceSpec.h"
#include "diag/Builders.h"
#include "diag/Ordering.h"
#include "driver/ReadFailure.h"
#include "sema/ModelReuse.h"
#include "source/FileAccess.h"
#include "source/ParallelFor.h"
#include "source/Workspace.h"
#include "stdlib/EmbeddedStdlib.h"
#include "stdlib/PrecompiledStdlib.h"
#include "syntax/Parser.h"

namespace jaws {

namespace {

using Clock = std::chrono::steady_clock;

// Where imports may reach: the folder that holds the project.
fs::path defaultRoot(const std::vector<fs::path>& inputs) {
  if (inputs.empty()) return normalPath(".");
  std::error_code ec;
  const fs::path first = normalPath(inputs.front());
  const fs::path projectFolder = fs::is_directory(first, ec) ? first : first.parent_path();
  return projectFolder.has_parent_path() ? projectFolder.parent_path() : projectFolder;
}

// The resource specification of a --stdlib folder, when it has one.
std::optional<std::string> readResourceSpec(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return std::move(text).str();
}

}  // namespace

struct Compilation::ParsedFile {
  std::shared_ptr<const ast::SourceUnit> unit;
  Diagnostics diagnostics;
};

std::shared_ptr<const ParseCache::Entry> ParseCache::find(const std::string& key, FileId file, std::string_view text) const {
  auto it = entries_.find(key);
  if (it == entries_.end() || it->second->file != file || it->second->text != text) return nullptr;
  return it->second;
}

std::shared_ptr<const ParseCache::Entry> ParseCache::last(const std::string& key) const {
  auto it = entries_.find(key);
  return it == entries_.end() ? nullptr : it->second;
}

void ParseCache::store(const std::string& key, std::shared_ptr<const Entry> entry) { entries_[key] = std::move(entry); }

void ParseCache::retain(const std::vector<std::string>& keys) {
  std::map<std::string, std::shared_ptr<const Entry>, std::less<>> kept;
  for (const std::string& key : keys) {
    if (auto it = entries_.find(key); it != entries_.end()) kept.emplace(key, std::move(it->second));
  }
  entries_ = std::move(kept);
}

Compilation::Compilation(CompilationOptions options)
    : options_(std::move(options)),
      root_(options_.root ? normalPath(*options_.root) : defaultRoot(options_.inputs)),
      workspace_(root_) {
  if (!options_.inputs.empty()) {
    std::error_code ec;
    const fs::path first = normalPath(options_.inputs.front());
    projectDir_ = fs::is_directory(first, ec) ? first : first.parent_path();
  }
}

Compilation::~Compilation() = default;

const std::vector<FileId>& Compilation::userFiles() {
  load();
  return userFiles_;
}

const std::vector<FileId>& Compilation::stdlibFiles() {
  load();
  return stdlibFiles_;
}

const ast::SourceUnit* Compilation::syntaxTree(FileId file) {
  load();
  if (file >= parsed_.size() || !parsed_[file]) return nullptr;
  return parsed_[file]->unit.get();
}

std::string Compilation::display(const fs::path& path) {
  if (!workingFolder_) workingFolder_ = resolvedWorkingFolder();
  return displayPath(path, *workingFolder_);
}

std::optional<FileId> Compilation::addFile(const fs::path& path, Span requestedAt, const FileBoundary& boundary,
                                           bool& added) {
  return addResolvedFile(path, resolveLinks(path), requestedAt, boundary, added);
}

std::optional<FileId> Compilation::addResolvedFile(const fs::path& path, const fs::path& resolved, Span requestedAt,
                                                   const FileBoundary& boundary, bool& added) {
  added = false;
  const std::string key = resolved.generic_string();
  if (auto existing = sources_.lookup(key)) return existing;  // a file imported twice is read once
  // Judged by where it leads, before anything is read: nothing of a refused
  // file enters the source manager, so no snippet of it can be shown.
  if (!boundary.contains(resolved)) {
    const FileRead refused{FileStatus::Outside, "", resolved, "", 0};
    loadDiagnostics_.push_back(readFailure(requestedAt, display(path), refused, boundary.root()));
    return std::nullopt;
  }
  std::string text;
  if (auto overlay = options_.overlays.find(resolved); overlay != options_.overlays.end()) {
    text = overlay->second;
  } else {
    FileRead read = options_.diskTexts ? options_.diskTexts->read(resolved, kMaxSourceBytes)
                                       : readResolvedFile(resolved, kMaxSourceBytes);
    if (read.status == FileStatus::TooLarge) {
      const FileId id = sources_.add(key, display(resolved), "");
      loadDiagnostics_.push_back(
          diag::FileTooLarge(Span{id, 0, 0}, std::to_string(read.size), std::to_string(kMaxSourceBytes)));
      return std::nullopt;
    }
    if (!read.ok()) {
      loadDiagnostics_.push_back(readFailure(requestedAt, display(path), read, boundary.root()));
      return std::nullopt;
    }
    text = std::move(read.text);
  }
  added = true;
  return sources_.add(key, display(resolved), std::move(text));
}

bool Compilation::reuseParsed(FileId file) {
  if (parsed_.size() <= file) parsed_.resize(file + 1);
  const ParseCache* cache = options_.parseCache.get();
  auto hit = cache ? cache->find(sources_.key(file), file, sources_.file(file).text()) : nullptr;
  if (!hit) return false;
  ++times_.filesFromCache;
  parsed_[file] = std::make_unique<ParsedFile>(ParsedFile{hit->unit, hit->diagnostics});
  return true;
}

void Compilation::keepParsed(FileId file, std::shared_ptr<const ast::SourceUnit> unit, Diagnostics diagnostics,
                             std::shared_ptr<const syntax::ParsedItems> items) {
  parsed_[file] = std::make_unique<ParsedFile>(ParsedFile{std::move(unit), std::move(diagnostics)});
  if (ParseCache* cache = options_.parseCache.get()) {
    cache->store(sources_.key(file), std::make_shared<const ParseCache::Entry>(ParseCache::Entry{
                                         file, std::string(sources_.file(file).text()), parsed_[file]->unit,
                                         parsed_[file]->diagnostics, std::move(items)}));
  }
}

void Compilation::parseEmbedded(FileId file, std::size_t embeddedIndex) {
  if (reuseParsed(file)) return;
  const auto start = Clock::now();
  std::shared_ptr<const ast::SourceUnit> unit = precompiledStdlibTree(embeddedIndex, file);
  times_.parse += Clock::now() - start;
  if (unit) {
    keepParsed(file, std::move(unit), {});
  } else {
    parseFiles({file});
  }
}

void Compilation::parseFiles(const std::vector<FileId>& files) {
  std::vector<FileId> unparsed;
  for (FileId file : files) {
    if (!reuseParsed(file)) unparsed.push_back(file);
  }
  // Files parse independently: several at a time, then kept in order. With a
  // cache (the language server), each parse keeps its items, and takes from
  // the file's last parse those an edit did not reach.
  std::vector<syntax::ParseResult> results(unparsed.size());
  std::vector<std::shared_ptr<const ParseCache::Entry>> before(unparsed.size());
  if (const ParseCache* cache = options_.parseCache.get()) {
    for (std::size_t i = 0; i < unparsed.size(); ++i) before[i] = cache->last(sources_.key(unparsed[i]));
  }
  const auto start = Clock::now();
  std::size_t bytes = 0, largest = 0;
  for (FileId file : unparsed) {
    bytes += sources_.file(file).size();
    largest = std::max<std::size_t>(largest, sources_.file(file).size());
  }
  // One file that holds most of the source would parse on one core alone:
  // its second half is parsed on a helper thread instead (ParseOptions::
  // mayUseHelperThread), and the files one after the other, so that this
  // helper is the only thread started, the one later work is lent. (A third
  // thread would keep memory of its own that no other thread reuses.) Not
  // with a cache: the language server keeps each file's items.
  const bool splitLargest = options_.parseCache == nullptr && threadsFor(options_.jobs, 2, largest) > 1 && 2 * largest >= bytes;
  const unsigned threads = splitLargest ? 1 : threadsFor(options_.jobs, unparsed.size(), bytes);
  parallelFor(unparsed.size(), threads, [&](std::size_t i, unsigned) {
    syntax::ParseOptions parseOptions;
    parseOptions.keepItems = options_.parseCache != nullptr;
    parseOptions.previous = before[i] ? before[i]->items.get() : nullptr;
    parseOptions.mayUseHelperThread = splitLargest && sources_.file(unparsed[i]).size() == largest;
    results[i] = syntax::parse(sources_.file(unparsed[i]), parseOptions);
  });
  times_.parse += Clock::now() - start;
  for (std::size_t i = 0; i < unparsed.size(); ++i) {
    ++times_.filesParsed;
    times_.bytesParsed += sources_.file(unparsed[i]).size();
    times_.fullLLReparses += results[i].usedFullLL;
    keepParsed(unparsed[i], std::move(results[i].unit), std::move(results[i].diagnostics), std::move(results[i].items));
  }
}

void Compilation::followImports(FileId file, std::vector<FileId>& queue) {
  const fs::path importing(sources_.key(file));
  for (const auto& import : parsed_[file]->unit->imports) {
    if (import.interpolated) continue;
    ImportTarget target = resolveImport(importing, import.path, root_);
    switch (target.kind) {
      case ImportTarget::Kind::OutsideRoot:
        loadDiagnostics_.push_back(diag::ImportOutsideRoot(import.pathSpan, import.path, display(root_)));
        continue;
      case ImportTarget::Kind::NotFound: loadDiagnostics_.push_back(diag::ImportNotFound(import.pathSpan, import.path)); continue;
      case ImportTarget::Kind::NotJaws: loadDiagnostics_.push_back(diag::ImportNotJaws(import.pathSpan, import.path)); continue;
      case ImportTarget::Kind::EmptyFolder:
        loadDiagnostics_.push_back(diag::ImportFolderEmpty(import.pathSpan, import.path));
        continue;
      case ImportTarget::Kind::File:
      case ImportTarget::Kind::Folder: break;
    }
    for (const fs::path& path : target.files) {
      // A folder import that holds the importing file does not import it again.
      // A folder's entries are resolved below the folder, which is resolved.
      const fs::path resolved =
          target.kind == ImportTarget::Kind::Folder ? resolveEntry(target.resolved, path.filename()) : resolveLinks(path);
      if (target.kind == ImportTarget::Kind::Folder && resolved.generic_string() == sources_.key(file)) continue;
      bool added = false;
      auto id = addResolvedFile(path, resolved, import.pathSpan, workspace_, added);
      if (!id) continue;
      imports_[file].push_back(ImportEdge{*id, import.pathSpan});
      if (added) {
        userFiles_.push_back(*id);
        queue.push_back(*id);
      }
    }
  }
}

void Compilation::load() {
  if (loaded_) return;
  loaded_ = true;
  const auto start = Clock::now();
  std::vector<FileId> queue;
  for (const fs::path& input : options_.inputs) {
    const fs::path normal = normalPath(input);
    std::error_code ec;
    if (fs::is_directory(normal, ec)) {
      const auto files = listJawsFiles(normal);
      if (files.empty()) loadDiagnostics_.push_back(diag::NoSourceFiles(Span{}, display(normal)));
      for (const fs::path& file : files) {
        bool added = false;
        // `normal` is resolved: only the entry itself may be a link.
        if (auto id = addResolvedFile(file, resolveEntry(normal, file.filename()), Span{}, workspace_, added); id && added) {
          userFiles_.push_back(*id);
          queue.push_back(*id);
        }
      }
    } else {
      bool added = false;
      if (auto id = addFile(input, Span{}, workspace_, added); id && added) {
        userFiles_.push_back(*id);
        queue.push_back(*id);
      }
    }
  }
  // The standard library: embedded, or read from --stdlib.
  if (options_.stdlibDir) {
    const FileBoundary stdlib(*options_.stdlibDir);
    for (const fs::path& file : listJawsFiles(*options_.stdlibDir)) {
      bool added = false;
      if (auto id = addFile(file, Span{}, stdlib, added); id && added) stdlibFiles_.push_back(*id);
    }
  } else {
    for (const EmbeddedFile& file : embeddedStdlib()) {
      stdlibFiles_.push_back(
          sources_.add("<stdlib>/" + std::string(file.name), "<stdlib>/" + std::string(file.name), std::string(file.text)));
    }
  }
  times_.load += Clock::now() - start;
  if (options_.stdlibDir) {
    parseFiles(stdlibFiles_);
  } else {
    for (std::size_t i = 0; i < stdlibFiles_.size(); ++i) parseEmbedded(stdlibFiles_[i], i);
  }
  // Breadth-first over imports, each file parsed once: the files found so far
  // are parsed together, then their imports followed one file after the
  // other, so file ids and every order are those of one file at a time.
  for (std::size_t next = 0; next < queue.size();) {
    const std::vector<FileId> found(queue.begin() + static_cast<std::ptrdiff_t>(next), queue.end());
    parseFiles(found);
    for (FileId file : found) followImports(file, queue);
    next += found.size();
  }
  reportImportCycles();
}

void Compilation::reportImportCycles() {
  // Iterative depth-first search (import chains of generated projects can be
  // long); a back edge closes a cycle, reported at that import.
  enum class Mark : std::uint8_t { New, Active, Done };
  std::vector<Mark> mark(sources_.size(), Mark::New);
  std::vector<FileId> roots(userFiles_.begin(), userFiles_.end());
  for (FileId start : roots) {
    if (mark[start] != Mark::New) continue;
    struct Frame {
      FileId file;
      std::size_t next;
    };
    std::vector<Frame> stack{{start, 0}};
    mark[start] = Mark::Active;
    while (!stack.empty()) {
      Frame& top = stack.back();
      const auto& edges = imports_[top.file];
      if (top.next == edges.size()) {
        mark[top.file] = Mark::Done;
        stack.pop_back();
        continue;
      }
      const ImportEdge edge = edges[top.next++];
      if (mark[edge.to] == Mark::New) {
        mark[edge.to] = Mark::Active;
        stack.push_back({edge.to, 0});
      } else if (mark[edge.to] == Mark::Active) {
        std::string cycle;
        auto it = std::find_if(stack.begin(), stack.end(), [&](const Frame& f) { return f.file == edge.to; });
        for (; it != stack.end(); ++it) cycle += sources_.file(it->file).path() + " -> ";
        cycle += sources_.file(edge.to).path();
        loadDiagnostics_.push_back(diag::ImportCycle(edge.at, cycle));
      }
    }
  }
}

std::size_t Compilation::userSourceBytes() {
  load();
  std::size_t bytes = 0;
  for (FileId file : userFiles_) bytes += sources_.file(file).size();
  return bytes;
}

std::shared_ptr<sema::ModelMemo> Compilation::takeModelMemo() {
  if (!analysis_ || !analysis_->models) return nullptr;
  sema::handOverModels(*analysis_->models, analysis_->stacks, analysis_->targets);
  return std::move(analysis_->models);
}

const sema::Analysis& Compilation::analysis() {
  load();
  if (analysis_) return *analysis_;
  std::vector<const ast::SourceUnit*> user, stdlib;
  sema::AnalysisOptions options;
  // Every load diagnostic but a cycle means a file of the program is missing.
  options.programIncomplete = std::any_of(loadDiagnostics_.begin(), loadDiagnostics_.end(),
                                          [](const Diagnostic& d) { return d.code != DiagCode::JW2001; });
  for (FileId file : userFiles_) {
    if (const ast::SourceUnit* unit = syntaxTree(file)) {
      user.push_back(unit);
      options.programIncomplete = options.programIncomplete || !unit->complete;
    }
  }
  for (FileId file : stdlibFiles_) {
    if (const ast::SourceUnit* unit = syntaxTree(file)) stdlib.push_back(unit);
  }
  options.stage = options_.stage;
  options.region = options_.region;
  options.projectDir = projectDir_.generic_string();
  options.sources = &sources_;
  options.resourceSpec = resourceSpec();
  options.jobs = options_.jobs;
  options.sourceBytes = userSourceBytes();
  options.keepModels = options_.keepModels;
  options.templateReuse = options_.templateReuse.get();
  options.previousModels = options_.previousModels.get();
  options.recordModels = options_.recordModels;
  options.handlerScans = options_.handlerScans.get();
  analysis_ = std::make_unique<sema::Analysis>(sema::analyze(user, stdlib, options));
  options_.previousModels.reset();  // what was not taken goes now, not with this compilation
  times_.bind = analysis_->times.bind;
  times_.evaluate = analysis_->times.evaluate;
  times_.rules = analysis_->times.rules;
  return *analysis_;
}

const cfnspec::ResourceSpec* Compilation::resourceSpec() {
  // The embedded copy is shared by every compilation of the process, so the
  // language server parses a type's record once, not on every keystroke.
  if (!options_.stdlibDir) return &cfnspec::ResourceSpec::shared();
  if (resourceSpecLoaded_) return resourceSpec_.get();
  resourceSpecLoaded_ = true;
  if (auto text = readResourceSpec(*options_.stdlibDir / "resources.spec")) {
    resourceSpec_ = std::make_unique<cfnspec::ResourceSpec>(std::move(*text));
  }
  if (resourceSpec_ && !resourceSpec_->valid()) resourceSpec_.reset();
  return resourceSpec_.get();
}

Diagnostics Compilation::diagnostics() {
  load();
  Diagnostics all = loadDiagnostics_;
  const sema::Analysis& semantic = analysis();
  all.insert(all.end(), semantic.diagnostics.begin(), semantic.diagnostics.end());
  for (const auto& parsed : parsed_) {
    if (parsed) all.insert(all.end(), parsed->diagnostics.begin(), parsed->diagnostics.end());
  }
  sortAndDeduplicate(all, sources_);
  return all;
}

}  // namespace jaws
