// Per-API AWS rules on the evaluated model: what API Gateway refuses (Cognito
// ARNs, binary media types), what runs wrongly once deployed (integrations
// that time out before their function, CORS that browsers refuse,
// authorizers that also answer routes), and operation ids the emitter would
// have to rename.
#include <map>
#include <regex>
#include <set>
#include <tuple>

#include "diag/Builders.h"
#include "sema/rules/RuleContext.h"

namespace jaws::sema {

namespace {

using K = model::Value::Kind;

const ast::ApiDecl* apiDecl(const Program& program, const model::Api& api) {
  const ast::BlockDecl* block = blockDecl(program, api.name, SymbolKind::Api);
  return block != nullptr && block->kind == ast::DeclKind::Api ? static_cast<const ast::ApiDecl*>(block) : nullptr;
}

// The source of each evaluated route, found by its span. Built once per API:
// a scan per route made the rules quadratic in the routes of an API.
class RouteSources {
 public:
  explicit RouteSources(const ast::ApiDecl* decl) {
    if (decl == nullptr) return;
    for (const auto& r : decl->routes) bySpan_.emplace(key(r.span), &r);
  }
  const ast::Route* find(const model::Route& route) const {
    auto it = bySpan_.find(key(route.span));
    return it == bySpan_.end() ? nullptr : it->second;
  }

