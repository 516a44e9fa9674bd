#pragma once
// The documents the client has open: their text as the editor has it (which
// replaces the file on disk in every compilation), their version, and the URI
// the client calls them by. Edits arrive whole or as ranges (incremental sync).
#include <cstdint>
#include <map>
#include <string>

#include "lsp/JsonRpc.h"

namespace jaws::lsp {

struct Document {
  std::string uri;  // as the client wrote it
  std::string key;  // the normal absolute path, as the compiler's SourceManager keys files
  std::string text;
  std::int64_t version = 0;
};

class DocumentStore {
 public:
  // Opens (or reopens) a document; nullptr when the URI is not a file URI.
  const Document* open(const std::string& uri, std::string text, std::int64_t version);
  // Applies `contentChanges` in order; throws RpcError for a change that is
  // not one. nullptr when the document is not open.
  const Document* change(const std::string& uri, std::int64_t version, const Json& contentChanges);
  // The key of the closed document, or empty when it was not open.
  std::string close(const std::string& uri);

  const Document* byUri(const std::string& uri) const;
  const Document* byKey(const std::string& key) const;
  const std::map<std::string, Document>& all() const { return byKey_; }  // by key

 private:
  std::map<std::string, Document> byKey_;
  std::map<std::string, std::string> keyOfUri_;
};

// The key (normal absolute path) of a file URI; empty when it is not one.
std::string keyOfUri(const std::string& uri);

}  // namespace jaws::lsp
