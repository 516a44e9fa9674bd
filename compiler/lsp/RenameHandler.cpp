// `textDocument/prepareRename` and `textDocument/rename`. Only user
// declarations can be renamed: keywords, builtins and stdlib names (schema
// attributes, `Runtime`, ...) are never references, so prepareRename answers
// null for them and the editor says the element cannot be renamed.
#include "lsp/Handlers.h"
#include "lsp/SymbolQueries.h"
#include "lsp/Vocabulary.h"

namespace jaws::lsp {

namespace {

const sema::Reference* renamable(const FileView& view, const Json& params) {
  return referenceAt(*view.analysis.program, view.source.id(), view.offsetOf(params.at("position")));
}

}  // namespace

Json prepareRename(Session& session, const Json& params) {
  auto view = session.view(params.at("textDocument"));
  if (!view) return nullptr;
  const sema::Reference* ref = renamable(*view, params);
  if (!ref) return nullptr;
  return Json{{"range", view->range(ref->span)}, {"placeholder", ref->symbol->name}};
}

Json rename(Session& session, const Json& params) {
  auto view = session.view(params.at("textDocument"));
  if (!view) throw RpcError(rpc::kRequestFailed, "no .jaws file at this URI");
  const sema::Reference* at = renamable(*view, params);
  if (!at) throw RpcError(rpc::kRequestFailed, "only names declared in the project can be renamed");
  const std::string newName = params.at("newName").get<std::string>();
  if (!isIdentifier(newName)) throw RpcError(rpc::kInvalidParams, "`" + newName + "` is not an identifier");
  if (isKeyword(newName)) throw RpcError(rpc::kInvalidParams, "`" + newName + "` is a keyword");
  const sema::Program& program = *view->analysis.program;
  if (builtinDoc(newName) || program.eventBuiltins().count(newName)) {
    throw RpcError(rpc::kInvalidParams, "`" + newName + "` is a builtin");
  }
  if (const sema::Symbol* existing = program.lookup(newName); existing && existing != at->symbol) {
    throw RpcError(rpc::kInvalidParams, "the project already declares `" + newName + "`");
  }
  Json changes = Json::object();
  for (const sema::Reference* ref : referencesTo(program, at->symbol)) {
    const Json location = locationJson(session, view->compilation, ref->span);
    const std::string uri = location["uri"].get<std::string>();
    if (!changes.contains(uri)) changes[uri] = Json::array();
    changes[uri].push_back(Json{{"range", location["range"]}, {"newText", newName}});
  }
  return Json{{"changes", std::move(changes)}};
}

}  // namespace jaws::lsp
