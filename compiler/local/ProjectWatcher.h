#pragma once
// Watches the project for edits (libuv file-system events, inotify on Linux):
// every folder under the project folder, less what no handler or .jaws file
// lives in (hidden folders, node_modules, __pycache__, build output), plus the
// folders of imported .jaws files. Changes arrive together once the files
// have been quiet for a moment, as an editor's save is several events.
#include <filesystem>
#include <functional>
#include <memory>
#include <set>
#include <vector>

#include "local/EventLoop.h"

namespace jaws::local {

using ChangeHandler = std::function<void(const std::set<std::filesystem::path>& changed)>;

class ProjectWatcher {
 public:
  // `onChange` runs on the loop thread: it must hand heavy work elsewhere.
  ProjectWatcher(EventLoop& loop, ChangeHandler onChange);
  ~ProjectWatcher();  // stops every watch
  ProjectWatcher(const ProjectWatcher&) = delete;
  ProjectWatcher& operator=(const ProjectWatcher&) = delete;

  // Watches `projectDir` (recursively) and the folders of `extraFiles`; a
  // later call replaces the set. `ignored` folders (the build output) are skipped.
  void watch(const std::filesystem::path& projectDir, const std::vector<std::filesystem::path>& extraFiles,
             const std::vector<std::filesystem::path>& ignored);

  // Whether a changed file can matter: not a hidden, compiled or swap file.
  static bool relevant(const std::filesystem::path& file);

  struct State;  // the loop-side state (ProjectWatcher.cpp)

 private:
  EventLoop& loop_;
  std::shared_ptr<State> state_;
};

}  // namespace jaws::local
