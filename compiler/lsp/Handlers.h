#pragma once
// The LSP methods the server implements, one file per method group. Request
// handlers return the result (or throw RpcError); notification handlers
// return nothing. The Server routes messages here by method name.
#include <map>
#include <string_view>

#include "lsp/Session.h"

namespace jaws::lsp {

using RequestHandler = Json (*)(Session&, const Json& params);
using NotificationHandler = void (*)(Session&, const Json& params);

const std::map<std::string_view, RequestHandler>& requestHandlers();
const std::map<std::string_view, NotificationHandler>& notificationHandlers();

// InitializeHandler.cpp: reads the client's capabilities and workspace
// folders; returns the server's capabilities.
Json initialize(Session& session, const Json& params);
// After `initialized`: registers file watchers when the client can.
void initialized(Session& session, const Json& params);

// TextSyncHandlers.cpp
void didOpen(Session& session, const Json& params);
void didChange(Session& session, const Json& params);
void didSave(Session& session, const Json& params);
void didClose(Session& session, const Json& params);

// WorkspaceHandlers.cpp
void didChangeWorkspaceFolders(Session& session, const Json& params);
void didChangeWatchedFiles(Session& session, const Json& params);

Json hover(Session& session, const Json& params);               // HoverHandler.cpp
Json completion(Session& session, const Json& params);          // CompletionHandler.cpp
Json definition(Session& session, const Json& params);          // DefinitionHandler.cpp
Json references(Session& session, const Json& params);          // ReferencesHandler.cpp
Json prepareRename(Session& session, const Json& params);       // RenameHandler.cpp
Json rename(Session& session, const Json& params);              // RenameHandler.cpp
Json documentSymbol(Session& session, const Json& params);      // DocumentSymbolHandler.cpp
Json formatting(Session& session, const Json& params);          // FormattingHandler.cpp
Json codeAction(Session& session, const Json& params);          // CodeActionHandler.cpp

}  // namespace jaws::lsp
