#include <map>
#include <nlohmann/json.hpp>

#include "diag/Renderers.h"
#include "source/PercentEncoding.h"

namespace jaws {

namespace {

using Json = nlohmann::ordered_json;

std::string_view sarifLevel(Severity severity) {
  switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    default: return "note";
  }
}

Json physicalLocation(const SourceManager& sources, Span span) {
  const SourceFile* file = span.valid() ? sources.find(span.file) : nullptr;
  if (!file) return Json();
  const LineColumn start = file->lineColumn(span.begin);
  const LineColumn end = file->lineColumn(std::max(span.end, span.begin));
  return Json{{"artifactLocation", {{"uri", percentEncodePath(file->path())}}},
              {"region",
               {{"startLine", start.line}, {"startColumn", start.column}, {"endLine", end.line}, {"endColumn", end.column}}}};
}

}  // namespace

std::string renderSarif(std::span<const DiagnosticReport> reports, std::string_view toolVersion) {
  // Rules: the catalog entries that occur, in code order; results refer to them by index.
  std::map<std::string_view, const CatalogEntry*> used;
  for (const auto& report : reports) {
    for (const auto& d : *report.diagnostics) used[d.id()] = &d.entry();
  }
  Json rules = Json::array();
  std::map<std::string_view, std::size_t> ruleIndex;
  for (const auto& [id, entry] : used) {
    ruleIndex[id] = rules.size();
    rules.push_back(Json{{"id", entry->id},
                         {"name", entry->name},
                         {"shortDescription", {{"text", entry->message}}},
                         {"fullDescription", {{"text", entry->explanation}}},
                         {"defaultConfiguration", {{"level", sarifLevel(entry->severity)}}}});
  }
  Json results = Json::array();
  for (const auto& report : reports) {
  const SourceManager& sources = *report.sources;
  for (const auto& d : *report.diagnostics) {
    Json result{{"ruleId", d.id()},
                {"ruleIndex", ruleIndex[d.id()]},
                {"level", sarifLevel(d.severity)},
                {"message", {{"text", d.help.empty() ? d.message : d.message + " (" + d.help + ")"}}}};
    Json location = physicalLocation(sources, d.span);
    result["locations"] = location.is_null() ? Json::array() : Json::array({Json{{"physicalLocation", location}}});
    Json related = Json::array();
    for (std::size_t i = 0; i < d.notes.size(); ++i) {
      Json entry{{"id", i}, {"message", {{"text", d.notes[i].message}}}};
      Json where = physicalLocation(sources, d.notes[i].span);
      if (!where.is_null()) entry["physicalLocation"] = where;
      related.push_back(std::move(entry));
    }
    if (!related.empty()) result["relatedLocations"] = std::move(related);
    Json fixes = Json::array();
    for (const auto& f : d.fixes) {
      std::map<FileId, Json> byFile;
      for (const auto& e : f.edits) {
        Json where = physicalLocation(sources, e.span);
        if (where.is_null()) continue;
        byFile[e.span.file]["artifactLocation"] = where["artifactLocation"];
        byFile[e.span.file]["replacements"].push_back(
            Json{{"deletedRegion", where["region"]}, {"insertedContent", {{"text", e.newText}}}});
      }
      Json changes = Json::array();
      for (auto& [file, change] : byFile) changes.push_back(std::move(change));
      fixes.push_back(Json{{"description", {{"text", f.title}}}, {"artifactChanges", std::move(changes)}});
    }
    if (!fixes.empty()) result["fixes"] = std::move(fixes);
    results.push_back(std::move(result));
  }
  }
  Json run{{"tool",
            {{"driver",
              {{"name", "jaws"},
               {"version", toolVersion},
               {"informationUri", "https://github.com/jaws-lang/jaws"},
               {"rules", std::move(rules)}}}}},
           {"columnKind", "unicodeCodePoints"},
           {"results", std::move(results)}};
  Json log{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"}, {"version", "2.1.0"}, {"runs", Json::array({run})}};
  return log.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace jaws
