// `textDocument/hover`: what the name, key or type under the cursor is, its
// description, and its value per stage.
#include "lsp/Handlers.h"
#include "lsp/HoverContent.h"
#include "lsp/ResourceHover.h"
#include "lsp/SymbolQueries.h"

namespace jaws::lsp {

namespace {

// The type string of `resource NAME: "AWS::X::Y"` under the cursor.
const ast::ResourceDecl* resourceTypeAt(const Located& here, std::uint32_t offset) {
  if (here.decl == nullptr || here.decl->kind != ast::DeclKind::Resource) return nullptr;
  const auto* resource = static_cast<const ast::ResourceDecl*>(here.decl);
  return resource->resourceTypeSpan.valid() && resource->resourceTypeSpan.contains(offset) ? resource : nullptr;
}

}  // namespace

Json hover(Session& session, const Json& params) {
  auto view = session.view(params.at("textDocument"));
  if (!view) return nullptr;
  const std::uint32_t offset = view->offsetOf(params.at("position"));
  const Located here = locate(view->unit, offset);
  std::string text;
  Span range = here.span;
  if (const sema::Reference* ref = referenceAt(*view->analysis.program, view->source.id(), offset)) {
    range = ref->span;
    text = symbolHover(*view, *ref->symbol);
    // A stage's key that sets a param: also what it sets it to there.
    if (here.kind == Located::Kind::AttributeKey) text += attributeHover(*view, here);
  } else if (const auto* resource = resourceTypeAt(here, offset)) {
    range = resource->resourceTypeSpan;
    text = resourceTypeHover(*view->analysis.program, *resource);
  } else {
    switch (here.kind) {
      case Located::Kind::AttributeKey: text = attributeHover(*view, here); break;
      case Located::Kind::Name: text = builtinHover(*view, here); break;
      case Located::Kind::Member: text = memberHover(*view, here); break;
      case Located::Kind::TypeName: text = typeHover(*view, here); break;
      case Located::Kind::FieldName: text = fieldHover(*view, here); break;
      case Located::Kind::Decorator: text = decoratorHover(here); break;
      default: break;
    }
  }
  if (text.empty()) return nullptr;
  const char* kind = session.client.markdownHover ? "markdown" : "plaintext";
  return Json{{"contents", {{"kind", kind}, {"value", text}}}, {"range", view->range(range)}};
}

}  // namespace jaws::lsp
