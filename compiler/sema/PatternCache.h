#pragma once
// Regular expressions compiled once per checker (std::regex is slow to
// build): `@pattern` constraints of the stdlib's schemas and the patterns of
// the resource specification.
#include <map>
#include <optional>
#include <regex>
#include <string>

namespace jaws::sema {

class PatternCache {
 public:
  // The ECMAScript regex of `pattern`; null when std::regex refuses it (a
  // --stdlib copy may hold patterns the embedded data would not).
  const std::regex* compiled(const std::string& pattern);

 private:
  std::map<std::string, std::optional<std::regex>, std::less<>> patterns_;
};

}  // namespace jaws::sema
