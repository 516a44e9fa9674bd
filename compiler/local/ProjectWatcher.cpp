#include "local/ProjectWatcher.h"

#include <uv.h>

#include <map>

namespace jaws::local {

namespace fs = std::filesystem;

namespace {

// Quiet time before a batch of changes is handed over.
constexpr std::uint64_t kSettleMillis = 60;
// No project needs more; a folder past this is not watched.
constexpr std::size_t kMaxFolders = 4096;

bool skippedFolder(const fs::path& folder) {
  const std::string name = folder.filename().string();
  return (!name.empty() && name[0] == '.') || name == "node_modules" || name == "__pycache__" || name == "build";
}

}  // namespace


namespace {

struct WatchContext {
  std::weak_ptr<ProjectWatcher::State> state;
  fs::path folder;
};

void closeWatch(uv_fs_event_t* handle) {
  uv_fs_event_stop(handle);
  uv_close(reinterpret_cast<uv_handle_t*>(handle), [](uv_handle_t* h) {
    delete static_cast<WatchContext*>(h->data);
    delete reinterpret_cast<uv_fs_event_t*>(h);
  });
}

}  // namespace

struct ProjectWatcher::State {
  ChangeHandler onChange;
  uv_loop_t* loop = nullptr;
  uv_timer_t* settle = nullptr;
  std::map<fs::path, uv_fs_event_t*> watches;
  std::set<fs::path> pending;
  fs::path projectDir;
  std::vector<fs::path> extraFiles, ignored;
  bool stopped = false;

  bool isIgnored(const fs::path& folder) const {
    for (const auto& ignore : ignored) {
      if (folder == ignore) return true;
    }
    return false;
  }

  std::set<fs::path> folders() const {
    std::set<fs::path> out;
    std::error_code ec;
    if (fs::is_directory(projectDir, ec)) {
      out.insert(projectDir);
      for (auto it = fs::recursive_directory_iterator(projectDir, fs::directory_options::skip_permission_denied, ec);
           it != fs::recursive_directory_iterator() && out.size() < kMaxFolders; it.increment(ec)) {
        if (ec) break;
        if (!it->is_directory(ec) || it->is_symlink(ec)) continue;
        if (skippedFolder(it->path()) || isIgnored(it->path())) {
          it.disable_recursion_pending();
          continue;
        }
        out.insert(it->path());
      }
    }
    for (const auto& file : extraFiles) out.insert(file.parent_path());
    return out;
  }

  // Brings the watched set up to date with the folders on disk.
  void refresh(std::shared_ptr<State> self) {
    if (stopped) return;
    const std::set<fs::path> wanted = folders();
    for (auto it = watches.begin(); it != watches.end();) {
      if (wanted.count(it->first)) {
        ++it;
        continue;
      }
      closeWatch(it->second);
      it = watches.erase(it);
    }
    for (const fs::path& folder : wanted) {
      if (watches.count(folder)) continue;
      auto* handle = new uv_fs_event_t;
      uv_fs_event_init(loop, handle);
      handle->data = new WatchContext{self, folder};
      const int error = uv_fs_event_start(
          handle,
          [](uv_fs_event_t* h, const char* name, int, int) {
            auto* context = static_cast<WatchContext*>(h->data);
            auto state = context->state.lock();
            if (!state || state->stopped) return;
            state->pending.insert(name ? context->folder / name : context->folder);
            uv_timer_start(state->settle, [](uv_timer_t* t) { static_cast<State*>(t->data)->flush(); }, kSettleMillis, 0);
          },
          folder.c_str(), 0);
      if (error != 0) {
        closeWatch(handle);
        continue;
      }
      watches[folder] = handle;
    }
  }

  void flush() {
    std::set<fs::path> changed;
    changed.swap(pending);
    std::set<fs::path> relevantChanges;
    for (const auto& path : changed) {
      if (relevant(path)) relevantChanges.insert(path);
    }
    // New or removed folders change the watched set.
    if (self_) refresh(self_);
    if (!relevantChanges.empty() && onChange) onChange(relevantChanges);
  }

  std::shared_ptr<State> self_;  // set while watching; cleared on stop
};

ProjectWatcher::ProjectWatcher(EventLoop& loop, ChangeHandler onChange) : loop_(loop), state_(std::make_shared<State>()) {
  state_->onChange = std::move(onChange);
  loop_.run([state = state_](uv_loop_s* loop) {
    state->loop = loop;
    state->settle = new uv_timer_t;
    uv_timer_init(loop, state->settle);
    state->settle->data = state.get();
  });
}

ProjectWatcher::~ProjectWatcher() {
  loop_.run([state = state_](uv_loop_s*) {
    state->stopped = true;
    for (auto& [folder, handle] : state->watches) closeWatch(handle);
    state->watches.clear();
    uv_timer_stop(state->settle);
    uv_close(reinterpret_cast<uv_handle_t*>(state->settle), [](uv_handle_t* h) { delete reinterpret_cast<uv_timer_t*>(h); });
    state->self_.reset();
  });
}

void ProjectWatcher::watch(const fs::path& projectDir, const std::vector<fs::path>& extraFiles, const std::vector<fs::path>& ignored) {
  loop_.run([&, state = state_](uv_loop_s*) {
    state->projectDir = projectDir;
    state->extraFiles = extraFiles;
    state->ignored = ignored;
    state->self_ = state;
    state->refresh(state);
  });
}

bool ProjectWatcher::relevant(const fs::path& file) {
  const std::string name = file.filename().string();
  if (name.empty() || name[0] == '.' || name.back() == '~') return false;
  for (const char* suffix : {".pyc", ".swp", ".swx", ".tmp"}) {
    if (name.size() >= std::char_traits<char>::length(suffix) && name.ends_with(suffix)) return false;
  }
  for (const auto& part : file) {
    const std::string piece = part.string();
    if (piece == "__pycache__" || piece == "node_modules") return false;
  }
  return true;
}

}  // namespace jaws::local
