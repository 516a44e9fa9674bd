// `textDocument/documentSymbol`: the outline of one file. Declarations at the
// top, the routes of an api and the fields of a record type below them. For
// clients without hierarchical symbols, the same as a flat list.
#include "lsp/Handlers.h"
#include "lsp/OneLine.h"

namespace jaws::lsp {

namespace {

// LSP SymbolKind numbers.
enum : int { kModule = 2, kNamespace = 3, kClass = 5, kMethod = 6, kProperty = 7, kField = 8, kFunction = 12,
             kVariable = 13, kConstant = 14, kObject = 19, kStruct = 23, kTypeParameter = 26 };

int kindOf(const ast::Decl& decl) {
  switch (decl.kind) {
    case ast::DeclKind::Project: return kModule;
    case ast::DeclKind::Param: return kVariable;
    case ast::DeclKind::Let: return kConstant;
    case ast::DeclKind::Stage: return kNamespace;
    case ast::DeclKind::Type: return static_cast<const ast::TypeDecl&>(decl).isAlias ? kTypeParameter : kStruct;
    case ast::DeclKind::Function: return kFunction;
    case ast::DeclKind::Api: return kClass;
    case ast::DeclKind::Resource: return kObject;
    case ast::DeclKind::Output: return kProperty;
  }
  return kVariable;
}

struct Outline {
  const FileView& view;

  Json symbol(std::string name, std::string detail, int kind, Span range, Span selection) const {
    if (name.empty()) name = "(unnamed)";
    if (!selection.valid() || selection.begin < range.begin || selection.end > range.end) selection = range;
    return Json{{"name", std::move(name)},
                {"detail", std::move(detail)},
                {"kind", kind},
                {"range", view.range(range)},
                {"selectionRange", view.range(selection)},
                {"children", Json::array()}};
  }

  std::string detailOf(const ast::Decl& decl) const {
    const SourceFile& file = view.source;
    switch (decl.kind) {
      case ast::DeclKind::Param: return ": " + oneLine(file.slice(static_cast<const ast::ParamDecl&>(decl).type->span));
      case ast::DeclKind::Resource: return static_cast<const ast::ResourceDecl&>(decl).resourceType;
      case ast::DeclKind::Type: {
        const auto& type = static_cast<const ast::TypeDecl&>(decl);
        return type.isAlias ? "= " + oneLine(file.slice(type.type->span)) : "";
      }
      case ast::DeclKind::Function:
        for (const auto& a : static_cast<const ast::FunctionDecl&>(decl).attributes) {
          if (a.key.text == "handler") return oneLine(file.slice(a.value->span));
        }
        return "";
      default: return "";
    }
  }

  Json declaration(const ast::Decl& decl) const {
    const Span selection = decl.name.valid() ? decl.name.span : decl.keywordSpan;
    Json out = symbol(decl.name.text, detailOf(decl), kindOf(decl), decl.span, selection);
    if (decl.kind == ast::DeclKind::Api) {
      for (const auto& route : static_cast<const ast::ApiDecl&>(decl).routes) {
        const std::string name = route.methodName.text + " " + route.path.text;
        out["children"].push_back(symbol(name, route.target.valid() ? "-> " + route.target.text : "", kMethod, route.span,
                                         route.path.span.valid() ? route.path.span : route.span));
      }
    }
    if (decl.kind == ast::DeclKind::Type) {
      const auto& type = static_cast<const ast::TypeDecl&>(decl);
      if (type.type->kind == ast::TypeKind::Record) {
        for (const auto& f : static_cast<const ast::RecordType&>(*type.type).fields) {
          const std::string detail = (f.optional ? "?: " : ": ") + oneLine(view.source.slice(f.type->span));
          out["children"].push_back(symbol(f.name.text, detail, kField, f.span, f.name.span));
        }
      }
    }
    return out;
  }
};

void flatten(const Json& symbol, const std::string& container, const std::string& uri, Json& out) {
  Json info{{"name", symbol["name"]}, {"kind", symbol["kind"]}, {"location", {{"uri", uri}, {"range", symbol["range"]}}}};
  if (!container.empty()) info["containerName"] = container;
  out.push_back(std::move(info));
  for (const Json& child : symbol["children"]) flatten(child, symbol["name"].get<std::string>(), uri, out);
}

}  // namespace

Json documentSymbol(Session& session, const Json& params) {
  auto view = session.view(params.at("textDocument"));
  if (!view) return nullptr;
  Outline outline{*view};
  Json symbols = Json::array();
  for (const auto& decl : view->unit.decls) symbols.push_back(outline.declaration(*decl));
  if (session.client.hierarchicalDocumentSymbols) return symbols;
  Json flat = Json::array();
  const std::string uri = session.uriOf(view->compilation.sources().key(view->source.id()));
  for (const Json& symbol : symbols) flatten(symbol, "", uri, flat);
  return flat;
}

}  // namespace jaws::lsp
