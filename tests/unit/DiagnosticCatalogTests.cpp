#include <catch2/catch.hpp>
#include <set>

#include "diag/Builders.h"
#include "diag/Catalog.h"

using namespace jaws;

TEST_CASE("catalog codes are unique, well-formed and ordered", "[diag]") {
  std::set<std::string_view> seen;
  std::string_view previous;
  for (const CatalogEntry& entry : catalog()) {
    INFO(entry.id);
    CHECK(entry.id.size() == 6);
    CHECK(entry.id.substr(0, 2) == "JW");
    CHECK(seen.insert(entry.id).second);
    CHECK(previous < entry.id);
    CHECK(!entry.message.empty());
    CHECK(!entry.explanation.empty());
    previous = entry.id;
  }
}

TEST_CASE("builders format the catalog message with their arguments", "[diag]") {
  const Diagnostic d = diag::UnexpectedToken(Span{0, 3, 4}, "`}`", "an expression");
  CHECK(d.id() == "JW1004");
  CHECK(d.message == "unexpected `}`; expected an expression");
  CHECK(d.severity == Severity::Error);
  CHECK(findCatalogEntry("jw1004") == &catalogEntry(DiagCode::JW1004));
  CHECK(findCatalogEntry("JW0000") == nullptr);
}
