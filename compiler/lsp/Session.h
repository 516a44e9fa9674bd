#pragma once
// What the server knows between messages: the open documents, the projects
// and what the client can do. Handlers (one file per LSP method group) read
// and change it; the Server owns it and the message loop.
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "lsp/DocumentStore.h"
#include "lsp/Positions.h"
#include "lsp/ProjectSet.h"

namespace jaws::lsp {

struct ClientCapabilities {
  bool hierarchicalDocumentSymbols = false;
  bool completionSnippets = false;
  bool markdownHover = false;
  bool documentChanges = false;   // WorkspaceEdit.documentChanges
  bool createFiles = false;       // resource operation "create"
  bool watchFiles = false;        // workspace/didChangeWatchedFiles with dynamic registration
};

// One file as the current compilation of its project sees it.
struct FileView {
  Project& project;
  Compilation& compilation;
  const SourceFile& source;
  const ast::SourceUnit& unit;
  const sema::Analysis& analysis;

  std::uint32_t offsetOf(const Json& position) const { return offsetIn(source, positionFrom(position)); }
  Json range(Span span) const { return rangeJson(source, span); }
};

class Session {
 public:
  explicit Session(std::function<void(const Json&)> send) : send_(std::move(send)) {}

  DocumentStore documents;
  ProjectSet projects;
  ClientCapabilities client;

  void notify(const std::string& method, Json params);
  // A request to the client whose answer the server does not need.
  void requestClient(const std::string& method, Json params);
  // A message in the client's log (window/logMessage).
  void log(const std::string& message);

  // The URI to show for a file: the client's own for open documents.
  std::string uriOf(const std::string& key) const;
  UriOf uriMapper() const {
    return [this](const std::string& key) { return uriOf(key); };
  }

  // A document's text changed; its diagnostics are published after the next
  // check even when they stay the same (the client sees the new version).
  void textChanged(const std::string& key);
  // A document was opened: checked again only when its text is not what
  // the last check read from disk.
  void opened(const std::string& key, std::string_view text);
  // Whether a check or a publication is due.
  bool pending() const { return projects.anyDirty() || !edited_.empty(); }
  // Checks every dirty project and publishes the diagnostics that changed.
  void checkAndPublish();

  // The up-to-date view of a document for a request (`textDocument` is a
  // TextDocumentIdentifier). nullopt when the server knows no such .jaws file.
  std::optional<FileView> view(const Json& textDocument);
  // A view of a file by key in a project's current compilation.
  std::optional<FileView> viewIn(Project& project, const std::string& key);

 private:
  void publish(const std::string& key);

  std::function<void(const Json&)> send_;
  int nextRequestId_ = 1;
  std::map<std::string, Json> published_;  // what the client was last told, by file key
  std::set<std::string> edited_;
};

// The `uri` of a `textDocument` parameter; throws RpcError when missing.
std::string documentUri(const Json& params);

}  // namespace jaws::lsp
