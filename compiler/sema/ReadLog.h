#pragma once
// What evaluating one declaration's block read outside its own text, in the
// order it read it: the language server takes a function's model from the
// check before when its text and everything it read are the same
// (sema/ModelReuse.h). The evaluator writes the log while one is set
// (Evaluator::setReadLog); reads it cannot repeat by name mark the log
// unrepeatable, and such a block is always evaluated again.
#include <string>
#include <vector>

#include "sema/Program.h"

namespace jaws::sema {

struct Read {
  enum class Kind : std::uint8_t {
    Param,      // a user param's value (Evaluator::paramValue)
    Let,        // a user let's value
    StdlibLet,  // a standard library let's value (a default, the runtime lifecycle)
    Present,    // whether a declaration exists in this target (`fn.arn` of a function with `@when`)
  };
  Kind kind;
  std::string name;
  SymbolKind symbol = SymbolKind::Let;  // Present: the declaration's kind
};

struct ReadLog {
  std::vector<Read> reads;  // in the order the evaluation entered them, nested reads included
  // Something was read that a replay of `reads` would not repeat: a
  // resource's attributes, another function's role or URL, an event source.
  bool unrepeatable = false;
};

}  // namespace jaws::sema
