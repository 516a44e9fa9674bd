#include "local/Authorizers.h"

#include "local/Base64.h"

namespace jaws::local {

namespace {

using Clock = std::chrono::steady_clock;

bool wildcardMatch(std::string_view pattern, std::string_view text) {
  std::size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
      ++p, ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

std::vector<std::string> asList(const EventJson& value) {
  std::vector<std::string> out;
  if (value.is_string()) out.push_back(value.get<std::string>());
  if (value.is_array()) {
    for (const auto& item : value) {
      if (item.is_string()) out.push_back(item.get<std::string>());
    }
  }
  return out;
}

HttpResponse unauthorized() { return gatewayError(401, "Unauthorized", "UnauthorizedException"); }
HttpResponse forbidden(const char* message) { return gatewayError(403, message, "AccessDeniedException"); }

// The claims of a JWT (its middle part), not verified.
std::optional<EventJson> jwtClaims(const std::string& token) {
  const auto first = token.find('.');
  const auto second = first == std::string::npos ? std::string::npos : token.find('.', first + 1);
  if (second == std::string::npos) return std::nullopt;
  auto payload = base64Decode(token.substr(first + 1, second - first - 1));
  if (!payload) return std::nullopt;
  auto claims = EventJson::parse(*payload, nullptr, false);
  if (claims.is_discarded() || !claims.is_object()) return std::nullopt;
  // API Gateway passes every claim as a string.
  for (auto& [key, value] : claims.items()) {
    if (!value.is_string()) value = value.dump();
  }
  return claims;
}

std::string methodArn(const ApiEventContext& context, const HttpRequest& request, const std::string& region) {
  return "arn:aws:execute-api:" + region + ":" + context.accountId + ":" + context.apiId + "/" + context.stage + "/" +
         request.method + request.path;
}

AuthorizationResult lambdaAuthorizer(const ServingState& state, const model::Auth& auth, const HttpRequest& request,
                                     const ApiEventContext& context, AuthorizerCache& cache) {
  AuthorizationResult result;
  const bool token = auth.authorizerType == model::AuthorizerType::Token;
  std::string identity;
  for (const auto& name : auth.identityHeaders) {
    const std::string* value = request.header(name);
    if (value == nullptr || value->empty()) {
      result.denial = unauthorized();
      result.logDetail = "authorizer " + auth.authorizerFunction + ": no " + name + " header";
      return result;
    }
    identity += *value + '\n';
  }
  const std::string arn = methodArn(context, request, state.stack->stage.region);
  const std::string cacheKey = auth.authorizerFunction + '\n' + identity;
  const std::int64_t ttl = auth.authorizerTtlSeconds.value_or(300);
  std::optional<EventJson> answer = ttl > 0 ? cache.find(cacheKey) : std::nullopt;
  if (!answer) {
    FunctionHost* host = state.host(auth.authorizerFunction);
    if (host == nullptr) {
      result.denial = gatewayError(500, nullptr, "AuthorizerConfigurationException");
      return result;
    }
    EventJson event;
    if (token) {
      event = {{"type", "TOKEN"}, {"authorizationToken", *request.header(auth.identityHeaders.front())}, {"methodArn", arn}};
    } else {
      event = restProxyEvent(request, context);
      event.erase("body");
      event.erase("isBase64Encoded");
      event["type"] = "REQUEST";
      event["methodArn"] = arn;
    }
    const InvokeOutcome outcome = host->invoke(event.dump(-1, ' ', false, EventJson::error_handler_t::replace));
    if (!outcome.succeeded()) {
      const bool saysUnauthorized = outcome.result.kind == InvocationResult::Kind::Error &&
                                    outcome.result.body.find("\"Unauthorized\"") != std::string::npos;
      result.denial = saysUnauthorized ? unauthorized() : gatewayError(500, nullptr, "AuthorizerConfigurationException");
      result.logDetail = "authorizer " + auth.authorizerFunction + (saysUnauthorized ? ": Unauthorized" : " failed");
      return result;
    }
    answer = EventJson::parse(outcome.result.body, nullptr, false);
    if (answer->is_discarded() || !answer->is_object() || !answer->contains("policyDocument")) {
      result.denial = gatewayError(500, nullptr, "AuthorizerConfigurationException");
      result.logDetail = "authorizer " + auth.authorizerFunction + " returned no policyDocument";
      return result;
    }
    if (ttl > 0) cache.store(cacheKey, *answer, std::chrono::seconds(ttl));
  }
  if (!policyAllows((*answer)["policyDocument"], arn)) {
    result.denial = forbidden("User is not authorized to access this resource");
    result.logDetail = "authorizer " + auth.authorizerFunction + " denied " + arn;
    return result;
  }
  result.allowed = true;
  EventJson context_ = EventJson::object();
  if (answer->contains("context") && (*answer)["context"].is_object()) {
    for (const auto& [key, value] : (*answer)["context"].items()) context_[key] = value.is_string() ? value : EventJson(value.dump());
  }
  context_["principalId"] = answer->value("principalId", "");
  context_["integrationLatency"] = 0;
  result.context = context_;
  return result;
}

// An HTTP API's Lambda authorizer: the payload 2.0 REQUEST event, a simple
// response, cached per identity only when a TTL is set (API Gateway's
// default for HTTP APIs is no caching).
AuthorizationResult simpleLambdaAuthorizer(const ServingState& state, const model::Auth& auth, const HttpRequest& request,
                                           const ApiEventContext& context, AuthorizerCache& cache) {
  AuthorizationResult result;
  const std::string* identity = request.header("Authorization");
  if (identity == nullptr || identity->empty()) {
    result.denial = unauthorized();
    result.logDetail = "authorizer " + auth.authorizerFunction + ": no Authorization header";
    return result;
  }
  const std::string cacheKey = "v2\n" + auth.authorizerFunction + '\n' + *identity;
  const std::int64_t ttl = auth.authorizerTtlSeconds.value_or(0);
  std::optional<EventJson> answer = ttl > 0 ? cache.find(cacheKey) : std::nullopt;
  if (!answer) {
    FunctionHost* host = state.host(auth.authorizerFunction);
    if (host == nullptr) {
      result.denial = gatewayError(500, "Internal Server Error", "AuthorizerConfigurationException");
      return result;
    }
    EventJson event = httpApiEvent(request, context);
    event.erase("body");
    event.erase("isBase64Encoded");
    event["type"] = "REQUEST";
    event["routeArn"] = methodArn(context, request, state.stack->stage.region);
    event["identitySource"] = EventJson::array({*identity});
    const InvokeOutcome outcome = host->invoke(event.dump(-1, ' ', false, EventJson::error_handler_t::replace));
    answer = outcome.succeeded() ? EventJson::parse(outcome.result.body, nullptr, false) : EventJson();
    if (!outcome.succeeded() || answer->is_discarded() || !answer->is_object() ||
        !answer->value("isAuthorized", EventJson()).is_boolean()) {
      result.denial = gatewayError(500, "Internal Server Error", "AuthorizerConfigurationException");
      result.logDetail = "authorizer " + auth.authorizerFunction +
                         (outcome.succeeded() ? " returned no boolean isAuthorized" : " failed");
      return result;
    }
    if (ttl > 0) cache.store(cacheKey, *answer, std::chrono::seconds(ttl));
  }
  if (!(*answer)["isAuthorized"].get<bool>()) {
    result.denial = gatewayError(403, "Forbidden", "AccessDeniedException");
    result.logDetail = "authorizer " + auth.authorizerFunction + " denied the request";
    return result;
  }
  result.allowed = true;
  const EventJson lambdaContext = answer->value("context", EventJson::object());
  result.context = EventJson{{"lambda", lambdaContext.is_object() ? lambdaContext : EventJson::object()}};
  return result;
}

}  // namespace

HttpResponse gatewayError(int status, const EventJson& message, const std::string& errorType) {
  HttpResponse response;
  response.status = status;
  response.body = EventJson{{"message", message}}.dump();
  response.set("Content-Type", "application/json");
  response.set("x-amzn-ErrorType", errorType);
  return response;
}

std::optional<EventJson> AuthorizerCache::find(const std::string& key) const {
  std::lock_guard lock(mutex_);
  auto found = entries_.find(key);
  if (found == entries_.end() || found->second.second < Clock::now()) return std::nullopt;
  return found->second.first;
}

void AuthorizerCache::store(const std::string& key, EventJson answer, std::chrono::seconds ttl) {
  std::lock_guard lock(mutex_);
  entries_[key] = {std::move(answer), Clock::now() + ttl};
}

void AuthorizerCache::clear() {
  std::lock_guard lock(mutex_);
  entries_.clear();
}

bool policyAllows(const EventJson& policy, const std::string& methodArn) {
  if (!policy.is_object() || !policy.contains("Statement")) return false;
  const EventJson& statements = policy["Statement"];
  bool allowed = false;
  for (const auto& statement : statements.is_array() ? statements : EventJson::array({statements})) {
    if (!statement.is_object()) continue;
    bool actionMatches = false;
    for (const auto& action : asList(statement.value("Action", EventJson()))) {
      actionMatches = actionMatches || wildcardMatch(action, "execute-api:Invoke");
    }
    bool resourceMatches = false;
    for (const auto& resource : asList(statement.value("Resource", EventJson()))) {
      resourceMatches = resourceMatches || wildcardMatch(resource, methodArn);
    }
    if (!actionMatches || !resourceMatches) continue;
    const std::string effect = statement.value("Effect", "");
    if (effect == "Deny") return false;
    if (effect == "Allow") allowed = true;
  }
  return allowed;
}

AuthorizationResult authorize(const ServingState& state, const model::Route& route, bool httpApi,
                              const HttpRequest& request, const ApiEventContext& context, AuthorizerCache& cache) {
  AuthorizationResult result;
  switch (route.auth.kind) {
    case model::AuthKind::None: result.allowed = true; break;
    case model::AuthKind::Authorizer:
      return httpApi ? simpleLambdaAuthorizer(state, route.auth, request, context, cache)
                     : lambdaAuthorizer(state, route.auth, request, context, cache);
    case model::AuthKind::Jwt:
    case model::AuthKind::Cognito: {
      const std::string* header = request.header("Authorization");
      std::string token = header ? *header : "";
      if (token.rfind("Bearer ", 0) == 0) token = token.substr(7);
      auto claims = token.empty() ? std::nullopt : jwtClaims(token);
      if (!claims) {
        result.denial = unauthorized();
        result.logDetail = std::string(route.auth.kind == model::AuthKind::Jwt ? "JWT" : "Cognito") +
                           ": no JWT in the Authorization header";
        break;
      }
      result.allowed = true;
      if (httpApi) {
        // An HTTP API's JWT authorizer: requestContext.authorizer.jwt.
        result.context = EventJson{{"jwt", {{"claims", *claims}, {"scopes", route.auth.jwt().scopes}}}};
      } else {
        result.context = EventJson{{"claims", *claims}};
      }
      break;
    }
    case model::AuthKind::ApiKey: {
      const std::string* key = request.header("x-api-key");
      result.allowed = key != nullptr && !key->empty();
      if (!result.allowed) {
        result.denial = forbidden("Forbidden");
        result.logDetail = "API key: no x-api-key header";
      }
      break;
    }
    case model::AuthKind::Iam: {
      const std::string* signature = request.header("Authorization");
      result.allowed = signature != nullptr && !signature->empty();
      if (!result.allowed) {
        result.denial = gatewayError(403, "Missing Authentication Token", "MissingAuthenticationTokenException");
        result.logDetail = "IAM: no Authorization header (SigV4 is not verified locally)";
      }
      break;
    }
  }
  return result;
}

}  // namespace jaws::local
