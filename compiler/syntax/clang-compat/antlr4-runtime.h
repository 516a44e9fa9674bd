#pragma once
// Clang builds only (the sanitizer and fuzzing tree): Debian's ANTLR 4.9
// runtime headers do not compile with clang. misc/InterpreterDataReader.h,
// pulled in by the umbrella header, defines `InterpreterData() {}` inline,
// which default-constructs a `dfa::Vocabulary` whose default constructor is
// deleted (a const member without an initializer); GCC lets it pass, clang
// refuses it. Jaws never uses InterpreterData (it serves ANTLR's interpreter
// mode), so its constructors are turned into templates while the header is
// read: a template's body is compiled only if called. Nothing else changes,
// and the class's layout stays that of the runtime library. This folder comes
// first on the include path (compiler/CMakeLists.txt), so every
// `#include "antlr4-runtime.h"`, the generated parser's included, lands here.
#define InterpreterData(...) template <typename JawsClangCompat = void> InterpreterData(__VA_ARGS__)
#include_next <antlr4-runtime.h>
#undef InterpreterData
