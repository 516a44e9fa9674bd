#include <fmt/format.h>

#include "diag/Ordering.h"
#include "diag/Renderers.h"
#include "diag/TerminalText.h"

namespace jaws {

namespace {

// A line longer than this is shown as a window around the caret, so a 10 MB
// single-line file does not print 10 MB.
constexpr std::size_t kMaxShownLine = 160;
constexpr std::size_t kWindowBefore = 60;

std::string location(const SourceManager& sources, Span span) {
  const SourceFile* file = span.valid() ? sources.find(span.file) : nullptr;
  if (!file) return "jaws";
  const LineColumn lc = file->lineColumn(span.begin);
  return fmt::format("{}:{}:{}", terminal::printable(file->path()), lc.line, lc.column);
}

void renderSnippet(std::string& out, const SourceFile& file, Span span) {
  const std::uint32_t lineIndex = file.lineIndex(span.begin);
  std::string_view line = file.lineText(lineIndex);
  const std::uint32_t lineStart = file.lineStart(lineIndex);
  std::size_t caretFrom = std::min<std::size_t>(span.begin - lineStart, line.size());
  std::size_t caretTo = std::min<std::size_t>(std::max(span.end, span.begin) - lineStart, line.size());
  caretTo = std::max(caretTo, caretFrom);
  std::string prefix, suffix;
  if (line.size() > kMaxShownLine) {
    std::size_t from = caretFrom > kWindowBefore ? caretFrom - kWindowBefore : 0;
    while (from > 0 && (static_cast<unsigned char>(line[from]) & 0xC0) == 0x80) --from;
    std::size_t to = std::min(line.size(), from + kMaxShownLine);
    while (to < line.size() && (static_cast<unsigned char>(line[to]) & 0xC0) == 0x80) ++to;
    if (from > 0) prefix = "...";
    if (to < line.size()) suffix = "...";
    line = line.substr(from, to - from);
    caretFrom -= from;
    caretTo = std::min(caretTo - std::min(caretTo, from), line.size());
  }
  const std::string number = std::to_string(lineIndex + 1);
  const std::string gutter(number.size(), ' ');
  // Carets go under display columns: what precedes the span, shown as it is
  // printed, decides where they start.
  const std::size_t lead = terminal::displayWidth(terminal::printable(line.substr(0, caretFrom))) + prefix.size();
  const std::size_t width =
      std::max<std::size_t>(1, terminal::displayWidth(terminal::printable(line.substr(caretFrom, caretTo - caretFrom))));
  out += fmt::format(" {} |\n", gutter);
  out += fmt::format(" {} | {}{}{}\n", number, prefix, terminal::printable(line), suffix);
  out += fmt::format(" {} | {}{}\n", gutter, std::string(lead, ' '), std::string(width, '^'));
}

}  // namespace

std::string renderTextOne(const Diagnostic& d, const SourceManager& sources) {
  std::string out = fmt::format("{}: {}[{}]: {}\n", location(sources, d.span), severityName(d.severity), d.id(),
                                terminal::printable(d.message));
  if (const SourceFile* file = d.span.valid() ? sources.find(d.span.file) : nullptr) renderSnippet(out, *file, d.span);
  if (!d.help.empty()) out += fmt::format("  = help: {}\n", terminal::printable(d.help));
  for (const auto& n : d.notes) {
    if (n.span.valid()) {
      out += fmt::format("{}: note: {}\n", location(sources, n.span), terminal::printable(n.message));
      if (const SourceFile* file = sources.find(n.span.file)) renderSnippet(out, *file, n.span);
    } else {
      out += fmt::format("  = note: {}\n", terminal::printable(n.message));
    }
  }
  return out;
}

std::string renderText(std::span<const DiagnosticReport> reports) {
  std::string out;
  DiagnosticCounts counts;
  for (const auto& report : reports) {
    for (const auto& d : *report.diagnostics) out += renderTextOne(d, *report.sources);
    const DiagnosticCounts some = countBySeverity(*report.diagnostics);
    counts.errors += some.errors;
    counts.warnings += some.warnings;
  }
  if (counts.errors || counts.warnings) {
    out += fmt::format("{} error{}, {} warning{}\n", counts.errors, counts.errors == 1 ? "" : "s", counts.warnings,
                       counts.warnings == 1 ? "" : "s");
  }
  return out;
}

}  // namespace jaws
