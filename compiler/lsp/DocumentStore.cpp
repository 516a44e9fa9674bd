#include "lsp/DocumentStore.h"

#include "lsp/Positions.h"
#include "lsp/Uri.h"

namespace jaws::lsp {

namespace {

void applyChange(std::string& text, const Json& change) {
  if (!change.is_object() || !change.contains("text") || !change["text"].is_string()) {
    throw RpcError(rpc::kInvalidParams, "a content change needs a \"text\"");
  }
  const std::string& newText = change["text"].get_ref<const std::string&>();
  auto range = change.find("range");
  if (range == change.end() || range->is_null()) {
    text = newText;
    return;
  }
  if (!range->is_object() || !range->contains("start") || !range->contains("end")) {
    throw RpcError(rpc::kInvalidParams, "a change range needs \"start\" and \"end\"");
  }
  const LineIndex lines(text);
  std::uint32_t begin = lines.offsetOf(positionFrom((*range)["start"]));
  std::uint32_t end = lines.offsetOf(positionFrom((*range)["end"]));
  if (end < begin) std::swap(begin, end);
  text.replace(begin, end - begin, newText);
}

}  // namespace

std::string keyOfUri(const std::string& uri) {
  auto path = pathFromUri(uri);
  return path ? path->generic_string() : std::string();
}

const Document* DocumentStore::open(const std::string& uri, std::string text, std::int64_t version) {
  std::string key = keyOfUri(uri);
  if (key.empty()) return nullptr;
  keyOfUri_[uri] = key;
  Document& doc = byKey_[key];
  doc = Document{uri, key, std::move(text), version};
  return &doc;
}

const Document* DocumentStore::change(const std::string& uri, std::int64_t version, const Json& contentChanges) {
  auto key = keyOfUri_.find(uri);
  if (key == keyOfUri_.end()) return nullptr;
  Document& doc = byKey_.at(key->second);
  if (!contentChanges.is_array()) throw RpcError(rpc::kInvalidParams, "\"contentChanges\" must be an array");
  // Apply to a copy so a bad change in the middle leaves the document as it was.
  std::string text = doc.text;
  for (const Json& change : contentChanges) applyChange(text, change);
  doc.text = std::move(text);
  doc.version = version;
  return &doc;
}

std::string DocumentStore::close(const std::string& uri) {
  auto key = keyOfUri_.find(uri);
  if (key == keyOfUri_.end()) return {};
  std::string closed = key->second;
  byKey_.erase(closed);
  keyOfUri_.erase(key);
  return closed;
}

const Document* DocumentStore::byUri(const std::string& uri) const {
  auto key = keyOfUri_.find(uri);
  return key == keyOfUri_.end() ? nullptr : byKey(key->second);
}

const Document* DocumentStore::byKey(const std::string& key) const {
  auto it = byKey_.find(key);
  return it == byKey_.end() ? nullptr : &it->second;
}

}  // namespace jaws::lsp
