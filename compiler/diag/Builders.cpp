#include "diag/Builders.h"

#include <fmt/args.h>
#include <fmt/format.h>

namespace jaws {

NoteText makeNoteText(std::string text) { return NoteText(std::move(text)); }

bool hasErrors(const Diagnostics& diagnostics) {
  for (const auto& d : diagnostics) {
    if (d.severity == Severity::Error) return true;
  }
  return false;
}

namespace diag {

namespace {

std::string formatTemplate(std::string_view templ, std::initializer_list<MessageArg> args) {
  fmt::dynamic_format_arg_store<fmt::format_context> store;
  for (const auto& arg : args) store.push_back(fmt::arg(std::string(arg.name).c_str(), std::string(arg.value)));
  return fmt::vformat(templ, store);
}

}  // namespace

Diagnostic make(DiagCode code, Span span, std::initializer_list<MessageArg> args) {
  const CatalogEntry& entry = catalogEntry(code);
  Diagnostic d;
  d.code = code;
  d.severity = entry.severity;
  d.span = span;
  d.message = formatTemplate(entry.message, args);
  return d;
}

NoteText note(std::string_view templ, std::initializer_list<MessageArg> args) {
  return makeNoteText(formatTemplate(templ, args));
}

}  // namespace diag
}  // namespace jaws
