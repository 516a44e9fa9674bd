#pragma once
// Reads how a stack is split (model::Splitting) from the project's `split`
// attribute and the standard library's data: CloudFormation's quotas
// (`awsLimits`) and the planning targets and rules (`stackSplitting`, in
// stdlib/splitting.jaws). Data the stdlib does not define is left unset, and
// whatever needs it does not run.
#include "model/Splitting.h"
#include "model/Value.h"
#include "sema/Evaluator.h"

namespace jaws::sema {

model::Splitting readSplitting(Evaluator& evaluator, const model::Value& project);

}  // namespace jaws::sema
