// Document synchronization: the editor's text replaces the file on disk in
// every check; an edit marks the projects that include the file for a new
// check, which the server runs once pending messages are read.
#include <filesystem>

#include "lsp/Handlers.h"

namespace jaws::lsp {

namespace {

std::int64_t versionOf(const Json& textDocument) {
  if (textDocument.contains("version") && textDocument["version"].is_number_integer()) return textDocument["version"].get<std::int64_t>();
  return 0;
}

}  // namespace

void didOpen(Session& session, const Json& params) {
  const Json& doc = params.at("textDocument");
  const std::string uri = doc.at("uri").get<std::string>();
  // Only .jaws files are the server's; a client may open others (a handler
  // module) on the same connection.
  if (std::filesystem::path(keyOfUri(uri)).extension() != ".jaws") return;
  const Document* opened = session.documents.open(uri, doc.at("text").get<std::string>(), versionOf(doc));
  if (!opened) return;
  session.projects.ensureFolderOf(opened->key);
  session.opened(opened->key, opened->text);
}

void didChange(Session& session, const Json& params) {
  const Json& doc = params.at("textDocument");
  const Document* changed = session.documents.change(doc.at("uri").get<std::string>(), versionOf(doc), params.at("contentChanges"));
  if (changed) session.textChanged(changed->key);
}

void didSave(Session& session, const Json& params) {
  // The text is already known; the check runs again because what the lints
  // read from disk (handler modules) may have changed with it.
  if (const Document* doc = session.documents.byUri(documentUri(params))) session.textChanged(doc->key);
}

void didClose(Session& session, const Json& params) {
  const std::string key = session.documents.close(documentUri(params));
  if (key.empty()) return;
  // The file on disk counts again (the editor may have discarded changes).
  session.projects.fileChanged(key);
  session.projects.dropUnusedAdHoc(session.documents);
}

}  // namespace jaws::lsp
