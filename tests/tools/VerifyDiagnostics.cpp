// jaws_verify: runs the inline-expectation tests (see tests/support/Expectations.h).
//
//   jaws_verify [PATH]...
//
// A PATH that is a .jaws file is one project. A folder is a suite: every
// .jaws file directly in it is a project of its own, and every sub-folder is
// one project made of its files (for imports and multi-file programs).
// Folders and files are discovered at run time, so a new test file needs no
// build change. Exit 0 when every expectation holds, 1 otherwise.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <vector>

#include "support/Expectations.h"

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> projectsIn(const fs::path& suite) {
  std::vector<fs::path> projects;
  for (const auto& entry : fs::directory_iterator(suite)) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || name.front() == '.') continue;
    if (entry.is_directory() || entry.path().extension() == ".jaws") projects.push_back(entry.path());
  }
  std::sort(projects.begin(), projects.end());
  return projects;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<fs::path> projects;
  for (int i = 1; i < argc; ++i) {
    const fs::path path = argv[i];
    if (fs::is_directory(path)) {
      const auto found = projectsIn(path);
      projects.insert(projects.end(), found.begin(), found.end());
    } else if (fs::exists(path)) {
      projects.push_back(path);
    } else {
      std::cerr << path.generic_string() << ": no such file or folder\n";
      return 2;
    }
  }
  if (projects.empty()) {
    std::cerr << "usage: jaws_verify FILE_OR_FOLDER...\n";
    return 2;
  }
  std::size_t failed = 0, expectations = 0;
  for (const fs::path& project : projects) {
    const jaws::test::VerifyResult result = jaws::test::verifyProject(project);
    expectations += result.expectations;
    if (result.failures.empty()) continue;
    ++failed;
    std::cout << "FAIL " << project.generic_string() << "\n";
    for (const auto& failure : result.failures) std::cout << "  " << failure << "\n";
  }
  std::cout << projects.size() - failed << " of " << projects.size() << " projects pass (" << expectations
            << " expectations)\n";
  return failed == 0 ? 0 : 1;
}
