#pragma once
// The event builtins (`sqs(jobs, {...})`, `rule({...})`, ...) are stdlib
// data: each entry of the `eventSources` let in stdlib/events.jaws declares
// one. The binder reads their names from the let's text, before anything is
// evaluated; the evaluator (EventBuiltins.cpp) reads the evaluated entry.
#include <string>
#include <utility>
#include <vector>

#include "syntax/Ast.h"

namespace jaws::sema {

// One entry of `let eventSources = { name = { argument = "...", ... } }`,
// read from its text: what the first argument is ("source", "bucket",
// "pattern" or "expression"), how hover shows the call, and the stdlib types
// of the record it returns and of its options. Empty when the entry does not say.
struct EventBuiltinInfo {
  std::string argument, signature, record, options;
};
std::vector<std::pair<std::string, EventBuiltinInfo>> eventBuiltinsOf(const ast::LetDecl& eventSources);

}  // namespace jaws::sema
