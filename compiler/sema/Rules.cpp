#include "sema/Rules.h"

namespace jaws::sema {

void checkStackRules(const model::Stack&, Evaluator&, Diagnostics&) {}

void checkProgramRules(const Program&, const std::vector<model::Stack>&, const std::string&, Diagnostics&) {}

}  // namespace jaws::sema
