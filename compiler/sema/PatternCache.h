#pragma once
// Regular expressions compiled once per process (std::regex is slow to
// build): `@pattern` constraints of the stdlib's schemas and the patterns of
// the resource specification. The language server checks on every keystroke;
// the patterns are the same each time.
#include <regex>
#include <string>

namespace jaws::sema {

// The ECMAScript regex of `pattern`; null when std::regex refuses it (a
// --stdlib copy may hold patterns the embedded data would not). Shared by
// every compilation of the process and thread-safe: a compiled regex is never
// changed or freed, and matching against a const regex is safe from several
// threads.
const std::regex* compiledPattern(const std::string& pattern);

}  // namespace jaws::sema
