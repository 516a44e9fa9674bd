#include "sema/LintPolicy.h"

namespace jaws::sema {

void applyLintPolicy(const Program&, const std::vector<const ast::SourceUnit*>&, Diagnostics&) {}

}  // namespace jaws::sema
