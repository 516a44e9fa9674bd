#pragma once
// Before parsing: `${AWS::StackName}` in a string is CloudFormation's Fn::Sub
// syntax, which users bring from templates. As a Jaws interpolation it would
// give three errors (`cannot find AWS`, an unexpected `:`, ...). Each one is
// reported once here (JW1024, with a fix-it: the builtin where Jaws has the
// value, else an escaped `\${`), and its tokens become one piece of string
// text, so the parser sees a plain string.
#include <memory>
#include <vector>

#include "antlr4-runtime.h"
#include "diag/Diagnostic.h"
#include "source/SourceFile.h"

namespace jaws::syntax {

// `tokens` is the lexer's whole output, EOF last.
void replaceCloudFormationReferences(const SourceFile& file, std::vector<std::unique_ptr<antlr4::Token>>& tokens,
                                     Diagnostics& out);

}  // namespace jaws::syntax
