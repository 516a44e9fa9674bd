// A function's `source` folder and handler module stay inside the project
// folder (JW9009), as written and after resolving links, and the module
// stays inside its source folder, the root of the code package. Nothing
// outside the project may reach a package (docs/security.md). Runs once
// over every stack; each (source, handler) is checked once.
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <tuple>

#include "diag/Builders.h"
#include "sema/rules/RuleContext.h"
#include "source/FileAccess.h"
#include "stubs/StubLayout.h"

namespace jaws::sema {

namespace {

namespace fs = std::filesystem;

// `..` above the start, or absolute: leaves whatever folder it is relative to.
bool leavesLexically(const std::string& path) {
  if (fs::path(path).is_absolute()) return true;
  const std::string normal = fs::path(path.empty() ? "." : path).lexically_normal().generic_string();
  return normal == ".." || normal.rfind("../", 0) == 0;
}

// leavesLexically, answered once per path: every function of every target
// names its source folder and module, and most share them.
class LexicalPaths {
 public:
  bool leaves(const std::string& path) {
    auto [it, inserted] = known_.try_emplace(path, false);
    if (inserted) it->second = leavesLexically(path);
    return it->second;
  }

 private:
  std::unordered_map<std::string_view, bool> known_;  // views of the stacks' strings
};

// Where project-relative paths lead, each folder resolved once: the language
// server runs this on every edit.
class ProjectLinks {
 public:
  explicit ProjectLinks(const fs::path& projectDir) : project_(projectDir) {}

  bool folderLeaves(const std::string& relative) {
    auto [it, inserted] = folders_.try_emplace(relative, false);
    if (inserted) it->second = !project_.inside(project_.root() / relative);
    return it->second;
  }

  // The handler's module leads outside through a link: its folder, or one of
  // the files that count as the module. Answered once per module: functions
  // share modules (a file of handlers), and each answer costs eight lstat
  // calls, most of them for files that do not exist (8,000 calls at N = 1,000
  // before, on every edit in the language server).
  bool moduleLeaves(const model::Function& f) {
    const std::string& module = relative_.of(f.source, f.handlerModule);
    if (module.empty()) return false;
    auto [it, inserted] = modules_.try_emplace(module, false);
    if (inserted) it->second = moduleFilesLeave(module);
    return it->second;
  }

 private:
  bool moduleFilesLeave(const std::string& module) {
    if (folderLeaves(fs::path(module).parent_path().generic_string())) return true;
    stubs::ModuleGroup group;
    group.module = module;
    for (stubs::Language language : {stubs::Language::Node, stubs::Language::Python}) {
      group.language = language;
      for (const std::string& candidate : group.existingPaths()) {
        std::error_code ec;
        const fs::path path = project_.root() / candidate;
        if (fs::is_symlink(fs::symlink_status(path, ec)) && !project_.inside(path)) return true;
      }
    }
    return false;
  }

  FileBoundary project_;
  std::map<std::string, bool> folders_;  // project-relative folder -> leads outside
  std::map<std::string, bool> modules_;  // project-relative module -> leads outside
  stubs::RelativeModules relative_;
};

}  // namespace

void checkProjectPaths(const Program& program, const std::vector<model::Stack>& stacks, const std::string& projectDir,
                       Diagnostics& out) {
  std::optional<ProjectLinks> links;
  if (!projectDir.empty()) links.emplace(fs::path(projectDir));
  std::set<std::string> sources;
  std::set<std::tuple<std::string, std::string, std::string>> handlers;  // function, source, module
  LexicalPaths lexical;
  for (const model::Stack& stack : stacks) {
    for (const model::Function& f : stack.functions) {
      if (lexical.leaves(f.source) || (links && links->folderLeaves(f.source))) {
        if (sources.insert(f.source).second) out.push_back(diag::PathOutsideProject(f.sourceSpan, "source folder", f.source));
        continue;
      }
      if (f.handlerModule.empty() || !handlers.emplace(f.name, f.source, f.handlerModule).second) continue;
      if (lexical.leaves(f.handlerModule) || (links && links->moduleLeaves(f))) {
        out.push_back(diag::PathOutsideProject(handlerSpan(program, f), "handler module", f.handlerModule));
      }
    }
  }
}

}  // namespace jaws::sema
