#include <catch2/catch.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

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

namespace {

// The placeholders of an fmt template (`{name}`; `{{` and `}}` are literal
// braces), or nullopt when the template is malformed.
std::optional<std::set<std::string>> placeholders(std::string_view templ) {
  std::set<std::string> names;
  for (std::size_t i = 0; i < templ.size(); ++i) {
    if (templ.substr(i, 2) == "{{" || templ.substr(i, 2) == "}}") {
      ++i;
    } else if (templ[i] == '{') {
      const std::size_t close = templ.find('}', i);
      if (close == std::string_view::npos || close == i + 1) return std::nullopt;
      names.insert(std::string(templ.substr(i + 1, close - i - 1)));
      i = close;
    } else if (templ[i] == '}') {
      return std::nullopt;
    }
  }
  return names;
}

struct Signature {
  std::string_view id;
  std::set<std::string> args;
  std::string_view message;
};

// Every entry with the argument names of its builder, read from the same X-macro.
const std::vector<Signature>& signatures() {
  static const std::vector<Signature> all = {
#define JAWS_DIAG0(id, name, sev, msg, expl, ex) {#id, {}, msg},
#define JAWS_DIAG1(id, name, sev, a, msg, expl, ex) {#id, {#a}, msg},
#define JAWS_DIAG2(id, name, sev, a, b, msg, expl, ex) {#id, {#a, #b}, msg},
#define JAWS_DIAG3(id, name, sev, a, b, c, msg, expl, ex) {#id, {#a, #b, #c}, msg},
#define JAWS_NOTE0(name, text) {#name, {}, text},
#define JAWS_NOTE1(name, a, text) {#name, {#a}, text},
#define JAWS_NOTE2(name, a, b, text) {#name, {#a, #b}, text},
#include "diag/Catalog.def"
  };
  return all;
}

}  // namespace

TEST_CASE("every message uses exactly its builder's arguments", "[diag]") {
  // fmt throws at run time on a placeholder without an argument; this finds
  // it at test time, for diagnostics and notes alike.
  CHECK(signatures().size() > catalog().size());
  for (const Signature& s : signatures()) {
    INFO(s.id << ": " << s.message);
    const auto names = placeholders(s.message);
    REQUIRE(names.has_value());
    CHECK(*names == s.args);
  }
}

TEST_CASE("builders fill every placeholder", "[diag]") {
  CHECK(diag::UnterminatedString(Span{}).message == "unterminated string literal");
  CHECK(diag::InvalidRoutePath(Span{}, "/a//b", "empty segment").message == "invalid route path /a//b: empty segment");
  CHECK(diag::ImportOutsideRoot(Span{}, "../x.jaws", "ws").message == "import \"../x.jaws\" leaves the workspace root ws");
  CHECK(diag::ImportNotAtTop(Span{}).severity == Severity::Warning);
  // An argument that looks like a placeholder is inserted as it is.
  CHECK(diag::StrayCharacter(Span{}, "`{`").message == "unexpected character `{`");
}

TEST_CASE("notes, help lines and fix titles come from the catalog", "[diag]") {
  CHECK(note::DidYouMean("10s").str() == "did you mean `10s`?");
  CHECK(note::ReplaceWith("GET").str() == "replace with `GET`");
  CHECK(note::PathBadParameter("{id").str() == "`{id` is not a parameter; write `{name}` or `{name+}`");
  Diagnostic d = diag::InvalidNumberUnit(Span{1, 2, 7}, "10sec", "sec");
  d.withHelp(note::DidYouMean("10s")).withFix(note::ReplaceWith("10s"), Span{1, 2, 7}, "10s").note(Span{}, note::RemoveThis());
  CHECK(d.help == "did you mean `10s`?");
  REQUIRE(d.fixes.size() == 1);
  CHECK(d.fixes[0].title == "replace with `10s`");
  CHECK(d.fixes[0].edits[0].span == Span{1, 2, 7});
  REQUIRE(d.notes.size() == 1);
  CHECK(d.notes[0].message == "remove this");
}

TEST_CASE("severity names and lookups", "[diag]") {
  CHECK(severityName(Severity::Error) == "error");
  CHECK(severityName(Severity::Warning) == "warning");
  CHECK(severityName(Severity::Info) == "info");
  CHECK(severityName(Severity::Hint) == "hint");
  for (const CatalogEntry& entry : catalog()) {
    CHECK(&catalogEntry(entry.code) == &entry);
    CHECK(findCatalogEntry(entry.id) == &entry);
  }
  CHECK(findCatalogEntry("") == nullptr);
  CHECK(findCatalogEntry("JW100") == nullptr);
  CHECK(hasErrors({diag::StrayCharacter(Span{}, "x")}));
  CHECK_FALSE(hasErrors({diag::ImportNotAtTop(Span{})}));
}
