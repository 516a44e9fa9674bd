#include "sema/PatternCache.h"

namespace jaws::sema {

const std::regex* PatternCache::compiled(const std::string& pattern) {
  auto it = patterns_.find(pattern);
  if (it == patterns_.end()) {
    std::optional<std::regex> regex;
    try {
      regex.emplace(pattern, std::regex::ECMAScript);
    } catch (const std::regex_error&) {
    }
    it = patterns_.emplace(pattern, std::move(regex)).first;
  }
  return it->second ? &*it->second : nullptr;
}

}  // namespace jaws::sema
