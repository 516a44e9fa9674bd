#pragma once
// The catalog of diagnostic codes, generated from Catalog.def.
#include <cstdint>
#include <span>
#include <string_view>

namespace jaws {

enum class Severity : std::uint8_t { Error, Warning, Info, Hint };

std::string_view severityName(Severity severity);

enum class DiagCode : std::uint16_t {
#define JAWS_DIAG0(id, name, sev, msg, expl, ex) id,
#define JAWS_DIAG1(id, name, sev, a, msg, expl, ex) id,
#define JAWS_DIAG2(id, name, sev, a, b, msg, expl, ex) id,
#define JAWS_DIAG3(id, name, sev, a, b, c, msg, expl, ex) id,
#include "diag/Catalog.def"
};

struct CatalogEntry {
  DiagCode code;
  std::string_view id;       // "JW1001"
  std::string_view name;     // "UnterminatedString"
  Severity severity;         // the default; lints may be reconfigured
  std::string_view message;  // template with {arg} placeholders
  std::string_view explanation;
  std::string_view example;  // a .jaws snippet that produces it, or empty
};

std::span<const CatalogEntry> catalog();
const CatalogEntry& catalogEntry(DiagCode code);
// Finds an entry by its id ("JW1001"), case-insensitively; nullptr if none.
const CatalogEntry* findCatalogEntry(std::string_view id);

}  // namespace jaws
