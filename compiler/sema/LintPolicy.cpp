#include "sema/LintPolicy.h"

#include <map>
#include <optional>
#include <set>

#include "diag/Builders.h"
#include "sema/Evaluator.h"
#include "sema/rules/RuleContext.h"
#include "sema/Suggest.h"

namespace jaws::sema {

namespace {

constexpr std::string_view kDirective = "jaws-disable-next-line";

bool isLint(std::string_view id) { return id.size() == 6 && id.substr(0, 3) == "JW5" && id != "JW5000"; }

// The lint codes of the catalog, for did-you-mean.
std::vector<std::string> lintCodes() {
  std::vector<std::string> codes;
  for (const CatalogEntry& entry : catalog()) {
    if (isLint(entry.id)) codes.emplace_back(entry.id);
  }
  return codes;
}

// A known lint code, normalized to upper case; nullopt otherwise.
std::optional<std::string> lintCode(std::string_view text) {
  const CatalogEntry* entry = findCatalogEntry(text);
  if (entry == nullptr || !isLint(entry->id)) return std::nullopt;
  return std::string(entry->id);
}

Diagnostic unknownCode(Span at, const std::string& code) {
  Diagnostic d = diag::UnknownLintCode(at, code);
  if (auto best = closestMatch(code, lintCodes())) d.withHelp(note::DidYouMean(*best));
  return d;
}

struct Level {
  std::optional<Severity> severity;  // none: off
};

// The project's `lint` map, read from its evaluated value (the schema has
// checked the levels); unknown codes are reported at their keys.
std::map<std::string, Level> configuredLevels(const Program& program, Diagnostics& out) {
  std::map<std::string, Level> levels;
  if (program.project == nullptr) return levels;
  const ast::Attribute* attribute = findAttribute(*program.project, "lint");
  if (attribute == nullptr) return levels;
  TypeResolver types(program);
  Diagnostics ignored;  // reported when the model was built
  Evaluator evaluator(program, types, Target{}, ignored);
  const model::Value* lint = evaluator.projectValue().field("lint");
  // One invalid level fails the whole map's schema check (reported there);
  // the valid entries still apply, or every lint the user turned off would
  // come back as a follow-up of that one typo.
  MaybeValue written;
  if (lint == nullptr) {
    written = evaluator.eval(*attribute->value);
    if (written) lint = &*written;
  }
  if (lint == nullptr || lint->kind != model::Value::Kind::Object) return levels;
  for (const auto& [code, level] : lint->fields) {
    auto known = lintCode(code);
    if (!known) {
      out.push_back(unknownCode(spanOr(objectKeySpan(*attribute->value, code), attribute->key.span), code));
      continue;
    }
    const std::string& name = level.string;
    if (name == "off") levels[*known] = Level{};
    if (name == "info") levels[*known] = Level{Severity::Info};
    if (name == "warning") levels[*known] = Level{Severity::Warning};
    if (name == "error") levels[*known] = Level{Severity::Error};
  }
  return levels;
}

// One `// jaws-disable-next-line A, B` comment.
struct Suppression {
  Span comment;
  FileId file;
  std::uint32_t line;  // 0-based, the line after the comment's
  std::map<std::string, bool> codes;  // code -> silenced something
};

std::vector<Suppression> suppressions(const std::vector<const ast::SourceUnit*>& units, const SourceManager& sources,
                                      Diagnostics& out) {
  std::vector<Suppression> found;
  for (const auto* unit : units) {
    const SourceFile* file = sources.find(unit->file);
    if (file == nullptr) continue;
    for (const auto& comment : unit->comments) {
      if (comment.kind != ast::Comment::Kind::Line) continue;
      std::string_view text = file->slice(comment.span);
      if (text.substr(0, 2) == "//") text.remove_prefix(2);
      while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
      if (text.substr(0, kDirective.size()) != kDirective) continue;
      text.remove_prefix(kDirective.size());
      if (!text.empty() && text.front() != ' ' && text.front() != '\t') continue;
      Suppression s{comment.span, unit->file, file->lineIndex(comment.span.begin) + 1, {}};
      std::string word;
      auto flush = [&]() {
        if (word.empty()) return;
        if (auto code = lintCode(word)) {
          s.codes.emplace(*code, false);
        } else {
          out.push_back(unknownCode(comment.span, word));
        }
        word.clear();
      };
      for (char ch : text) {
        if (ch == ' ' || ch == '\t' || ch == ',' || ch == '\r') {
          flush();
        } else {
          word += ch;
        }
      }
      flush();
      found.push_back(std::move(s));
    }
  }
  return found;
}

void applyLevels(const std::map<std::string, Level>& levels, Diagnostics& diagnostics) {
  if (levels.empty()) return;
  std::erase_if(diagnostics, [&](Diagnostic& d) {
    auto it = levels.find(std::string(d.id()));
    if (it == levels.end()) return false;
    if (!it->second.severity) return true;
    d.severity = *it->second.severity;
    return false;
  });
}

}  // namespace

void applyLintLevels(const Program& program, Diagnostics& diagnostics) {
  Diagnostics reportedByTheAnalysis;
  applyLevels(configuredLevels(program, reportedByTheAnalysis), diagnostics);
}

void applyLintPolicy(const Program& program, const std::vector<const ast::SourceUnit*>& units, const SourceManager* sources,
                     Diagnostics& diagnostics) {
  Diagnostics added;
  std::vector<Suppression> disabled;
  if (sources != nullptr) disabled = suppressions(units, *sources, added);
  // Silence the lints on the line after each comment.
  if (!disabled.empty()) {
    std::map<std::pair<FileId, std::uint32_t>, Suppression*> byLine;
    for (auto& s : disabled) byLine[{s.file, s.line}] = &s;
    std::erase_if(diagnostics, [&](const Diagnostic& d) {
      if (!isLint(d.id()) || !d.span.valid()) return false;
      const SourceFile* file = sources->find(d.span.file);
      if (file == nullptr) return false;
      auto it = byLine.find({d.span.file, file->lineIndex(d.span.begin)});
      if (it == byLine.end()) return false;
      auto code = it->second->codes.find(std::string(d.id()));
      if (code == it->second->codes.end()) return false;
      code->second = true;
      return true;
    });
    for (const auto& s : disabled) {
      for (const auto& [code, used] : s.codes) {
        if (!used) added.push_back(diag::UnusedSuppression(s.comment, code));
      }
    }
  }
  const std::map<std::string, Level> levels = configuredLevels(program, added);
  diagnostics.insert(diagnostics.end(), added.begin(), added.end());
  applyLevels(levels, diagnostics);
}

}  // namespace jaws::sema
