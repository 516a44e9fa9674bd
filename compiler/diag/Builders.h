#pragma once
// Typed builders, one per catalog entry: `diag::UnexpectedToken(span, found,
// expected)`. Generated from Catalog.def so a message is written only there.
#include <string_view>

#include "diag/Diagnostic.h"

namespace jaws::diag {

struct MessageArg {
  std::string_view name;
  std::string_view value;
};

Diagnostic make(DiagCode code, Span span, std::initializer_list<MessageArg> args);
NoteText note(std::string_view templ, std::initializer_list<MessageArg> args);

#define JAWS_DIAG0(id, name, sev, msg, expl, ex) \
  inline Diagnostic name(Span span) { return make(DiagCode::id, span, {}); }
#define JAWS_DIAG1(id, name, sev, a, msg, expl, ex) \
  inline Diagnostic name(Span span, std::string_view a) { return make(DiagCode::id, span, {{#a, a}}); }
#define JAWS_DIAG2(id, name, sev, a, b, msg, expl, ex)                      \
  inline Diagnostic name(Span span, std::string_view a, std::string_view b) { \
    return make(DiagCode::id, span, {{#a, a}, {#b, b}});                      \
  }
#define JAWS_DIAG3(id, name, sev, a, b, c, msg, expl, ex)                                        \
  inline Diagnostic name(Span span, std::string_view a, std::string_view b, std::string_view c) { \
    return make(DiagCode::id, span, {{#a, a}, {#b, b}, {#c, c}});                                 \
  }
#include "diag/Catalog.def"

}  // namespace jaws::diag

namespace jaws::note {

#define JAWS_NOTE0(name, text) \
  inline NoteText name() { return diag::note(text, {}); }
#define JAWS_NOTE1(name, a, text) \
  inline NoteText name(std::string_view a) { return diag::note(text, {{#a, a}}); }
#define JAWS_NOTE2(name, a, b, text) \
  inline NoteText name(std::string_view a, std::string_view b) { return diag::note(text, {{#a, a}, {#b, b}}); }
#include "diag/Catalog.def"

}  // namespace jaws::note
