#include "properties/ReparseProperties.h"

#include "syntax/AstDump.h"
#include "syntax/ItemReuse.h"

namespace jaws::test {

std::unique_ptr<ParsedText> parseKeepingItems(const std::string& text, const syntax::ParsedItems* previous) {
  auto parsed = std::make_unique<ParsedText>();
  parsed->id = parsed->sources.add("edited.jaws", "edited.jaws", text);
  syntax::ParseOptions options;
  options.keepItems = true;
  options.previous = previous;
  parsed->result = syntax::parse(parsed->sources.file(parsed->id), options);
  return parsed;
}

std::string diagnosticsText(const Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) {
    out += std::string(d.id()) + " " + std::to_string(d.span.begin) + "-" + std::to_string(d.span.end) + " " + d.message;
    for (const auto& note : d.notes) out += " | " + std::to_string(note.span.begin) + " " + note.message;
    out += " | " + d.help;
    for (const auto& fix : d.fixes) {
      out += " | fix " + fix.title;
      for (const auto& edit : fix.edits) out += " " + std::to_string(edit.span.begin) + ":" + edit.newText;
    }
    out += "\n";
  }
  return out;
}

namespace {

// The tree with every span, the diagnostics, and how many items were kept.
std::string outcome(const ParsedText& parsed) {
  return ast::dump(*parsed.result.unit, parsed.sources.file(parsed.id)) + diagnosticsText(parsed.result.diagnostics) +
         "kept " + std::to_string(parsed.result.items ? parsed.result.items->size() : 0) + "\n";
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
  const auto first = parseKeepingItems(before, nullptr);
  const auto taken = parseKeepingItems(after, first->result.items.get());
  const auto fresh = parseKeepingItems(after, nullptr);
  const std::string a = outcome(*taken), b = outcome(*fresh);
  return a == b ? "" : firstDifferentLine(a, b);
}

}  // namespace jaws::test
