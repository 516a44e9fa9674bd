#include "sema/PatternCache.h"

#include <map>
#include <memory>
#include <mutex>

namespace jaws::sema {

namespace {

struct ProcessPatterns {
  std::mutex mutex;
  // Null for a pattern std::regex refuses. Entries are never erased, so the
  // regexes handed out stay valid for the life of the process.
  std::map<std::string, std::unique_ptr<const std::regex>, std::less<>> compiled;
};

ProcessPatterns& processPatterns() {
  static ProcessPatterns* patterns = new ProcessPatterns;  // never destroyed: no order problem at exit
  return *patterns;
}

}  // namespace

const std::regex* compiledPattern(const std::string& pattern) {
  ProcessPatterns& patterns = processPatterns();
  std::lock_guard lock(patterns.mutex);
  auto it = patterns.compiled.find(pattern);
  if (it == patterns.compiled.end()) {
    std::unique_ptr<const std::regex> regex;
    try {
      regex = std::make_unique<const std::regex>(pattern, std::regex::ECMAScript);
    } catch (const std::regex_error&) {
    }
    it = patterns.compiled.emplace(pattern, std::move(regex)).first;
  }
  return it->second.get();
}

}  // namespace jaws::sema
