#pragma once
// `jaws check --stats`: how each stack's template would be written, with its
// predicted counts against CloudFormation's quotas, and, for a stack that is
// split (docs/splitting.md), the root template and each nested stack.
#include <string>

#include "sema/Analysis.h"

namespace jaws::cli {

// Reuses the splits the analysis already planned; plans the others.
std::string renderSplitReport(const sema::Analysis& analysis);

}  // namespace jaws::cli
