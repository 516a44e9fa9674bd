#pragma once
// Where a model's parts were written, apart from what they deploy (which
// model/Comparable.h compares): the language server takes a function's or a
// route's model from the check before when neither its text nor what it read
// changed (sema/ModelReuse.h), and moves its places with its text.
#include <cstdint>
#include <functional>

#include "model/Model.h"

namespace jaws::model {

// The places inside one stretch of a file, moved by `delta` bytes (an edit
// above the stretch changed the file's length).
struct PlaceShift {
  FileId file = kNoFile;
  std::uint32_t begin = 0, end = 0;  // the stretch, before the move
  std::int64_t delta = 0;
  void apply(Span& span) const {
    if (span.file != file || span.begin < begin || span.end > end) return;
    span.begin = static_cast<std::uint32_t>(span.begin + delta);
    span.end = static_cast<std::uint32_t>(span.end + delta);
  }
};

// Visits every place of `function`, in a fixed order. A function's event
// sources are not visited: sema/ModelReuse.h never keeps a function with any.
void visitPlaces(Function& function, const std::function<void(Span&)>& visit);

// Every place of `function` inside the stretch, moved.
void shiftPlaces(Function& function, const PlaceShift& shift);

// Visits every place of `route`, in a fixed order: its own, its auth's and
// its schemas' (a default or an example written inline).
void visitPlaces(Route& route, const std::function<void(Span&)>& visit);
void shiftPlaces(Route& route, const PlaceShift& shift);

// Equal (model/Comparable.h) and written at the same places, all the way down:
// a value whose places differ would put a later diagnostic somewhere else.
bool identical(const Value& a, const Value& b);

}  // namespace jaws::model
