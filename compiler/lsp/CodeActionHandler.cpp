// `textDocument/codeAction`: a quick fix for every fix-it of the diagnostics
// in the requested range (did-you-mean replacements and the like), exactly
// the edits `jaws check --format json` lists.
#include "lsp/CodeActions.h"
#include "lsp/Handlers.h"
#include "lsp/SymbolQueries.h"

namespace jaws::lsp {

namespace {

bool overlaps(Span span, std::uint32_t begin, std::uint32_t end) { return span.begin <= end && begin <= span.end; }

}  // namespace

Json codeAction(Session& session, const Json& params) {
  auto view = session.view(params.at("textDocument"));
  if (!view) return nullptr;
  const Json& range = params.at("range");
  const std::uint32_t begin = view->offsetOf(range.at("start"));
  const std::uint32_t end = view->offsetOf(range.at("end"));
  const SourceManager& sources = view->compilation.sources();
  Json actions = Json::array();
  for (const Diagnostic& d : view->compilation.diagnostics()) {
    if (d.span.file != view->source.id() || !overlaps(d.span, begin, end)) continue;
    const Json diagnostic = diagnosticJson(d, d.span, sources, session.uriMapper());
    for (const FixIt& fix : d.fixes) {
      Json changes = Json::object();
      for (const TextEdit& edit : fix.edits) {
        const Json location = locationJson(session, view->compilation, edit.span);
        changes[location["uri"].get<std::string>()].push_back(Json{{"range", location["range"]}, {"newText", edit.newText}});
      }
      actions.push_back(Json{{"title", fix.title},
                             {"kind", "quickfix"},
                             {"diagnostics", Json::array({diagnostic})},
                             {"isPreferred", d.fixes.size() == 1},
                             {"edit", {{"changes", std::move(changes)}}}});
    }
    if (Json stub = handlerStubAction(session, *view, d, diagnostic); !stub.is_null()) actions.push_back(std::move(stub));
  }
  return actions;
}

}  // namespace jaws::lsp
