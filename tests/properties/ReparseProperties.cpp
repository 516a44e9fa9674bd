#include "properties/ReparseProperties.h"

#include <memory>

#include "source/SourceManager.h"
#include "syntax/AstDump.h"
#include "syntax/ItemReuse.h"
#include "syntax/Parser.h"

namespace jaws::test {

namespace {

struct Parsed {
  SourceManager sources;
  FileId id = kNoFile;
  syntax::ParseResult result;
};

std::unique_ptr<Parsed> parseText(const std::string& text, const syntax::ParsedItems* previous) {
  auto parsed = std::make_unique<Parsed>();
  parsed->id = parsed->sources.add("edited.jaws", "edited.jaws", text);
  syntax::ParseOptions options;
  options.keepItems = true;
  options.previous = previous;
  parsed->result = syntax::parse(parsed->sources.file(parsed->id), options);
  return parsed;
}

// The tree with every span, then each diagnostic with its place.
std::string outcome(const Parsed& parsed) {
  std::string out = ast::dump(*parsed.result.unit, parsed.sources.file(parsed.id));
  for (const auto& d : parsed.result.diagnostics) {
    out += std::string(d.id()) + " " + std::to_string(d.span.begin) + "-" + std::to_string(d.span.end) + " " + d.message;
    for (const auto& note : d.notes) out += " | " + std::to_string(note.span.begin) + " " + note.message;
    out += "\n";
  }
  out += "kept " + std::to_string(parsed.result.items ? parsed.result.items->size() : 0) + "\n";
  return out;
}

std::string firstDifferentLine(const std::string& a, const std::string& b) {
  std::size_t line = 1, i = 0;
  for (; i < a.size() && i < b.size() && a[i] == b[i]; ++i) {
    if (a[i] == '\n') ++line;
  }
  auto lineAt = [&](const std::string& s) {
    const std::size_t begin = s.rfind('\n', i == 0 ? 0 : i - 1);
    const std::size_t from = begin == std::string::npos || i == 0 ? 0 : begin + 1;
    return s.substr(from, s.find('\n', from) - from);
  };
  return "line " + std::to_string(line) + ": `" + lineAt(a) + "` against `" + lineAt(b) + "` from scratch";
}

}  // namespace

std::string reparsePropertyViolation(const std::string& before, const std::string& after) {
  const auto first = parseText(before, nullptr);
  const auto taken = parseText(after, first->result.items.get());
  const auto fresh = parseText(after, nullptr);
  const std::string a = outcome(*taken), b = outcome(*fresh);
  return a == b ? "" : firstDifferentLine(a, b);
}

}  // namespace jaws::test
