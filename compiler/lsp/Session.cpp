#include "lsp/Session.h"

#include "lsp/Uri.h"

namespace jaws::lsp {

namespace fs = std::filesystem;

std::string documentUri(const Json& params) {
  if (!params.is_object() || !params.contains("textDocument") || !params["textDocument"].is_object() ||
      !params["textDocument"].contains("uri") || !params["textDocument"]["uri"].is_string()) {
    throw RpcError(rpc::kInvalidParams, "\"textDocument.uri\" is missing");
  }
  return params["textDocument"]["uri"].get<std::string>();
}

void Session::notify(const std::string& method, Json params) { send_(makeNotification(method, std::move(params))); }

void Session::requestClient(const std::string& method, Json params) {
  send_(Json{{"jsonrpc", "2.0"}, {"id", "jaws-" + std::to_string(nextRequestId_++)}, {"method", method}, {"params", std::move(params)}});
}

void Session::log(const std::string& message) { notify("window/logMessage", Json{{"type", 4}, {"message", message}}); }

std::string Session::uriOf(const std::string& key) const {
  if (const Document* doc = documents.byKey(key)) return doc->uri;
  return uriFromPath(fs::path(key));
}

void Session::textChanged(const std::string& key) {
  edited_.insert(key);
  projects.fileChanged(key);
}

void Session::opened(const std::string& key, std::string_view text) {
  if (!projects.checkedWith(key, text)) {
    textChanged(key);
    return;
  }
  edited_.insert(key);  // published again with the document's version
}

void Session::checkAndPublish() {
  if (!pending()) return;
  std::set<std::string> affected = projects.anyDirty() ? projects.checkDirty(documents, uriMapper()) : std::set<std::string>{};
  affected.insert(edited_.begin(), edited_.end());
  for (const std::string& key : affected) publish(key);
  edited_.clear();
}

void Session::publish(const std::string& key) {
  Json diagnostics = projects.diagnosticsFor(key);
  const Document* doc = documents.byKey(key);
  auto last = published_.find(key);
  const bool same = last == published_.end() ? diagnostics.empty() : last->second == diagnostics;
  if (same && !edited_.count(key)) return;
  Json params{{"uri", uriOf(key)}, {"diagnostics", diagnostics}};
  if (doc) params["version"] = doc->version;
  notify("textDocument/publishDiagnostics", std::move(params));
  if (diagnostics.empty()) {
    published_.erase(key);
  } else {
    published_[key] = std::move(diagnostics);
  }
}

std::optional<FileView> Session::viewIn(Project& project, const std::string& key) {
  Compilation* compilation = project.compilation();
  if (!compilation) return std::nullopt;
  auto id = compilation->sources().lookup(key);
  if (!id) return std::nullopt;
  const ast::SourceUnit* unit = compilation->syntaxTree(*id);
  if (!unit) return std::nullopt;
  return FileView{project, *compilation, compilation->sources().file(*id), *unit, compilation->analysis()};
}

std::optional<FileView> Session::view(const Json& textDocument) {
  if (!textDocument.is_object() || !textDocument.contains("uri") || !textDocument["uri"].is_string()) {
    throw RpcError(rpc::kInvalidParams, "\"textDocument.uri\" is missing");
  }
  const std::string uri = textDocument["uri"].get<std::string>();
  const Document* doc = documents.byUri(uri);
  const std::string key = doc ? doc->key : keyOfUri(uri);
  if (key.empty() || fs::path(key).extension() != ".jaws") return std::nullopt;
  if (!projects.ownerOf(key)) {
    // A file the server has not seen: its folder becomes a project if the
    // file is open or on disk.
    std::error_code ec;
    if (!doc && !fs::is_regular_file(fs::path(key), ec)) return std::nullopt;
    projects.ensureFolderOf(key);
  }
  checkAndPublish();
  Project* owner = projects.ownerOf(key);
  if (!owner) return std::nullopt;
  return viewIn(*owner, key);
}

}  // namespace jaws::lsp
