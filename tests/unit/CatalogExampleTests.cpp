// Every catalog entry's example (the snippet docs/diagnostics.md shows)
// really produces that entry's code when compiled on its own.
#include <catch2/catch.hpp>

#include <algorithm>

#include "diag/Catalog.h"
#include "support/Parsing.h"
#include "support/TempDir.h"

using namespace jaws;

TEST_CASE("every catalog example produces its code", "[diag][catalog]") {
  std::size_t checked = 0;
  for (const CatalogEntry& entry : catalog()) {
    if (entry.example.empty()) continue;  // files and I/O: no source shows them
    DYNAMIC_SECTION(entry.id) {
      test::TempDir dir;
      const auto file = dir.write("example/example.jaws", entry.example);
      const auto project = test::compileProject({file});
      const auto found = test::codes(project.diagnostics);
      INFO("example:\n" << entry.example);
      INFO("diagnostics: " << [&] {
        std::string all;
        for (const auto& d : project.diagnostics) all += std::string(d.id()) + " " + d.message + "; ";
        return all;
      }());
      CHECK(std::find(found.begin(), found.end(), std::string(entry.id)) != found.end());
    }
    ++checked;
  }
  CHECK(checked > 20);
}

TEST_CASE("examples end with a line break so the docs render them as blocks", "[diag][catalog]") {
  for (const CatalogEntry& entry : catalog()) {
    INFO(entry.id);
    if (!entry.example.empty()) CHECK(entry.example.back() == '\n');
  }
}
