#pragma once
// `jaws check --stats`: how each stack's template would be written, with its
// predicted counts against CloudFormation's quotas, and, for a stack that is
// split (docs/splitting.md), the root template and each nested stack.
#include <string>
#include <vector>

#include "model/Model.h"

namespace jaws::cli {

std::string renderSplitReport(const std::vector<model::Stack>& stacks);

}  // namespace jaws::cli
