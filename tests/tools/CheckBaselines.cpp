// jaws_baselines: golden files for every example and every invalid sample.
//
//   jaws_baselines            (run from the repository root)
//
// Projects are discovered at run time: every folder under examples/ (hidden
// ones such as examples/.shared are imported, not projects), and every .jaws
// file or folder under tests/invalid/. For each, tests/baselines/<kind>/<name>/
// holds the AST dump of each of its files (`<file>.ast`) and the diagnostics
// as `jaws check` prints them (`diagnostics.txt`); paths are relative to the
// repository root. Compared byte for byte; with JAWS_UPDATE_BASELINES=1 the
// files are rewritten and stale ones removed.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <set>
#include <vector>

#include "support/Baseline.h"
#include "diag/Renderers.h"
#include "driver/Compilation.h"
#include "syntax/AstDump.h"

namespace fs = std::filesystem;
using namespace jaws;

namespace {

struct Project {
  std::string kind;  // "examples" or "invalid"
  std::string name;
  fs::path input;  // a folder or a file, relative to the repository root
};

std::vector<Project> discover() {
  std::vector<Project> projects;
  auto scan = [&](const fs::path& folder, const std::string& kind, bool filesToo) {
    if (!fs::is_directory(folder)) return;
    for (const auto& entry : fs::directory_iterator(folder)) {
      const std::string name = entry.path().filename().string();
      if (name.empty() || name.front() == '.') continue;
      if (entry.is_directory()) {
        projects.push_back({kind, name, entry.path()});
      } else if (filesToo && entry.path().extension() == ".jaws") {
        projects.push_back({kind, entry.path().stem().string(), entry.path()});
      }
    }
  };
  scan("examples", "examples", false);
  scan("tests/invalid", "invalid", true);
  std::sort(projects.begin(), projects.end(),
            [](const Project& a, const Project& b) { return std::tie(a.kind, a.name) < std::tie(b.kind, b.name); });
  return projects;
}

// Where the AST of `file` goes: its path inside the project folder, or, for a
// file imported from outside it, under _imports/ by its repository path.
fs::path astBaselineName(const Project& project, const fs::path& file) {
  const fs::path root = fs::current_path();
  const fs::path folder = fs::is_directory(project.input) ? fs::absolute(project.input) : fs::absolute(project.input).parent_path();
  fs::path relative = fs::weakly_canonical(file).lexically_relative(fs::weakly_canonical(folder));
  if (relative.empty() || *relative.begin() == "..") {
    relative = fs::path("_imports") / fs::weakly_canonical(file).lexically_relative(fs::weakly_canonical(root));
  }
  return relative.concat(".ast");
}

// Checks (or writes) every baseline of one project; returns the failures.
std::vector<std::string> checkProject(const Project& project, std::set<fs::path>& produced) {
  CompilationOptions options;
  options.inputs.push_back(project.input);
  Compilation compilation(std::move(options));
  const Diagnostics diagnostics = compilation.diagnostics();
  const fs::path dir = fs::path("tests/baselines") / project.kind / project.name;
  std::vector<std::string> failures;
  auto check = [&](const fs::path& baseline, const std::string& actual) {
    produced.insert(baseline);
    if (auto failure = test::checkBaseline(baseline, actual)) failures.push_back(*failure);
  };
  for (FileId id : compilation.userFiles()) {
    const SourceFile& file = compilation.sources().file(id);
    const ast::SourceUnit* unit = compilation.syntaxTree(id);
    if (unit == nullptr) continue;
    check(dir / astBaselineName(project, compilation.sources().key(id)), ast::dump(*unit, file));
  }
  const DiagnosticReport report{&diagnostics, &compilation.sources()};
  check(dir / "diagnostics.txt", renderText({&report, 1}));
  return failures;
}

// Baseline files no project produces any more: an error, or removed when updating.
std::vector<std::string> staleFiles(const std::set<fs::path>& produced) {
  std::vector<std::string> failures;
  for (const char* kind : {"examples", "invalid"}) {
    const fs::path dir = fs::path("tests/baselines") / kind;
    if (!fs::is_directory(dir)) continue;
    std::vector<fs::path> stale;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
      if (entry.is_regular_file() && !produced.count(entry.path().lexically_normal())) stale.push_back(entry.path());
    }
    for (const fs::path& path : stale) {
      if (test::updatingBaselines()) {
        fs::remove(path);
      } else {
        failures.push_back(path.generic_string() + ": stale baseline (no example or invalid sample produces it); "
                           "run with JAWS_UPDATE_BASELINES=1 to remove it\n");
      }
    }
    if (test::updatingBaselines()) {
      // Remove folders left empty.
      std::vector<fs::path> folders;
      for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        if (entry.is_directory()) folders.push_back(entry.path());
      }
      std::sort(folders.rbegin(), folders.rend());
      for (const fs::path& folder : folders) {
        if (fs::is_empty(folder)) fs::remove(folder);
      }
    }
  }
  return failures;
}

}  // namespace

int main() {
  if (!fs::is_directory("tests/baselines") && !test::updatingBaselines()) {
    std::cerr << "jaws_baselines: run me from the repository root (tests/baselines/ not found)\n";
    return 2;
  }
  const std::vector<Project> projects = discover();
  std::set<fs::path> produced;
  std::size_t failed = 0;
  for (const Project& project : projects) {
    const auto failures = checkProject(project, produced);
    if (failures.empty()) continue;
    ++failed;
    std::cout << "FAIL " << project.kind << "/" << project.name << " (" << project.input.generic_string() << ")\n";
    for (const auto& failure : failures) std::cout << failure;
  }
  std::set<fs::path> normal;
  for (const auto& path : produced) normal.insert(path.lexically_normal());
  const auto stale = staleFiles(normal);
  for (const auto& failure : stale) std::cout << failure;
  std::cout << projects.size() - failed << " of " << projects.size() << " projects match their baselines"
            << (test::updatingBaselines() ? " (baselines updated)" : "") << "\n";
  return failed == 0 && stale.empty() ? 0 : 1;
}
