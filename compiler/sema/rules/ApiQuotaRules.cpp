// API Gateway's own quotas on a REST API that no template split can lift
// (docs/splitting.md): its resources, one per path segment, 300 by default.
// The size of its definition (6 MB) is measured by the splitter, which knows
// the bytes (JW4097).
#include <set>
#include <string>

#include "diag/Builders.h"
#include "sema/rules/RuleContext.h"

namespace jaws::sema {

namespace {

// The API Gateway resources of an API's routes: every path and every path
// above it, the root `/` left out (every API has it).
std::size_t restApiResources(const model::Api& api) {
  std::set<std::string> paths;
  for (const auto& route : api.routes) {
    for (std::size_t slash = route.path.find('/', 1); ; slash = route.path.find('/', slash + 1)) {
      const std::string prefix = route.path.substr(0, slash);
      if (prefix.size() > 1) paths.insert(prefix);
      if (slash == std::string::npos) break;
    }
  }
  return paths.size();
}

}  // namespace

void checkApiQuotaRules(const StackRuleContext& c) {
  const auto limit = c.aws.limit("restApiResources");
  if (!limit) return;
  for (const auto& api : c.stack.apis) {
    const std::size_t count = restApiResources(api);
    if (static_cast<std::int64_t>(count) > *limit) {
      c.out.push_back(diag::RestApiTooManyResources(api.span, api.name, std::to_string(count), std::to_string(*limit)));
    }
  }
}

}  // namespace jaws::sema
