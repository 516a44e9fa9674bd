#pragma once
// Comparing evaluated models. Two models are equal when they describe the same
// deployment: where their parts were written is not part of it. The language
// server reuses what it emitted for a declaration whose model did not change
// (emit/TemplateReuse.h), also when an edit above it moved its lines.
#include <cstddef>
#include <memory>

#include "source/Span.h"

namespace jaws::model {

// A position in source kept for diagnostics: a Span that model comparisons
// ignore. Everything else reads it as the Span it is; it is assigned from one
// (constructed from one only explicitly, so that `cond ? span : model.span`
// stays a Span).
struct SourceSpan : Span {
  SourceSpan() = default;
  explicit SourceSpan(const Span& span) : Span(span) {}
  SourceSpan& operator=(const Span& span) {
    Span::operator=(span);
    return *this;
  }
  friend bool operator==(const SourceSpan&, const SourceSpan&) { return true; }
};

// A shared part of a model (a function's URL settings, an array's element
// schema) compared by what it holds, not by its address: two evaluations of
// one declaration build their own.
template <typename T>
struct SharedPart : std::shared_ptr<T> {
  using std::shared_ptr<T>::shared_ptr;
  SharedPart(std::shared_ptr<T> part) noexcept : std::shared_ptr<T>(std::move(part)) {}  // NOLINT: assigned from make_shared
  friend bool operator==(const SharedPart& a, const SharedPart& b) {
    if (a.get() == b.get()) return true;
    return a.get() != nullptr && b.get() != nullptr && *a == *b;
  }
  friend bool operator==(const SharedPart& a, std::nullptr_t) { return a.get() == nullptr; }
};

}  // namespace jaws::model
