// `initialize`: what the client can do, which folders it has open, and what
// the server offers in return.
#include "lsp/Handlers.h"
#include "lsp/Uri.h"

namespace jaws::lsp {

namespace {

// A boolean at a path of nested objects; false when any step is missing.
bool flag(const Json& json, std::initializer_list<const char*> path) {
  const Json* at = &json;
  for (const char* step : path) {
    if (!at->is_object() || !at->contains(step)) return false;
    at = &(*at)[step];
  }
  return at->is_boolean() && at->get<bool>();
}

bool listHas(const Json& json, std::initializer_list<const char*> path, const std::string& value) {
  const Json* at = &json;
  for (const char* step : path) {
    if (!at->is_object() || !at->contains(step)) return false;
    at = &(*at)[step];
  }
  if (!at->is_array()) return false;
  for (const Json& item : *at) {
    if (item == value) return true;
  }
  return false;
}

void readCapabilities(ClientCapabilities& client, const Json& caps) {
  client.hierarchicalDocumentSymbols = flag(caps, {"textDocument", "documentSymbol", "hierarchicalDocumentSymbolSupport"});
  client.completionSnippets = flag(caps, {"textDocument", "completion", "completionItem", "snippetSupport"});
  client.markdownHover = listHas(caps, {"textDocument", "hover", "contentFormat"}, "markdown");
  client.documentChanges = flag(caps, {"workspace", "workspaceEdit", "documentChanges"});
  client.createFiles = listHas(caps, {"workspace", "workspaceEdit", "resourceOperations"}, "create");
  client.watchFiles = flag(caps, {"workspace", "didChangeWatchedFiles", "dynamicRegistration"});
}

void addRootUri(Session& session, const Json& uri) {
  if (!uri.is_string()) return;
  if (auto path = pathFromUri(uri.get<std::string>())) session.projects.addRoot(*path);
}

}  // namespace

Json initialize(Session& session, const Json& params) {
  if (!params.is_object()) throw RpcError(rpc::kInvalidParams, "initialize needs an object of params");
  if (params.contains("capabilities")) readCapabilities(session.client, params["capabilities"]);
  // Workspace folders win over the older rootUri, which wins over rootPath.
  if (params.contains("workspaceFolders") && params["workspaceFolders"].is_array() && !params["workspaceFolders"].empty()) {
    for (const Json& folder : params["workspaceFolders"]) {
      if (folder.is_object() && folder.contains("uri")) addRootUri(session, folder["uri"]);
    }
  } else if (params.contains("rootUri") && params["rootUri"].is_string()) {
    addRootUri(session, params["rootUri"]);
  } else if (params.contains("rootPath") && params["rootPath"].is_string()) {
    session.projects.addRoot(params["rootPath"].get<std::string>());
  }

  Json capabilities{
      {"positionEncoding", "utf-16"},
      {"textDocumentSync", {{"openClose", true}, {"change", 2 /* incremental */}, {"save", {{"includeText", false}}}}},
      {"hoverProvider", true},
      {"completionProvider",
       {{"triggerCharacters", Json::array({".", "\"", ">", ":", "{", "=", " "})}, {"resolveProvider", false}}},
      {"definitionProvider", true},
      {"referencesProvider", true},
      {"renameProvider", {{"prepareProvider", true}}},
      {"documentSymbolProvider", true},
      {"documentFormattingProvider", true},
      {"codeActionProvider", {{"codeActionKinds", Json::array({"quickfix"})}}},
      {"workspace",
       {{"workspaceFolders", {{"supported", true}, {"changeNotifications", true}}}}},
  };
  return Json{{"capabilities", std::move(capabilities)}, {"serverInfo", {{"name", "jaws"}, {"version", JAWS_VERSION}}}};
}

void initialized(Session& session, const Json&) {
  // The handler lint reads handler modules from disk: ask to hear when they
  // (and .jaws files the editor has not opened) change.
  if (!session.client.watchFiles) return;
  Json watchers = Json::array();
  for (const char* glob : {"**/*.jaws", "**/*.{mjs,js,cjs,ts,mts,cts}", "**/*.py"}) watchers.push_back(Json{{"globPattern", glob}});
  session.requestClient("client/registerCapability",
                        Json{{"registrations", Json::array({Json{{"id", "jaws-watched-files"},
                                                                 {"method", "workspace/didChangeWatchedFiles"},
                                                                 {"registerOptions", {{"watchers", std::move(watchers)}}}}})}});
}

}  // namespace jaws::lsp
