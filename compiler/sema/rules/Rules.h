#pragma once
// The AWS rules (JW4xxx) and the lints (JW5xxx). Stack rules run on the model
// of each target (their diagnostics are merged across targets); program rules
// run once, on the bound program and all the stacks.
#include <string>
#include <vector>

#include "diag/Diagnostic.h"
#include "model/Model.h"
#include "sema/Evaluator.h"
#include "sema/Program.h"

namespace jaws::sema {

void checkStackRules(const model::Stack& stack, Evaluator& evaluator, Diagnostics& out);
void checkProgramRules(const Program& program, const std::vector<model::Stack>& stacks, const std::string& projectDir,
                       Diagnostics& out);

}  // namespace jaws::sema
