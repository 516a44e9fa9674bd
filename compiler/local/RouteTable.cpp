#include "local/RouteTable.h"

#include "local/HttpExchange.h"

#include <algorithm>
#include <functional>
#include <map>
#include <variant>

namespace jaws::local {

namespace {

bool isParameter(const std::string& segment) { return segment.size() > 2 && segment.front() == '{' && segment.back() == '}'; }
bool isGreedy(const std::string& segment) { return isParameter(segment) && segment[segment.size() - 2] == '+'; }
std::string parameterName(const std::string& segment) {
  return segment.substr(1, segment.size() - (isGreedy(segment) ? 3 : 2));
}

}  // namespace

std::vector<std::string> RouteTable::segments(std::string_view path) {
  std::vector<std::string> out;
  std::size_t start = path.empty() || path.front() != '/' ? 0 : 1;
  while (start <= path.size()) {
    const std::size_t slash = path.find('/', start);
    const std::string_view piece = path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (!piece.empty() || slash != std::string_view::npos) out.push_back(percentDecode(piece));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  // `/todos/` is `/todos`, as API Gateway treats it.
  if (!out.empty() && out.back().empty()) out.pop_back();
  return out;
}

RouteTable::RouteTable(const model::Api& api) {
  for (const model::Route& route : api.routes) {
    std::vector<std::string> parts = segments(route.path);
    auto same = std::find_if(patterns_.begin(), patterns_.end(), [&](const Pattern& p) { return p.segments == parts; });
    if (same == patterns_.end()) {
      patterns_.push_back({std::move(parts), {&route}});
    } else {
      same->routes.push_back(&route);
    }
  }
}

std::vector<std::pair<const RouteTable::Pattern*, std::vector<std::pair<std::string, std::string>>>> RouteTable::candidates(
    const std::vector<std::string>& request) const {
  // Rank of a pattern segment against a request segment: literal 0, {p} 1, {p+} 2.
  std::vector<std::pair<const Pattern*, std::vector<std::pair<std::string, std::string>>>> out;
  std::vector<std::pair<std::string, std::string>> bound;
  std::vector<const Pattern*> alive;
  for (const Pattern& p : patterns_) alive.push_back(&p);

  std::function<void(std::size_t, const std::vector<const Pattern*>&)> walk = [&](std::size_t depth,
                                                                                  const std::vector<const Pattern*>& live) {
    for (const Pattern* p : live) {
      if (p->segments.size() == depth && request.size() == depth) out.emplace_back(p, bound);
    }
    if (depth >= request.size()) return;
    const std::string& seg = request[depth];
    // Literals first, then parameters, then greedy parameters.
    for (int rank = 0; rank < 3; ++rank) {
      std::map<std::string, std::vector<const Pattern*>> groups;  // by the pattern segment, so one branch per segment
      for (const Pattern* p : live) {
        if (p->segments.size() <= depth) continue;
        const std::string& ps = p->segments[depth];
        const int r = isGreedy(ps) ? 2 : isParameter(ps) ? 1 : 0;
        if (r != rank) continue;
        if (rank == 0 && ps != seg) continue;
        if (rank != 2 && seg.empty()) continue;
        groups[ps].push_back(p);
      }
      for (auto& [ps, group] : groups) {
        if (rank == 2) {
          std::string rest;
          for (std::size_t i = depth; i < request.size(); ++i) rest += (i == depth ? "" : "/") + request[i];
          if (rest.empty()) continue;
          bound.emplace_back(parameterName(ps), rest);
          for (const Pattern* p : group) {
            if (p->segments.size() == depth + 1) out.emplace_back(p, bound);
          }
          bound.pop_back();
        } else {
          if (rank == 1) bound.emplace_back(parameterName(ps), seg);
          walk(depth + 1, group);
          if (rank == 1) bound.pop_back();
        }
      }
    }
  };
  walk(0, alive);
  return out;
}

std::variant<RouteMatch, RouteTable::Miss> RouteTable::match(std::string_view method, std::string_view path) const {
  const auto found = candidates(segments(path));
  if (found.empty()) return Miss::NoPath;
  for (const auto& [pattern, parameters] : found) {
    const model::Route* any = nullptr;
    for (const model::Route* route : pattern->routes) {
      if (method == model::httpMethodName(route->method)) return RouteMatch{route, parameters};
      if (route->method == model::HttpMethod::Any) any = route;
    }
    if (any != nullptr) return RouteMatch{any, parameters};
  }
  return Miss::NoMethod;
}

std::vector<const model::Route*> RouteTable::routesOnPath(std::string_view path) const {
  const auto found = candidates(segments(path));
  if (found.empty()) return {};
  return found.front().first->routes;
}

}  // namespace jaws::local