 private:
  using Key = std::tuple<FileId, std::uint32_t, std::uint32_t>;
  static Key key(Span s) { return {s.file, s.begin, s.end}; }
  std::map<Key, const ast::Route*> bySpan_;
};

Span attributeValueSpan(const ast::ApiDecl* decl, std::string_view name, Span fallback) {
  const ast::Attribute* a = decl ? findAttribute(*decl, name) : nullptr;
  return a ? a->value->span : fallback;
}

// REST and HTTP APIs wait for their integrations for different times, each
// its own stdlib limit and code (JW4010, JW4065).
void checkIntegrationTimeouts(const StackRuleContext& c, const model::Api& api,
                              const std::map<std::string_view, const model::Function*>& functions) {
  const bool http = api.kind == model::ApiKind::Http;
  const auto limit = c.aws.limit(http ? "httpIntegrationTimeout" : "integrationTimeout");  // milliseconds
  if (!limit) return;
  std::set<std::string> reported;
  for (const auto& route : api.routes) {
    auto found = functions.find(route.function);
    if (found == functions.end()) continue;
    const model::Function& f = *found->second;
    if (f.timeoutSeconds * 1000 <= *limit || !reported.insert(f.name).second) continue;
    const ast::Attribute* timeout = inheritedAttribute(c.program, blockDecl(c.program, f.name, SymbolKind::Function), "timeout");
    const Span at = timeout ? timeout->value->span : Span{f.span};
    const std::string runs = model::describe(model::Value::ofDuration(f.timeoutSeconds * 1000));
    const std::string waits = model::describe(model::Value::ofDuration(*limit));
    c.out.push_back((http ? diag::HttpIntegrationTimeoutExceeded(at, f.name, runs, waits)
                          : diag::IntegrationTimeoutExceeded(at, f.name, runs, waits))
                        .note(route.span, note::RoutedHere()));
  }
}

void checkCognito(const StackRuleContext& c, const model::Auth& auth) {
  if (auth.kind != model::AuthKind::Cognito || auth.cognitoUserPoolArn.kind != K::String) return;
  // Function-local statics below their early returns: compiled only by a
  // project that has something to match (see checkResourceTypes).
  static const std::regex kUserPool(
      "^arn:aws[a-zA-Z-]*:cognito-idp:([a-z]{2}(?:-[a-z]+)+-[0-9]+):[0-9]{12}:userpool/([a-z]{2}(?:-[a-z]+)+-[0-9]+)_[0-9A-Za-z]+$");
  const std::string& arn = auth.cognitoUserPoolArn.string;
  std::smatch match;
  if (!std::regex_match(arn, match, kUserPool) || match[1].str() != match[2].str()) {
    c.out.push_back(diag::InvalidCognitoUserPoolArn(spanOr(auth.cognitoUserPoolArn.origin, auth.span), arn));
  }
}

void checkBinaryMediaTypes(const StackRuleContext& c, const model::Api& api, const ast::ApiDecl* decl) {
  if (api.binaryMediaTypes.empty()) return;
  static const std::regex kMediaType("^[A-Za-z0-9!#$&^_.+*-]+/[A-Za-z0-9!#$&^_.+*-]+$");
  const ast::Attribute* attribute = decl ? findAttribute(*decl, "binaryMediaTypes") : nullptr;
  for (const auto& type : api.binaryMediaTypes) {
    if (std::regex_match(type, kMediaType)) continue;
    Span at = attribute ? attribute->value->span : Span{api.span};
    if (attribute && attribute->value->kind == ast::ExprKind::List) {
      for (const auto& item : static_cast<const ast::ListLiteral&>(*attribute->value).items) {
        if (item->kind == ast::ExprKind::String && static_cast<const ast::StringLiteral&>(*item).plainText() == type) at = item->span;
      }
    }
    c.out.push_back(diag::InvalidBinaryMediaType(at, type));
  }
}

void checkOperationIds(const StackRuleContext& c, const model::Api& api, const RouteSources& sources) {
  struct First {
    const model::Route* route;
    bool explicitly;
  };
  std::map<std::string, First> seen;
  for (const auto& route : api.routes) {
    if (route.operationId.empty()) continue;
    const ast::Route* source = sources.find(route);
    const ast::Attribute* written = nullptr;
    if (source != nullptr) {
      for (const auto& a : source->attributes) {
        if (a.key.text == "operationId") written = &a;
      }
    }
    auto [it, inserted] = seen.try_emplace(route.operationId, First{&route, written != nullptr});
    if (inserted || (!written && !it->second.explicitly)) continue;
    c.out.push_back(diag::DuplicateOperationId(written ? written->value->span : Span{route.span}, route.operationId)
                        .note(it->second.route->span, note::FirstDeclaredHere()));
  }
}

void checkCors(const StackRuleContext& c, const model::Api& api, const ast::ApiDecl* decl) {
  if (!api.cors.enabled || !api.cors.credentials) return;
  for (const auto& origin : api.cors.origins) {
    if (origin != "*") continue;
    c.out.push_back(diag::CorsCredentialsWithAnyOrigin(attributeValueSpan(decl, "cors", api.span)).withHelp(note::ListOrigins()));
    return;
  }
}

// A private API deploys only with a resource policy; the Api schema has no
// `policy` yet, so the check looks for the attribute in the source.
void checkPrivateEndpoint(const StackRuleContext& c, const model::Api& api, const ast::ApiDecl* decl) {
  if (api.endpoint != "PRIVATE" || (decl != nullptr && findAttribute(*decl, "policy") != nullptr)) return;
  c.out.push_back(diag::PrivateApiWithoutPolicy(attributeValueSpan(decl, "endpoint", api.span), api.name));
}

void checkAuthorizersNotRouted(const StackRuleContext& c, const model::Api& api, const RouteSources& sources) {
  std::map<std::string, Span> authorizers;
  auto collect = [&](const model::Auth& auth) {
    if (auth.kind == model::AuthKind::Authorizer) authorizers.try_emplace(auth.authorizerFunction, auth.span);
  };
  collect(api.auth);
  for (const auto& route : api.routes) collect(route.auth);
  for (const auto& route : api.routes) {
    auto it = authorizers.find(route.function);
    if (it == authorizers.end()) continue;
    const ast::Route* source = sources.find(route);
    c.out.push_back(diag::AuthorizerAlsoRouted(source ? source->target.span : route.span, route.function)
                        .note(it->second, note::AuthorizerHere()));
  }
}

}  // namespace

void checkApiRules(const StackRuleContext& context) {
  std::map<std::string_view, const model::Function*> functions;
  for (const auto& f : context.stack.functions) functions.emplace(f.name, &f);
  for (const auto& api : context.stack.apis) {
    const ast::ApiDecl* decl = apiDecl(context.program, api);
    const RouteSources sources(decl);
    checkCognito(context, api.auth);
    for (const auto& route : api.routes) checkCognito(context, route.auth);
    checkOperationIds(context, api, sources);
    checkAuthorizersNotRouted(context, api, sources);
    checkIntegrationTimeouts(context, api, functions);
    // An HTTP API's CORS, endpoint and features have rules of their own (HttpApiRules.cpp).
    if (api.kind == model::ApiKind::Http) continue;
    checkBinaryMediaTypes(context, api, decl);
    checkCors(context, api, decl);
    checkPrivateEndpoint(context, api, decl);
  }
}

}  // namespace jaws::sema
