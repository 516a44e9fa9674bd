#pragma once
// The local API Gateway: one request in, the response API Gateway would give
// out, for REST APIs (payload 1.0). In order: which API (by mount), CORS
// preflight, route matching (403 "Missing Authentication Token" for unknown
// routes), authorization, request validation, the function's invocation
// (29 s at most, as API Gateway waits), and the proxy response. Errors the
// gateway itself answers carry the API's CORS headers, as the deployed
// gateway responses do. No sockets here: LocalServer feeds it.
#include <memory>
#include <string>

#include "local/Authorizers.h"
#include "local/HttpExchange.h"
#include "local/LocalLog.h"
#include "local/ServingState.h"

namespace jaws::local {

// API Gateway's integration timeout for REST APIs.
inline constexpr std::chrono::milliseconds kIntegrationTimeout{29000};
// API Gateway's limit on a request's size.
inline constexpr std::size_t kMaxRequestBytes = 10 * 1024 * 1024;

class LocalGateway {
 public:
  explicit LocalGateway(LogSink log) : log_(std::move(log)) {}

  HttpResponse handle(const ServingState& state, const HttpRequest& request);
  void forgetAuthorizations() { cache_.clear(); }

 private:
  HttpResponse serve(const ServingState& state, const ServedApi& api, const HttpRequest& request, std::string path,
                     std::string& function);
  LogSink log_;
  AuthorizerCache cache_;
};

}  // namespace jaws::local
