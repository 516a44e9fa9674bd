#pragma once
// How tokens and sets of expected tokens are named in syntax diagnostics:
// "`}`", "identifier `foo`", "end of file", "an expression".
#include <string>

#include "antlr4-runtime.h"

namespace jaws::syntax {

std::string describeToken(antlr4::Token* token);
std::string describeExpected(const antlr4::misc::IntervalSet& expected);

}  // namespace jaws::syntax
