// The handler lint: the module a function's handler names exists under its
// `source` folder, goes into the code package, and exports the handler's
// function. The module layout and the export scan are the ones `jaws stubs`
// uses (stubs/StubLayout.h, stubs/StubExportScanner.h), and the package
// rules the packager's (source/PackageRules.h), so the lint, the stub
// generator and the zip agree on what exists. Each file is read once, through
// the project's boundary, however many stacks and functions point at it; the
// language server keeps what it found between checks while the file is
// unchanged (stubs/ExportScanCache.h).
#include <algorithm>
#include <filesystem>
#include <map>
#include <unordered_set>
#include <utility>

#include "diag/Builders.h"
#include "stubs/ExportScanCache.h"
#include "stubs/StubExportScanner.h"
#include "stubs/StubLayout.h"
#include "sema/rules/RuleContext.h"
#include "source/FileAccess.h"
#include "source/PackageRules.h"
#include "source/Workspace.h"

namespace jaws::sema {

namespace {

namespace fs = std::filesystem;

// "src/todos.js, .mjs, .cjs, .ts, .mts or .cts"; "src/todos/__init__.py or src/todos.py".
std::string triedPaths(const std::string& module, const std::vector<std::string>& paths) {
  const bool extensions = std::all_of(paths.begin(), paths.end(), [&](const std::string& p) {
    return p.size() > module.size() && p.compare(0, module.size(), module) == 0 && p[module.size()] == '.';
  });
  std::string out;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    if (i > 0) out += i + 1 == paths.size() ? " or " : ", ";
    out += extensions && i > 0 ? paths[i].substr(module.size()) : paths[i];
  }
  return out;
}

class HandlerFiles {
 public:
  HandlerFiles(const fs::path& projectDir, stubs::ExportScanCache* kept) : project_(projectDir), kept_(kept) {}

  struct Candidates {
    std::vector<std::string> paths;  // what counts as the module (ModuleGroup::existingPaths)
    std::string found;               // the first of them that exists, or empty
  };
  // The module's files, looked up once per module: functions share modules.
  const Candidates& existing(const stubs::ModuleGroup& group) {
    auto [it, inserted] = found_.try_emplace({group.module, group.language});
    if (!inserted) return it->second;
    it->second.paths = group.existingPaths();
    for (const auto& p : it->second.paths) {
      std::error_code ec;
      if (fs::is_regular_file(project_.root() / p, ec)) {
        it->second.found = p;
        break;
      }
    }
    return it->second;
  }

  const stubs::ExportScan& exports(const std::string& path, stubs::Language language) {
    auto it = scans_.find(path);
    if (it != scans_.end()) return it->second;
    stubs::ExportScan scan;
    if (kept_ != nullptr) {
      // Resolved on every check, so that a module leading outside is refused as it would be read.
      if (const auto resolved = project_.inside(project_.root() / path)) {
        scan = kept_->scan(*resolved, language, kMaxSourceBytes);
      } else {
        scan.open = true;
      }
      return scans_.emplace(path, std::move(scan)).first->second;
    }
    const FileRead read = project_.read(project_.root() / path, kMaxSourceBytes);
    if (!read.ok()) {
      scan.open = true;  // unreadable, or outside the project (JW9009): nothing to say about its exports
    } else {
      scan = language == stubs::Language::Node ? stubs::scanNodeExports(read.text) : stubs::scanPythonExports(read.text);
    }
    return scans_.emplace(path, std::move(scan)).first->second;
  }

  // What the package of `source` does with the project-relative `path`:
  // asked once per pair (functions share modules), since matching a path
  // against a package's patterns costs more than the lookup.
  PackageVerdict packaged(const std::string& source, const std::string& path) {
    auto [known, added] = verdicts_.try_emplace({source, path});
    if (added) known->second = matchPackage(source, path);
    return known->second;
  }

 private:
  PackageVerdict matchPackage(const std::string& source, const std::string& path) {
    auto it = rules_.find(source);
    if (it == rules_.end()) {
      PackageRules rules;
      if (auto folder = project_.inside(project_.root() / source)) rules = loadPackageRules(project_, *folder).rules;
      it = rules_.emplace(source, std::move(rules)).first;
    }
    const fs::path sourceFolder = fs::path(source.empty() ? "." : source).lexically_normal();
    return it->second.file(fs::path(path).lexically_relative(sourceFolder).generic_string());
  }

  FileBoundary project_;
  stubs::ExportScanCache* kept_;  // null: every module read and scanned
  std::map<std::pair<std::string, stubs::Language>, Candidates> found_;
  std::map<std::string, stubs::ExportScan> scans_;
  std::map<std::string, PackageRules> rules_;  // by source folder
  std::map<std::pair<std::string, std::string>, PackageVerdict> verdicts_;  // by (source, path); patterns point into rules_
};

}  // namespace

void checkHandlers(const Program& program, const std::vector<model::Stack>& stacks, const std::string& projectDir,
                   Diagnostics& out, stubs::ExportScanCache* scans) {
  if (projectDir.empty()) return;
  HandlerFiles files(projectDir, scans);
  // Function, module and export, joined by NULs (which none can hold): a
  // function is the same in most stacks, and is looked at once.
  std::unordered_set<std::string> reported;
  stubs::RelativeModules modules;
  for (const auto& stack : stacks) {
    for (const auto& f : stack.functions) {
      // Other runtimes (Java, .NET, custom) name their handlers differently.
      if (f.runtimeFamily != model::RuntimeFamily::Node && f.runtimeFamily != model::RuntimeFamily::Python) continue;
      stubs::ModuleGroup group;
      group.language = f.runtimeFamily == model::RuntimeFamily::Node ? stubs::Language::Node : stubs::Language::Python;
      group.module = modules.of(f.source, f.handlerModule);
      if (group.module.empty()) continue;
      std::string key = f.name;
      key.append(1, '\0').append(group.module).append(1, '\0').append(f.handlerExport);
      if (!reported.insert(std::move(key)).second) continue;
      const auto& [paths, found] = files.existing(group);
      if (found.empty()) {
        out.push_back(diag::HandlerModuleNotFound(handlerSpan(program, f), group.module, triedPaths(group.module, paths))
                          .withHelp(note::RunJawsStubs()));
      } else if (const PackageVerdict verdict = files.packaged(f.source, found);
                 verdict.kind == PackageVerdict::Kind::Excluded && verdict.pattern != nullptr) {
        out.push_back(diag::HandlerNotPackaged(handlerSpan(program, f), found, verdict.pattern->text)
                          .withHelp(note::TakeBack(verdict.pattern->text)));
      } else if (!files.exports(found, group.language).exports(f.handlerExport)) {
        out.push_back(diag::HandlerExportNotFound(handlerSpan(program, f), f.handlerExport, found));
      }
    }
  }
  if (scans != nullptr) scans->retainScanned();
}

}  // namespace jaws::sema
