#include "diag/Catalog.h"

#include <cctype>

namespace jaws {

namespace {

constexpr CatalogEntry kEntries[] = {
#define JAWS_DIAG0(id, name, sev, msg, expl, ex) {DiagCode::id, #id, #name, Severity::sev, msg, expl, ex},
#define JAWS_DIAG1(id, name, sev, a, msg, expl, ex) {DiagCode::id, #id, #name, Severity::sev, msg, expl, ex},
#define JAWS_DIAG2(id, name, sev, a, b, msg, expl, ex) {DiagCode::id, #id, #name, Severity::sev, msg, expl, ex},
#define JAWS_DIAG3(id, name, sev, a, b, c, msg, expl, ex) {DiagCode::id, #id, #name, Severity::sev, msg, expl, ex},
#include "diag/Catalog.def"
};

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(a[i])) != std::toupper(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

}  // namespace

std::string_view severityName(Severity severity) {
  switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "info";
    case Severity::Hint: return "hint";
  }
  return "error";
}

std::span<const CatalogEntry> catalog() { return kEntries; }

const CatalogEntry& catalogEntry(DiagCode code) { return kEntries[static_cast<std::size_t>(code)]; }

const CatalogEntry* findCatalogEntry(std::string_view id) {
  for (const auto& entry : kEntries) {
    if (equalsIgnoreCase(entry.id, id)) return &entry;
  }
  return nullptr;
}

}  // namespace jaws
