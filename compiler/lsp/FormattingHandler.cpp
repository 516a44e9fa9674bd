// `textDocument/formatting`: the whole document in the canonical layout of
// `jaws fmt` (the same formatter, compiler/fmt/). The layout has no options,
// so the client's tab size is not used. A file with syntax errors is not
// formatted: the request fails with the first error.
#include "fmt/Formatter.h"
#include "lsp/Handlers.h"
#include "source/FileAccess.h"
#include "source/Workspace.h"

namespace jaws::lsp {

Json formatting(Session& session, const Json& params) {
  const std::string uri = documentUri(params);
  const Document* doc = session.documents.byUri(uri);
  const std::string key = doc ? doc->key : keyOfUri(uri);
  if (key.empty()) return nullptr;
  std::string text;
  if (doc) {
    text = doc->text;
  } else {
    // A file the server has never seen: read only if it is a regular file
    // (a FIFO would block the server).
    FileRead read = readRegularFile(std::filesystem::path(key), kMaxSourceBytes);
    if (!read.ok()) return nullptr;
    text = std::move(read.text);
  }
  const SourceFile file(0, key, text);
  const formatter::FormatResult result = formatter::formatFile(file);
  if (!result.text) {
    std::string why = "the file cannot be formatted";
    if (!result.diagnostics.empty()) {
      const Diagnostic& first = result.diagnostics.front();
      const LineColumn at = file.lineColumn(first.span.begin);
      why += " (line " + std::to_string(at.line) + ": " + std::string(first.id()) + " " + first.message + ")";
    }
    throw RpcError(rpc::kRequestFailed, why);
  }
  if (*result.text == text) return Json::array();
  const LineIndex lines(text);
  return Json::array(
      {Json{{"range", rangeJson(Position{}, lines.positionOf(static_cast<std::uint32_t>(text.size())))}, {"newText", *result.text}}});
}

}  // namespace jaws::lsp
