// API bodies and routes: methods, bare paths and route items (design §5).
#include <cctype>
#include <charconv>

#include "diag/Builders.h"
#include "syntax/AstBuilder.h"
#include "syntax/ContextCast.h"

namespace jaws::syntax {

namespace {

bool isIdentifier(std::string_view s) {
  if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  for (char c : s) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  }
  return true;
}

bool isLiteralSegment(std::string_view s) {
  for (char c : s) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '~' || c == '-')) return false;
  }
  return !s.empty();
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

void AstBuilder::buildApiBody(P::ApiBodyContext* ctx, ast::ApiDecl& api) {
  if (ctx == nullptr) return;
  api.bodySpan = span(ctx);
  for (auto* member : ctx->apiMember()) {
    if (auto* attribute = member->attribute()) api.attributes.push_back(buildAttribute(attribute));
    if (auto* route = member->route()) api.routes.push_back(buildRoute(route));
  }
}

ast::RoutePath AstBuilder::buildRoutePath(antlr4::tree::TerminalNode* node) {
  ast::RoutePath path;
  path.span = span(node);
  if (node == nullptr || isMissing(node->getSymbol())) {
    path.valid = false;
    return path;
  }
  path.text = std::string(text(path.span));
  if (path.text == "/") return path;
  std::uint32_t offset = path.span.begin + 1;  // after the leading '/'
  std::string_view rest = std::string_view(path.text).substr(1);
  auto fail = [&](Span at, const NoteText& reason) {
    path.valid = false;
    out_.push_back(diag::InvalidRoutePath(at, path.text, reason.str()));
  };
  while (true) {
    const std::size_t slash = rest.find('/');
    const std::string_view segment = rest.substr(0, slash);
    const Span at{file_.id(), offset, static_cast<std::uint32_t>(offset + segment.size())};
    if (segment.empty()) {
      const bool trailing = slash == std::string_view::npos;
      fail(Span{file_.id(), offset - 1, offset}, trailing ? note::PathTrailingSlash() : note::PathEmptySegment());
      if (trailing) break;
    } else if (segment.front() == '{') {
      std::string_view name = segment.substr(1);
      const bool closed = !name.empty() && name.back() == '}';
      if (closed) name.remove_suffix(1);
      const bool greedy = !name.empty() && name.back() == '+';
      if (greedy) name.remove_suffix(1);
      if (!closed || !isIdentifier(name)) {
        fail(at, note::PathBadParameter(segment));
      } else {
        path.segments.push_back({greedy ? ast::PathSegment::Kind::Greedy : ast::PathSegment::Kind::Parameter,
                                 std::string(name), Span{file_.id(), at.begin + 1, at.begin + 1 + static_cast<std::uint32_t>(name.size())}});
      }
    } else if (!isLiteralSegment(segment)) {
      fail(at, note::PathBadLiteral(segment));
    } else {
      path.segments.push_back({ast::PathSegment::Kind::Literal, std::string(segment), at});
    }
    if (slash == std::string_view::npos) break;
    offset += static_cast<std::uint32_t>(slash + 1);
    rest = rest.substr(slash + 1);
  }
  return path;
}

ast::Route AstBuilder::buildRoute(P::RouteContext* ctx) {
  ast::Route route;
  route.span = span(ctx);
  route.doc = docBefore(ctx);
  route.decorators = buildDecorators(ctx->decorator());
  route.methodName = identifier(ctx->identifier(0), ctx);
  route.target = ctx->MISSING() ? ast::Identifier{"", reportMissingPiece(ctx->MISSING(), "a function name")}
                                : identifier(ctx->identifier(1), ctx);
  if (route.methodName.valid()) {
    route.method = ast::parseHttpMethod(route.methodName.text);
    if (!route.method) {
      Diagnostic d = diag::UnknownHttpMethod(route.methodName.span, route.methodName.text);
      const std::string capital = upper(route.methodName.text);
      if (ast::parseHttpMethod(capital)) {
        d.withHelp(note::MethodsAreCapitals()).withFix(note::ReplaceWith(capital), route.methodName.span, capital);
      }
      out_.push_back(std::move(d));
    }
  }
  route.path = buildRoutePath(ctx->ROUTE_PATH());
  if (auto* body = ctx->routeBody()) {
    route.hasBraces = true;
    for (auto* item : body->routeItem()) buildRouteItem(item, route);
  }
  return route;
}

