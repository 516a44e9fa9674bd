#include "lsp/Handlers.h"

namespace jaws::lsp {

namespace {

Json resolveCompletionItem(Session&, const Json& item) { return item; }  // items are complete when sent

}  // namespace

const std::map<std::string_view, RequestHandler>& requestHandlers() {
  static const std::map<std::string_view, RequestHandler> kHandlers = {
      {"textDocument/hover", hover},
      {"textDocument/completion", completion},
      {"completionItem/resolve", resolveCompletionItem},
      {"textDocument/definition", definition},
      {"textDocument/references", references},
      {"textDocument/prepareRename", prepareRename},
      {"textDocument/rename", rename},
      {"textDocument/documentSymbol", documentSymbol},
      {"textDocument/formatting", formatting},
      {"textDocument/codeAction", codeAction},
  };
  return kHandlers;
}

const std::map<std::string_view, NotificationHandler>& notificationHandlers() {
  static const std::map<std::string_view, NotificationHandler> kHandlers = {
      {"initialized", initialized},
      {"textDocument/didOpen", didOpen},
      {"textDocument/didChange", didChange},
      {"textDocument/didSave", didSave},
      {"textDocument/didClose", didClose},
      {"workspace/didChangeWorkspaceFolders", didChangeWorkspaceFolders},
      {"workspace/didChangeWatchedFiles", didChangeWatchedFiles},
  };
  return kHandlers;
}

}  // namespace jaws::lsp
