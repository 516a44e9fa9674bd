#include "properties/FormatProperties.h"

#include <algorithm>

#include "fmt/Formatter.h"
#include "properties/InMemoryProject.h"
#include "source/SourceFile.h"

namespace jaws::test {

namespace {

std::string summaryOf(const Diagnostic& d) {
  std::string line = std::string(d.id()) + " " + std::string(severityName(d.severity)) + ": " + d.message;
  if (!d.help.empty()) line += " | help: " + d.help;
  for (const auto& note : d.notes) line += " | note: " + note.message;
  return line;
}

}  // namespace

std::vector<std::string> checkSummary(const std::string& text) {
  std::vector<std::string> out;
  for (const Diagnostic& d : compileText(text)->diagnostics()) out.push_back(summaryOf(d));
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<std::string> formatText(const std::string& text) {
  const SourceFile file(0, "main.jaws", text);
  formatter::FormatResult result = formatter::formatFile(file);
  return result.text;
}

std::string formatPropertyViolation(const std::string& original, const std::string& formatted) {
  const std::optional<std::string> again = formatText(formatted);
  if (!again) return "the formatted text does not format again";
  if (*again != formatted) return "formatting twice changes the text:\n" + *again;
  const std::vector<std::string> before = checkSummary(original), after = checkSummary(formatted);
  if (before == after) return "";
  std::string out = "formatting changed the diagnostics\nbefore:\n";
  for (const auto& line : before) out += "  " + line + "\n";
  out += "after:\n";
  for (const auto& line : after) out += "  " + line + "\n";
  return out;
}

}  // namespace jaws::test
