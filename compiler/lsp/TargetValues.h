#pragma once
// The value of something per evaluation target (stage, region), for hover:
// the program is evaluated again for each target with a scratch diagnostics
// list, the way `jaws check` evaluates it, and equal results are grouped
// (`dev (us-east-1): "todos-dev"`, `prod (us-east-1), prod (eu-west-1): "todos"`).
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "sema/Analysis.h"
#include "sema/Evaluator.h"

namespace jaws::lsp {

struct ValueGroup {
  std::string value;  // model::describe of the value, or "(not known: it has an error)"
  std::vector<std::string> targets;
};

using Evaluate = std::function<sema::MaybeValue(sema::Evaluator&)>;

// Evaluates in every target of the analysis (only the targets of `stage`
// when it is set).
std::vector<ValueGroup> valuesPerTarget(const sema::Analysis& analysis, const Evaluate& evaluate,
                                        const std::optional<std::string>& stage = std::nullopt);

// Markdown lines: one value when all targets agree, else a line per group.
// `allTargets` is how many targets the analysis has.
std::string renderValueGroups(const std::vector<ValueGroup>& groups, std::size_t allTargets);

}  // namespace jaws::lsp
