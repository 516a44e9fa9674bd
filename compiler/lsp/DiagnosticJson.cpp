#include "lsp/DiagnosticJson.h"

#include "lsp/Positions.h"

namespace jaws::lsp {

namespace {

int severityNumber(Severity severity) {
  switch (severity) {
    case Severity::Error: return 1;
    case Severity::Warning: return 2;
    case Severity::Info: return 3;
    case Severity::Hint: return 4;
  }
  return 1;
}

Json locationJson(const SourceManager& sources, Span span, const UriOf& uriOf) {
  const SourceFile& file = sources.file(span.file);
  return Json{{"uri", uriOf(sources.key(span.file))}, {"range", rangeJson(file, span)}};
}

// Editors grey out unused code and strike through deprecated things; the
// catalog's names say which diagnostics are about those.
Json tagsOf(const Diagnostic& diagnostic) {
  Json tags = Json::array();
  const std::string_view name = diagnostic.entry().name;
  if (name.find("Unused") != std::string_view::npos) tags.push_back(1);      // Unnecessary
  if (name.find("Deprecated") != std::string_view::npos) tags.push_back(2);  // Deprecated
  return tags;
}

}  // namespace

bool isFileKey(const std::string& key) { return !key.empty() && key.front() == '/'; }

Json diagnosticJson(const Diagnostic& diagnostic, Span at, const SourceManager& sources, const UriOf& uriOf) {
  Json out{{"range", rangeJson(sources.file(at.file), at)},
           {"severity", severityNumber(diagnostic.severity)},
           {"code", std::string(diagnostic.id())},
           {"source", "jaws"},
           {"message", diagnostic.message}};
  Json related = Json::array();
  for (const RelatedNote& note : diagnostic.notes) {
    const bool located = note.span.valid() && sources.find(note.span.file) && isFileKey(sources.key(note.span.file));
    related.push_back(Json{{"location", locationJson(sources, located ? note.span : at, uriOf)}, {"message", note.message}});
  }
  if (!diagnostic.help.empty()) {
    related.push_back(Json{{"location", locationJson(sources, at, uriOf)}, {"message", "help: " + diagnostic.help}});
  }
  if (!related.empty()) out["relatedInformation"] = std::move(related);
  if (Json tags = tagsOf(diagnostic); !tags.empty()) out["tags"] = std::move(tags);
  return out;
}

}  // namespace jaws::lsp