void AstBuilder::buildRouteItem(P::RouteItemContext* ctx, ast::Route& route) {
  if (auto* c = asAlternative<P::RouteAttributeContext>(ctx)) {
    route.attributes.push_back(buildAttribute(c->attribute()));
    return;
  }
  if (auto* c = asAlternative<P::RouteParameterContext>(ctx)) {
    const ast::Identifier keyword = identifier(c->identifier(), c);
    std::optional<ast::ParamLocation> where;
    if (keyword.text == "path") where = ast::ParamLocation::Path;
    if (keyword.text == "query") where = ast::ParamLocation::Query;
    if (keyword.text == "header") where = ast::ParamLocation::Header;
    if (!where) {
      if (keyword.text == "body" || keyword.text == "returns") {
        out_.push_back(diag::RouteItemTakesNoName(span(c->routeParamName()), keyword.text));
      } else if (keyword.valid()) {
        out_.push_back(diag::UnknownRouteItem(keyword.span, keyword.text));
      }
      return;
    }
    ast::RouteParameter p;
    p.where = *where;
    p.span = span(c);
    p.doc = docBefore(c);
    if (auto* name = c->routeParamName(); name && name->stringLiteral()) {
      auto literal = buildString(name->stringLiteral());
      p.name = ast::Identifier{literal->plainText(), literal->span};
    } else {
      p.name = anyName(name ? name->anyName() : nullptr, c);
    }
    p.optional = c->QUESTION() != nullptr;
    if (p.optional && p.where == ast::ParamLocation::Path) {
      out_.push_back(diag::OptionalPathParameter(span(c->QUESTION()))
                         .withFix(note::RemoveThis(), span(c->QUESTION()), ""));
    }
    p.type = buildType(c->typeExpr());
    p.decorators = buildDecorators(c->decorator());
    route.parameters.push_back(std::move(p));
    return;
  }
  auto* c = asAlternative<P::RouteShapeContext>(ctx);
  if (c == nullptr) return;
  const ast::Identifier keyword = identifier(c->identifier(), c);
  if (keyword.text == "path" || keyword.text == "query" || keyword.text == "header") {
    out_.push_back(diag::RouteItemNeedsName(keyword.span, keyword.text));
    return;
  }
  if (keyword.text != "body" && keyword.text != "returns") {
    if (keyword.valid()) out_.push_back(diag::UnknownRouteItem(keyword.span, keyword.text));
    return;
  }
  std::optional<int> status;
  Span statusSpan;
  if (c->INT()) {
    statusSpan = span(c->INT());
    const std::string_view digits = text(statusSpan);
    int value = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (keyword.text != "returns") {
      out_.push_back(diag::StatusOnlyOnReturns(statusSpan, keyword.text));
    } else if (ec != std::errc() || end != digits.data() + digits.size() || value < 100 || value > 599) {
      out_.push_back(diag::InvalidStatusCode(statusSpan, digits));
    } else {
      status = value;
    }
  }
  if (keyword.text == "body") {
    route.bodies.push_back(ast::RouteBody{buildType(c->typeExpr()), buildDecorators(c->decorator()), span(c)});
  } else {
    ast::RouteResponse response;
    response.status = status;
    response.statusSpan = statusSpan;
    response.type = buildType(c->typeExpr());
    response.decorators = buildDecorators(c->decorator());
    response.doc = docBefore(c);
    response.span = span(c);
    route.responses.push_back(std::move(response));
  }
}

}  // namespace jaws::syntax
