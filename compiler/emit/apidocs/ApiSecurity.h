#pragma once
// The security schemes an API's routes use, named once for the Swagger body,
// the OpenAPI document and the template (authorizer permissions, API keys):
// `sigv4` (iam), `api_key`, `CognitoAuthorizer[N]` per distinct user pool
// (and audience), `<Function>Authorizer` per Lambda authorizer,
// `JwtAuthorizer[N]` per distinct issuer and audience (HTTP APIs). Order:
// first use in route order. Scopes are the route's, not the scheme's.
#include <string>
#include <vector>

#include "model/Model.h"

namespace jaws::emit {

struct SecurityScheme {
  std::string name;
  model::Auth auth;  // the first route's auth that introduced the scheme
};

class ApiSecurity {
 public:
  explicit ApiSecurity(const model::Api& api);

  // The scheme a route's auth uses; null for `none`.
  const SecurityScheme* schemeFor(const model::Auth& auth) const;
  const std::vector<SecurityScheme>& schemes() const { return schemes_; }
  bool usesApiKey() const;
  // Declaration names of the Lambda authorizer functions, in first-use order.
  std::vector<std::string> authorizerFunctions() const;

 private:
  static bool sameScheme(const model::Auth& a, const model::Auth& b);
  static bool sameAudience(const model::Auth& a, const model::Auth& b);
  std::vector<SecurityScheme> schemes_;
};

// The partition of a region (`aws`, `aws-cn`, `aws-us-gov`, ...), for the
// literal ARNs of the import Swagger.
std::string partitionOf(const std::string& region);

}  // namespace jaws::emit
