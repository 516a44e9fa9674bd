#pragma once
// Every .jaws text of the repository (examples, stdlib, tests, bench and the
// fuzz seeds), read from the repository root where the tests run: the inputs
// of the tests that compare two ways of doing one thing (the tokenizer and
// the generated lexer, the parser with and without its prediction table).
#include <string>
#include <vector>

namespace jaws::test {

std::vector<std::string> repositoryJawsTexts();

}  // namespace jaws::test
