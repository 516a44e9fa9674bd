// `textDocument/references`: every place that names the symbol at the
// cursor, across the files of its project.
#include "lsp/Handlers.h"
#include "lsp/SymbolQueries.h"

namespace jaws::lsp {

Json references(Session& session, const Json& params) {
  auto view = session.view(params.at("textDocument"));
  if (!view) return nullptr;
  const sema::Program& program = *view->analysis.program;
  const sema::Reference* at = referenceAt(program, view->source.id(), view->offsetOf(params.at("position")));
  if (!at) return Json::array();
  bool includeDeclaration = true;
  if (params.contains("context") && params["context"].is_object()) {
    includeDeclaration = params["context"].value("includeDeclaration", true);
  }
  Json locations = Json::array();
  for (const sema::Reference* ref : referencesTo(program, at->symbol)) {
    if (!includeDeclaration && at->symbol->decl && ref->span == at->symbol->decl->name.span) continue;
    locations.push_back(locationJson(session, view->compilation, ref->span));
  }
  return locations;
}

}  // namespace jaws::lsp
