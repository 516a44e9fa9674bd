#include "emit/apidocs/ApiSecurity.h"

#include "emit/cloudformation/CfnNames.h"

namespace jaws::emit {

using model::AuthKind;

bool ApiSecurity::sameScheme(const model::Auth& a, const model::Auth& b) {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case AuthKind::Cognito:
      return model::describe(a.cognitoUserPoolArn) == model::describe(b.cognitoUserPoolArn) && sameAudience(a, b);
    case AuthKind::Jwt: return model::describe(a.jwt().issuer) == model::describe(b.jwt().issuer) && sameAudience(a, b);
    case AuthKind::Authorizer: return a.authorizerFunction == b.authorizerFunction;
    default: return true;
  }
}

bool ApiSecurity::sameAudience(const model::Auth& a, const model::Auth& b) {
  const auto& x = a.jwt().audience;
  const auto& y = b.jwt().audience;
  if (x.size() != y.size()) return false;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (model::describe(x[i]) != model::describe(y[i])) return false;
  }
  return true;
}

ApiSecurity::ApiSecurity(const model::Api& api) {
  int cognitoCount = 0, jwtCount = 0;
  for (const auto& route : api.routes) {
    const model::Auth& auth = route.auth;
    if (auth.kind == AuthKind::None || schemeFor(auth) != nullptr) continue;
    std::string name;
    switch (auth.kind) {
      case AuthKind::Iam: name = names::kIamScheme; break;
      case AuthKind::ApiKey: name = names::kApiKeyScheme; break;
      case AuthKind::Cognito:
        ++cognitoCount;
        name = "CognitoAuthorizer" + (cognitoCount == 1 ? std::string() : std::to_string(cognitoCount));
        break;
      case AuthKind::Authorizer: name = names::authorizerScheme(auth.authorizerFunction); break;
      case AuthKind::Jwt:
        ++jwtCount;
        name = "JwtAuthorizer" + (jwtCount == 1 ? std::string() : std::to_string(jwtCount));
        break;
      case AuthKind::None: break;
    }
    schemes_.push_back({name, auth});
  }
}

const SecurityScheme* ApiSecurity::schemeFor(const model::Auth& auth) const {
  for (const auto& scheme : schemes_) {
    if (sameScheme(scheme.auth, auth)) return &scheme;
  }
  return nullptr;
}

bool ApiSecurity::usesApiKey() const {
  for (const auto& scheme : schemes_) {
    if (scheme.auth.kind == AuthKind::ApiKey) return true;
  }
  return false;
}

std::vector<std::string> ApiSecurity::authorizerFunctions() const {
  std::vector<std::string> out;
  for (const auto& scheme : schemes_) {
    if (scheme.auth.kind == AuthKind::Authorizer) out.push_back(scheme.auth.authorizerFunction);
  }
  return out;
}

std::string partitionOf(const std::string& region) {
  auto startsWith = [&](const char* prefix) { return region.rfind(prefix, 0) == 0; };
  if (startsWith("cn-")) return "aws-cn";
  if (startsWith("us-gov-")) return "aws-us-gov";
  if (startsWith("us-isob-")) return "aws-iso-b";
  if (startsWith("us-iso-")) return "aws-iso";
  if (startsWith("eusc-")) return "aws-eusc";
  return "aws";
}

}  // namespace jaws::emit
