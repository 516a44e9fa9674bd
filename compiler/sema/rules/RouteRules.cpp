// Route rules that need only the AST: how API Gateway builds the resource
// tree of a REST API from the route paths. Each path segment is a resource;
// a resource has at most one variable child, a greedy variable has no
// children, a path names each parameter once, and a method appears once per
// resource. Also: GET and HEAD carry no body, and an API has at least one
// route. Checked once per program.
#include <map>
#include <memory>
#include <set>

#include "diag/Builders.h"
#include "sema/rules/RuleContext.h"

namespace jaws::sema {

namespace {

using Segment = ast::PathSegment;

bool isVariable(const Segment& s) { return s.kind != Segment::Kind::Literal; }

std::string variableText(const Segment& s) { return s.kind == Segment::Kind::Greedy ? s.text + "+" : s.text; }

// The resource a path stands for, variables unnamed: `/items/{}`.
std::string shape(const ast::RoutePath& path) {
  std::string out;
  for (const auto& s : path.segments) {
    out += "/";
    out += s.kind == Segment::Kind::Literal ? s.text : s.kind == Segment::Kind::Greedy ? "{+}" : "{}";
  }
  return out.empty() ? "/" : out;
}

std::string routeText(const ast::Route& route) {
  return std::string(ast::httpMethodText(*route.method)) + " " + route.path.text;
}

Span routeHead(const ast::Route& route) { return route.methodName.span.cover(route.path.span); }

// API Gateway's resource tree, built route by route.
struct Resource {
  std::map<std::string, std::unique_ptr<Resource>> literals;
  std::unique_ptr<Resource> variable;
  const Segment* variableSegment = nullptr;  // the first route's, for names and notes
};

void checkSegments(const ast::Route& route, Diagnostics& out) {
  std::map<std::string, const Segment*> names;
  const auto& segments = route.path.segments;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const Segment& s = segments[i];
    if (!isVariable(s)) continue;
    if (s.kind == Segment::Kind::Greedy && i + 1 < segments.size()) out.push_back(diag::GreedySegmentNotLast(s.span, s.text));
    if (auto [it, inserted] = names.emplace(s.text, &s); !inserted) {
      out.push_back(diag::RepeatedPathParameter(s.span, s.text).note(it->second->span, note::FirstDeclaredHere()));
    }
  }
  if ((route.method == ast::HttpMethod::Get || route.method == ast::HttpMethod::Head) && !route.bodies.empty()) {
    out.push_back(diag::BodyNotAllowed(route.bodies.front().span, ast::httpMethodText(*route.method)));
  }
}

// Walks the route into the tree; reports the first variable that differs from
// the one already at its position (later ones would only repeat it).
void addToTree(const ast::Route& route, Resource& root, Diagnostics& out) {
  Resource* node = &root;
  for (const Segment& s : route.path.segments) {
    if (!isVariable(s)) {
      auto& child = node->literals[s.text];
      if (!child) child = std::make_unique<Resource>();
      node = child.get();
      continue;
    }
    if (!node->variable) {
      node->variable = std::make_unique<Resource>();
      node->variableSegment = &s;
    } else if (variableText(*node->variableSegment) != variableText(s)) {
      out.push_back(diag::ConflictingPathVariables(s.span, variableText(s), variableText(*node->variableSegment))
                        .note(node->variableSegment->span, note::OtherVariableHere(variableText(*node->variableSegment))));
      return;
    }
    node = node->variable.get();
  }
}

void checkApi(const ast::ApiDecl& api, Diagnostics& out) {
  if (api.routes.empty() && api.name.valid()) out.push_back(diag::ApiWithoutRoutes(api.name.span, api.name.text));
  std::map<std::pair<ast::HttpMethod, std::string>, const ast::Route*> byMethod;
  std::map<std::string, const ast::Route*> anyRoutes;
  std::set<const ast::Route*> duplicates;
  Resource root;
  for (const auto& route : api.routes) {
    if (!route.method || !route.path.valid) continue;
    checkSegments(route, out);
    const std::string key = shape(route.path);
    auto [it, inserted] = byMethod.try_emplace({*route.method, key}, &route);
    if (!inserted) {
      out.push_back(diag::DuplicateRoute(routeHead(route), routeText(route)).note(routeHead(*it->second), note::FirstDeclaredHere()));
      duplicates.insert(&route);
    }
    if (*route.method == ast::HttpMethod::Any) anyRoutes.try_emplace(key, &route);
  }
  for (const auto& route : api.routes) {
    if (!route.method || !route.path.valid || duplicates.count(&route)) continue;
    addToTree(route, root, out);
    if (*route.method == ast::HttpMethod::Any) continue;
    if (auto any = anyRoutes.find(shape(route.path)); any != anyRoutes.end()) {
      out.push_back(diag::RouteShadowsAny(routeHead(route), routeText(route), routeText(*any->second))
                        .note(routeHead(*any->second), note::DeclaredHere()));
    }
  }
}

}  // namespace

void checkRouteRules(const Program& program, Diagnostics& out) {
  for (const auto* api : program.apis) checkApi(*api, out);
}

}  // namespace jaws::sema
