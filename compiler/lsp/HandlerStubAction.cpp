#include <algorithm>

#include "stubs/StubWriter.h"
#include "lsp/CodeActions.h"
#include "lsp/Uri.h"

namespace jaws::lsp {

namespace {

// The handler lint, recognized by its catalog entry rather than a number so
// that it keeps working however the lint codes are arranged.
bool isHandlerLint(const Diagnostic& d) {
  const CatalogEntry& entry = d.entry();
  return entry.id.rfind("JW5", 0) == 0 && entry.name.find("Handler") != std::string_view::npos;
}

const ast::FunctionDecl* functionAround(const ast::SourceUnit& unit, Span span) {
  for (const auto& decl : unit.decls) {
    if (decl->kind == ast::DeclKind::Function && decl->span.begin <= span.begin && span.end <= decl->span.end) {
      return static_cast<const ast::FunctionDecl*>(decl.get());
    }
  }
  return nullptr;
}

bool holds(const stubs::StubFile& file, const std::string& function) {
  return std::find(file.functions.begin(), file.functions.end(), function) != file.functions.end();
}

Json createFile(const std::string& uri, const std::string& contents) {
  return Json::array({Json{{"kind", "create"}, {"uri", uri}, {"options", {{"ignoreIfExists", true}}}},
                      Json{{"textDocument", {{"uri", uri}, {"version", nullptr}}},
                           {"edits", Json::array({Json{{"range", {{"start", {{"line", 0}, {"character", 0}}},
                                                                   {"end", {{"line", 0}, {"character", 0}}}}},
                                                       {"newText", contents}}})}}});
}

}  // namespace

Json handlerStubAction(Session& session, const FileView& view, const Diagnostic& diagnostic, const Json& diagnosticJson) {
  if (!isHandlerLint(diagnostic) || !session.client.documentChanges || !session.client.createFiles) return nullptr;
  const ast::FunctionDecl* function = functionAround(view.unit, diagnostic.span);
  if (!function || !function->name.valid()) return nullptr;
  const std::filesystem::path projectDir = view.compilation.projectDir();
  const stubs::StubPlan plan = stubs::planStubs(view.analysis.stacks, projectDir);
  const auto module = std::find_if(plan.files.begin(), plan.files.end(), [&](const stubs::StubFile& file) {
    return file.action == stubs::StubAction::Create && holds(file, function->name.text) &&
           file.path.find("jaws_models") == std::string::npos;
  });
  if (module == plan.files.end()) return nullptr;
  Json changes = Json::array();
  for (const stubs::StubFile& file : plan.files) {
    // The module, and the models file beside it when it is new too.
    const bool models = file.path.find("jaws_models") != std::string::npos &&
                        std::filesystem::path(file.path).parent_path() == std::filesystem::path(module->path).parent_path();
    if (file.action != stubs::StubAction::Create || !holds(file, function->name.text) || (&file != &*module && !models)) continue;
    for (Json& change : createFile(uriFromPath(projectDir / file.path), file.contents)) changes.push_back(std::move(change));
  }
  return Json{{"title", "Create handler stub " + module->path},
              {"kind", "quickfix"},
              {"diagnostics", Json::array({diagnosticJson})},
              {"edit", {{"documentChanges", std::move(changes)}}}};
}

}  // namespace jaws::lsp
