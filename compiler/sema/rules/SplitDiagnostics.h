#pragma once
// The diagnostics of a stack split into nested stacks (docs/splitting.md):
// the splitter (emit/split/) reports its problems as plain values naming
// declarations by key ("function:fn1"); this turns them into coded
// diagnostics at those declarations. Used by `jaws check` (the predicted
// split) and `jaws build` (the written one).
#include <vector>

#include "diag/Diagnostic.h"
#include "emit/split/StackSplitter.h"
#include "model/Model.h"

namespace jaws::sema {

// "bench-dev in us-east-1": how messages name a stack.
std::string stackWhere(const model::Stack& stack);

void reportSplitIssues(const model::Stack& stack, const std::vector<emit::split::SplitIssue>& issues, Span projectSpan,
                       Diagnostics& out);

}  // namespace jaws::sema
