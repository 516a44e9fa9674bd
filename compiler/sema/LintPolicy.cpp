#include "sema/LintPolicy.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "diag/Builders.h"
#include "sema/Evaluator.h"
#include "sema/rules/RuleContext.h"
#include "sema/Suggest.h"
#include "syntax/ItemExtent.h"

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

// One `// jaws-disable-next-line A, B` comment. It covers the item that
// follows it (syntax/ItemExtent.h): the declaration, attribute, field, route,
// list element ... that begins at the first token after the comment, all of
// it, so formatting (which moves line breaks, never tokens) cannot change what
// it silences.
struct Suppression {
  Span comment;
  Span covers;  // empty when no item begins after the comment
  std::map<std::string, bool> codes;  // code -> silenced something
};

// The offset of the first token at or after `from`: whitespace and comments
// skipped.
std::uint32_t nextTokenAt(std::string_view text, std::size_t from) {
  std::size_t i = from;
  while (i < text.size()) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ++i;
    } else if (text.compare(i, 2, "//") == 0) {
      i = text.find('\n', i);
    } else if (text.compare(i, 2, "/*") == 0) {
      const std::size_t close = text.find("*/", i + 2);
      i = close == std::string_view::npos ? close : close + 2;
    } else {
      break;
    }
  }
  return static_cast<std::uint32_t>(std::min(i, text.size()));
}

// Which suppressions cover a position. The spans they cover are syntax
// items, so any two are nested or apart; each keeps the closest one around
// it, and a lookup walks out from the last one that starts before the
// position: the depth of the tree, not the number of comments.
class CoverIndex {
 public:
  explicit CoverIndex(std::vector<Suppression>& all) {
    for (auto& s : all) {
      if (s.covers.size() > 0) byStart_.push_back(&s);
    }
    std::stable_sort(byStart_.begin(), byStart_.end(), [](const Suppression* a, const Suppression* b) {
      return std::tie(a->covers.file, a->covers.begin) < std::tie(b->covers.file, b->covers.begin);
    });
    std::vector<std::size_t> open;
    for (std::size_t i = 0; i < byStart_.size(); ++i) {
      while (!open.empty() && !inside(*byStart_[open.back()], byStart_[i]->covers.file, byStart_[i]->covers.begin)) open.pop_back();
      enclosing_.push_back(open.empty() ? kNone : open.back());
      open.push_back(i);
    }
  }

  // Calls `visit` with each suppression covering (file, offset) until it returns true.
  template <typename Visit>
  bool any(FileId file, std::uint32_t offset, Visit visit) const {
    auto after = std::upper_bound(byStart_.begin(), byStart_.end(), std::make_pair(file, offset),
                                  [](const std::pair<FileId, std::uint32_t>& at, const Suppression* s) {
                                    return at < std::make_pair(s->covers.file, s->covers.begin);
                                  });
    std::size_t i = after == byStart_.begin() ? kNone : static_cast<std::size_t>(after - byStart_.begin()) - 1;
    for (; i != kNone; i = enclosing_[i]) {
      if (inside(*byStart_[i], file, offset) && visit(*byStart_[i])) return true;
    }
    return false;
  }

 private:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  static bool inside(const Suppression& s, FileId file, std::uint32_t offset) {
    return s.covers.file == file && offset >= s.covers.begin && offset < s.covers.end;
  }
  std::vector<Suppression*> byStart_;
  std::vector<std::size_t> enclosing_;
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
      const std::uint32_t next = nextTokenAt(file->text(), comment.span.end);
      const std::uint32_t itemEnd = syntax::itemEndAt(*unit, next).value_or(next);
      Suppression s{comment.span, Span{unit->file, next, itemEnd}, {}};
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
  // Silence the lints inside the item after each comment.
  if (!disabled.empty()) {
    const CoverIndex index(disabled);
    std::erase_if(diagnostics, [&](const Diagnostic& d) {
      if (!isLint(d.id()) || !d.span.valid()) return false;
      return index.any(d.span.file, d.span.begin, [&](Suppression& s) {
        auto code = s.codes.find(std::string(d.id()));
        if (code == s.codes.end()) return false;
        code->second = true;
        return true;
      });
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
