#pragma once
// The routes of one API as API Gateway matches them: a literal segment before
// a `{param}`, a `{param}` before a greedy `{param+}` (which takes one segment
// or more), backtracking to the next candidate when a branch fails; among the
// resources a path matches, the first that has the method (or ANY) wins.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "model/Model.h"

namespace jaws::local {

struct RouteMatch {
  const model::Route* route = nullptr;
  std::vector<std::pair<std::string, std::string>> pathParameters;  // decoded; a greedy one without its `+`
};

class RouteTable {
 public:
  explicit RouteTable(const model::Api& api);

  enum class Miss : std::uint8_t { NoPath, NoMethod };
  // `path` is the request path as sent (percent-encoded); its segments are
  // decoded one by one, so an encoded `/` (%2F) stays inside its segment.
  std::variant<RouteMatch, Miss> match(std::string_view method, std::string_view path) const;
  // The routes whose path matches, any method (what a CORS preflight answers for).
  std::vector<const model::Route*> routesOnPath(std::string_view path) const;

  static std::vector<std::string> segments(std::string_view path);  // decoded

 private:
  struct Pattern {
    std::vector<std::string> segments;  // "todos", "{id}", "{key+}"
    std::vector<const model::Route*> routes;
  };
  // Candidate patterns for `request`, most specific first, with their parameters.
  std::vector<std::pair<const Pattern*, std::vector<std::pair<std::string, std::string>>>> candidates(
      const std::vector<std::string>& request) const;

  std::vector<Pattern> patterns_;
};

}  // namespace jaws::local
