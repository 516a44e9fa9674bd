// Per-API rules about HTTP APIs (`kind = "http"`, API Gateway v2): what an
// HTTP API cannot do, refused where it is written (API keys, request
// validation, endpoint types other than regional, binary media types),
// what it would refuse or run wrongly (credentialed CORS from any origin, a
// Cognito authorizer without an audience, an issuer that is not an https
// URL, preflights that reach an authorizer), the JWT settings a REST API
// would ignore, and CORS headers that leave out what the API authorizes by.
// The integration timeout of both kinds is checked in ApiRules.cpp.
#include <cctype>
#include <set>

#include "diag/Builders.h"
#include "sema/rules/RuleContext.h"

namespace jaws::sema {

namespace {

using K = model::Value::Kind;

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

const ast::BlockDecl* apiBlock(const StackRuleContext& c, const model::Api& api) {
  return blockDecl(c.program, api.name, SymbolKind::Api);
}

// The value of an attribute written in the API's block; null when it is not written.
const ast::Expr* writtenValue(const ast::BlockDecl* decl, std::string_view name) {
  const ast::Attribute* a = decl ? findAttribute(*decl, name) : nullptr;
  return a ? a->value.get() : nullptr;
}

// Every distinct auth of an API: its default and each route's own.
template <typename Visit>
void forEachAuth(const model::Api& api, Visit visit) {
  std::set<std::tuple<FileId, std::uint32_t, std::uint32_t>> seen;
  auto once = [&](const model::Auth& auth) {
    if (seen.insert({auth.span.file, auth.span.begin, auth.span.end}).second) visit(auth);
  };
  once(api.auth);
  for (const auto& route : api.routes) once(route.auth);
}

void checkUnsupportedFeatures(const StackRuleContext& c, const model::Api& api, const ast::BlockDecl* decl) {
  forEachAuth(api, [&](const model::Auth& auth) {
    if (auth.kind == model::AuthKind::ApiKey) c.out.push_back(diag::ApiKeyOnHttpApi(spanOr(auth.span, api.span), api.name));
  });
  // `validate` and `endpoint` have defaults that fit a REST API: only what
  // is written asks for something an HTTP API cannot do.
  if (const ast::Expr* validate = writtenValue(decl, "validate"); validate && api.validate) {
    c.out.push_back(diag::ValidationOnHttpApi(validate->span, api.name));
  }
  if (const ast::Expr* endpoint = writtenValue(decl, "endpoint"); endpoint && api.endpoint != "REGIONAL") {
    c.out.push_back(diag::HttpApiEndpointType(endpoint->span, "\"" + api.endpoint + "\""));
  }
  if (const ast::Expr* types = writtenValue(decl, "binaryMediaTypes"); types && !api.binaryMediaTypes.empty()) {
    c.out.push_back(diag::HttpApiBinaryMediaTypes(types->span, api.name));
  }
}

void checkJwtAuthorizers(const StackRuleContext& c, const model::Api& api) {
  forEachAuth(api, [&](const model::Auth& auth) {
    if (auth.kind == model::AuthKind::Cognito && auth.jwt().audience.empty()) {
      c.out.push_back(diag::CognitoWithoutAudience(spanOr(auth.span, api.span)));
    }
    const model::Value& written = auth.jwt().issuer;
    if (auth.kind != model::AuthKind::Jwt || written.kind != K::String) return;
    const std::string& issuer = written.string;
    const bool https = issuer.rfind("https://", 0) == 0 && issuer.size() > 8;
    if (!https || issuer.find_first_of("?#") != std::string::npos) {
      c.out.push_back(diag::JwtIssuerNotHttps(spanOr(written.origin, auth.span), model::describe(written)));
    }
  });
}

// On a REST API: what only an HTTP API's JWT authorizers do.
void checkJwtOnRest(const StackRuleContext& c, const model::Api& api) {
  forEachAuth(api, [&](const model::Auth& auth) {
    if (auth.kind == model::AuthKind::Jwt) c.out.push_back(diag::JwtOnRestApi(spanOr(auth.span, api.span), "`jwt(...)`"));
    if (auth.kind == model::AuthKind::Cognito && !auth.jwt().audience.empty()) {
      const Span at = spanOr(auth.jwt().audience.front().origin, auth.span);
      c.out.push_back(diag::JwtOnRestApi(spanOr(at, api.span), "the `audience` of a Cognito authorizer"));
    }
  });
}

void checkCors(const StackRuleContext& c, const model::Api& api, const ast::BlockDecl* decl) {
  if (!api.cors.enabled) return;
  const ast::Expr* cors = writtenValue(decl, "cors");
  if (api.cors.credentials) {
    for (const auto& origin : api.cors.origins) {
      if (origin != "*") continue;
      c.out.push_back(diag::HttpCorsCredentialsWithAnyOrigin(cors ? cors->span : api.span, "the HTTP API `" + api.name + "`")
                          .withHelp(note::ListOrigins()));
      break;
    }
  }
  for (const auto& route : api.routes) {
    if (route.method != model::HttpMethod::Any || route.auth.kind == model::AuthKind::None) continue;
    c.out.push_back(diag::PreflightReachesAuthorizer(route.span, "ANY " + route.path));
  }
}

// The request header an API's authorization reads (IAM signatures and JWTs:
// Authorization; an API key: X-Api-Key; a Lambda authorizer: its identity headers).
std::vector<std::string> identityHeaders(const model::Auth& auth) {
  switch (auth.kind) {
    case model::AuthKind::Iam:
    case model::AuthKind::Cognito:
    case model::AuthKind::Jwt: return {"Authorization"};
    case model::AuthKind::ApiKey: return {"X-Api-Key"};
    case model::AuthKind::Authorizer: return auth.identityHeaders;
    case model::AuthKind::None: break;
  }
  return {};
}

void checkCorsHeaders(const StackRuleContext& c, const model::Api& api, const ast::BlockDecl* decl) {
  if (!api.cors.enabled || api.cors.headers.empty()) return;
  std::set<std::string> allowed;
  for (const auto& header : api.cors.headers) allowed.insert(lower(header));
  if (allowed.count("*")) return;
  const ast::Expr* cors = writtenValue(decl, "cors");
  const Span at = cors ? spanOr(objectKeySpan(*cors, "headers"), cors->span) : Span{api.span};
  std::set<std::string> reported;
  forEachAuth(api, [&](const model::Auth& auth) {
    for (const auto& header : identityHeaders(auth)) {
      if (allowed.count(lower(header)) || !reported.insert(lower(header)).second) continue;
      c.out.push_back(diag::CorsHeadersOmitAuthorization(at, header, "the API `" + api.name + "`"));
    }
  });
}

}  // namespace

void checkHttpApiRules(const StackRuleContext& context) {
  for (const auto& api : context.stack.apis) {
    const ast::BlockDecl* decl = apiBlock(context, api);
    checkCorsHeaders(context, api, decl);
    if (api.kind != model::ApiKind::Http) {
      checkJwtOnRest(context, api);
      continue;
    }
    checkUnsupportedFeatures(context, api, decl);
    checkJwtAuthorizers(context, api);
    checkCors(context, api, decl);
  }
}

}  // namespace jaws::sema
