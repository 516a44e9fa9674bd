#pragma once
// A diagnostic is a value: a code from the catalog, a span, the formatted
// message, related locations, an optional help line and fix-its. Nothing here
// prints; renderers turn diagnostics into text, JSON or SARIF.
#include <string>
#include <vector>

#include "diag/Catalog.h"
#include "source/Span.h"

namespace jaws {

// Text of a note, help line or fix title. Only the builders generated from the
// catalog make one, so no call site writes message text.
class NoteText {
 public:
  const std::string& str() const { return text_; }

 private:
  explicit NoteText(std::string text) : text_(std::move(text)) {}
  friend NoteText makeNoteText(std::string text);
  std::string text_;
};
NoteText makeNoteText(std::string text);

struct RelatedNote {
  Span span;  // may be invalid for a note without a location
  std::string message;
};

struct TextEdit {
  Span span;
  std::string newText;
};

struct FixIt {
  std::string title;
  std::vector<TextEdit> edits;
};

struct Diagnostic {
  DiagCode code{};
  Severity severity = Severity::Error;
  Span span;
  std::string message;
  std::vector<RelatedNote> notes;
  std::string help;
  std::vector<FixIt> fixes;

  const CatalogEntry& entry() const { return catalogEntry(code); }
  std::string_view id() const { return entry().id; }

  Diagnostic& note(Span at, const NoteText& text) {
    notes.push_back({at, text.str()});
    return *this;
  }
  Diagnostic& withHelp(const NoteText& text) {
    help = text.str();
    return *this;
  }
  Diagnostic& withFix(const NoteText& title, Span at, std::string replacement) {
    fixes.push_back({title.str(), {TextEdit{at, std::move(replacement)}}});
    return *this;
  }
};

using Diagnostics = std::vector<Diagnostic>;

bool hasErrors(const Diagnostics& diagnostics);

}  // namespace jaws
