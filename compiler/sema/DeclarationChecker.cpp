#include "sema/DeclarationChecker.h"

namespace jaws::sema {

void checkDeclarations(const Program&, TypeResolver&, Diagnostics&) {}

}  // namespace jaws::sema
