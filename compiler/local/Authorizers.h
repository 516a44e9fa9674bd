#pragma once
// Authorization as API Gateway does it for a REST or HTTP API route, locally:
// - a Lambda authorizer (`authorizer(fn)`) is invoked with API Gateway's TOKEN
//   or REQUEST event, its IAM policy evaluated against the method ARN, its
//   answer cached per identity for its TTL (300 s by default);
// - Cognito and JWT: the bearer JWT is decoded and its claims passed on, but its
//   signature and expiry are not checked (no user pool locally);
// - API key: an `x-api-key` header must be present (any value);
// - IAM: an `Authorization` header must be present (not verified).
// See docs/local.md.
#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "local/HttpExchange.h"
#include "local/ServingState.h"
#include "local/events/ApiEvents.h"

namespace jaws::local {

struct AuthorizationResult {
  bool allowed = false;
  HttpResponse denial;     // when not allowed: API Gateway's answer
  EventJson context;       // requestContext.authorizer when allowed (may be null)
  std::string logDetail;   // why, for the terminal
};

class AuthorizerCache {
 public:
  std::optional<EventJson> find(const std::string& key) const;
  void store(const std::string& key, EventJson answer, std::chrono::seconds ttl);
  void clear();

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::pair<EventJson, std::chrono::steady_clock::time_point>> entries_;
};

// `httpApi`: the route is an HTTP API's, whose Lambda authorizers take the
// payload 2.0 REQUEST event and answer simply ({isAuthorized, context}), and
// whose JWT authorizers pass `jwt.claims` and `jwt.scopes` on.
AuthorizationResult authorize(const ServingState& state, const model::Route& route, bool httpApi,
                              const HttpRequest& request, const ApiEventContext& context, AuthorizerCache& cache);

// Whether an IAM policy document allows `methodArn` (an explicit Deny wins).
bool policyAllows(const EventJson& policy, const std::string& methodArn);

// API Gateway's JSON error answer: {"message": ...} with its error type header.
HttpResponse gatewayError(int status, const EventJson& message, const std::string& errorType);

}  // namespace jaws::local
