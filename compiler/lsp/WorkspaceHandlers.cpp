// Workspace folders coming and going, and files changed on disk behind the
// editor's back (created, deleted, rewritten by `jaws stubs` or git).
#include "lsp/Handlers.h"
#include "lsp/Uri.h"

namespace jaws::lsp {

void didChangeWorkspaceFolders(Session& session, const Json& params) {
  const Json& event = params.at("event");
  for (const Json& folder : event.value("removed", Json::array())) {
    if (auto path = pathFromUri(folder.at("uri").get<std::string>())) session.projects.removeRoot(*path);
  }
  for (const Json& folder : event.value("added", Json::array())) {
    if (auto path = pathFromUri(folder.at("uri").get<std::string>())) session.projects.addRoot(*path);
  }
  // Open documents outside every folder keep their own projects.
  for (const auto& [key, doc] : session.documents.all()) session.projects.ensureFolderOf(key);
}

void didChangeWatchedFiles(Session& session, const Json& params) {
  bool createdOrDeleted = false;
  for (const Json& change : params.at("changes")) {
    auto path = pathFromUri(change.at("uri").get<std::string>());
    if (!path) continue;
    const int type = change.value("type", 2);  // 1 created, 2 changed, 3 deleted
    createdOrDeleted = createdOrDeleted || type != 2;
    // Open documents are the editor's; the disk does not change them.
    if (!session.documents.byKey(path->generic_string())) session.projects.fileChanged(path->generic_string());
    // A handler module changed: the projects above it check handlers again.
    if (path->extension() != ".jaws") session.projects.otherFileChanged(*path);
  }
  if (createdOrDeleted) session.projects.rescan();
}

}  // namespace jaws::lsp
