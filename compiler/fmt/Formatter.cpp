#include "fmt/Formatter.h"

#include "fmt/CommentCursor.h"
#include "fmt/Layout.h"
#include "fmt/Printer.h"
#include "syntax/AstDump.h"
#include "syntax/Parser.h"

namespace jaws::formatter {

namespace {

std::vector<std::string> commentTexts(const SourceFile& file, const ast::SourceUnit& unit) {
  std::vector<std::string> texts;
  for (const auto& c : unit.comments) texts.push_back(CommentCursor::normalizedText(file.slice(c.span), c.kind));
  return texts;
}

}  // namespace

std::string layout(const SourceFile& file, const ast::SourceUnit& unit) { return print(Layout(file, unit).build()); }

bool preservesProgram(const SourceFile& original, const ast::SourceUnit& unit, const std::string& formatted) {
  const SourceFile reread(original.id(), original.path(), formatted);
  const syntax::ParseResult again = syntax::parse(reread);
  if (hasErrors(again.diagnostics)) return false;
  return ast::dumpWithoutSpans(*again.unit, reread) == ast::dumpWithoutSpans(unit, original) &&
         commentTexts(reread, *again.unit) == commentTexts(original, unit);
}

std::optional<std::string> formatSource(const SourceFile& file, const ast::SourceUnit& unit) {
  std::string formatted = layout(file, unit);
  if (!preservesProgram(file, unit, formatted)) return std::nullopt;
  return formatted;
}

FormatResult formatFile(const SourceFile& file) {
  FormatResult result;
  syntax::ParseResult parsed = syntax::parse(file);
  if (hasErrors(parsed.diagnostics)) {
    for (auto& d : parsed.diagnostics) {
      if (d.severity == Severity::Error) result.diagnostics.push_back(std::move(d));
    }
    return result;
  }
  result.text = formatSource(file, *parsed.unit);
  return result;
}

}  // namespace jaws::formatter
