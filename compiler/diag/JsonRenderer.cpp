#include <nlohmann/json.hpp>

#include "diag/Ordering.h"
#include "diag/Renderers.h"

namespace jaws {

namespace {

using Json = nlohmann::ordered_json;

// File, 1-based start and end; nothing but the file when the span has no file.
Json jsonRange(const SourceManager& sources, Span span) {
  Json out = Json::object();
  const SourceFile* file = span.valid() ? sources.find(span.file) : nullptr;
  if (!file) return out;
  const LineColumn start = file->lineColumn(span.begin);
  const LineColumn end = file->lineColumn(std::max(span.end, span.begin));
  out["file"] = file->path();
  out["line"] = start.line;
  out["column"] = start.column;
  out["endLine"] = end.line;
  out["endColumn"] = end.column;
  return out;
}

}  // namespace

std::string renderJson(std::span<const DiagnosticReport> reports) {
  Json list = Json::array();
  DiagnosticCounts counts;
  for (const auto& report : reports) {
  const SourceManager& sources = *report.sources;
  const DiagnosticCounts some = countBySeverity(*report.diagnostics);
  counts.errors += some.errors;
  counts.warnings += some.warnings;
  counts.infos += some.infos;
  for (const auto& d : *report.diagnostics) {
    Json item = jsonRange(sources, d.span);
    item["severity"] = severityName(d.severity);
    item["code"] = d.id();
    item["message"] = d.message;
    if (!d.help.empty()) item["help"] = d.help;
    Json notes = Json::array();
    for (const auto& n : d.notes) {
      Json note = jsonRange(sources, n.span);
      note["message"] = n.message;
      notes.push_back(std::move(note));
    }
    item["notes"] = std::move(notes);
    Json fixes = Json::array();
    for (const auto& f : d.fixes) {
      Json edits = Json::array();
      for (const auto& e : f.edits) {
        Json edit = jsonRange(sources, e.span);
        edit["newText"] = e.newText;
        edits.push_back(std::move(edit));
      }
      fixes.push_back(Json{{"title", f.title}, {"edits", std::move(edits)}});
    }
    item["fixes"] = std::move(fixes);
    list.push_back(std::move(item));
  }
  }
  Json out{{"version", 1},
           {"diagnostics", std::move(list)},
           {"summary", {{"errors", counts.errors}, {"warnings", counts.warnings}, {"infos", counts.infos}}}};
  return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace jaws
