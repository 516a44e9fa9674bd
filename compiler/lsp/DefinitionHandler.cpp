// `textDocument/definition`: from a name to its declaration, and from an
// import to the file it imports.
#include "lsp/Handlers.h"
#include "lsp/SymbolQueries.h"
#include "lsp/SyntaxLocator.h"
#include "lsp/Uri.h"
#include "source/Workspace.h"

namespace jaws::lsp {

Json definition(Session& session, const Json& params) {
  auto view = session.view(params.at("textDocument"));
  if (!view) return nullptr;
  const std::uint32_t offset = view->offsetOf(params.at("position"));
  const sema::Program& program = *view->analysis.program;
  if (const sema::Reference* ref = referenceAt(program, view->source.id(), offset)) {
    if (!ref->symbol->decl) return nullptr;
    return locationJson(session, view->compilation, ref->symbol->decl->name.span);
  }
  const Located here = locate(view->unit, offset);
  if (here.kind == Located::Kind::ImportPath && here.import) {
    const ImportTarget target = resolveImport(std::filesystem::path(view->compilation.sources().key(view->source.id())),
                                              here.import->path, view->compilation.root());
    Json locations = Json::array();
    for (const auto& file : target.files) {
      locations.push_back(Json{{"uri", session.uriOf(file.generic_string())}, {"range", rangeJson(Position{}, Position{})}});
    }
    return locations;
  }
  return nullptr;
}

}  // namespace jaws::lsp
