#pragma once
// `jaws check --explain-values`: what each stage and region gets, function by
// function, after defaults, params and conditions are resolved.
#include <string>
#include <vector>

#include "model/Model.h"

namespace jaws::cli {

std::string renderValuesReport(const std::vector<model::Stack>& stacks);

}  // namespace jaws::cli
