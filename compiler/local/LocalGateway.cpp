#include "local/LocalGateway.h"

#include <fmt/format.h>

#include "emit/apidocs/SwaggerCors.h"
#include "local/ProxyResponse.h"
#include "local/events/ApiEvents.h"

namespace jaws::local {

namespace {

long long nowMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// The Access-Control-Allow-Origin a deployed response carries for `origin`.
std::string allowedOrigin(const model::Cors& cors, const std::string* origin) {
  if (emit::allowsAnyOrigin(cors)) return "*";
  if (emit::echoesOrigin(cors) && origin != nullptr &&
      std::find(cors.origins.begin(), cors.origins.end(), *origin) != cors.origins.end()) {
    return *origin;
  }
  return cors.origins.front();
}

// What the DEFAULT_4XX/5XX gateway responses add (emit::corsGatewayResponses).
void addGatewayCors(HttpResponse& response, const model::Api& api, const HttpRequest& request) {
  if (!api.cors.enabled) return;
  response.set("Access-Control-Allow-Origin", allowedOrigin(api.cors, request.header("Origin")));
  if (emit::echoesOrigin(api.cors)) response.set("Vary", "Origin");
  if (api.cors.credentials) response.set("Access-Control-Allow-Credentials", "true");
}

// The OPTIONS mock integration (emit::corsOptionsOperation).
HttpResponse preflight(const model::Cors& cors, const std::vector<const model::Route*>& routes, const HttpRequest& request) {
  HttpResponse response;
  response.status = 200;
  response.set("Content-Type", "application/json");
  response.set("Access-Control-Allow-Headers", emit::allowedHeaders(cors, routes));
  response.set("Access-Control-Allow-Methods", emit::allowedMethods(routes));
  response.set("Access-Control-Allow-Origin", allowedOrigin(cors, request.header("Origin")));
  if (cors.credentials) response.set("Access-Control-Allow-Credentials", "true");
  if (cors.maxAgeSeconds) response.set("Access-Control-Max-Age", std::to_string(*cors.maxAgeSeconds));
  if (emit::echoesOrigin(cors)) response.set("Vary", "Origin");
  return response;
}

HttpResponse missingToken() {
  return gatewayError(403, "Missing Authentication Token", "MissingAuthenticationTokenException");
}

// What a path or method without a route gets: a REST API's 403, an HTTP API's 404.
HttpResponse noRoute(const model::Api& api) {
  return api.kind == model::ApiKind::Http ? gatewayError(404, "Not Found", "NotFoundException") : missingToken();
}

}  // namespace

std::string mountOf(const model::Stack& stack, const model::Api& api) {
  return stack.apis.size() == 1 ? std::string() : "/" + api.name;
}

HttpResponse LocalGateway::handle(const ServingState& state, const HttpRequest& request) {
  const auto start = std::chrono::steady_clock::now();
  std::string function;
  HttpResponse response;
  const ServedApi* api = nullptr;
  std::string path = request.path;
  for (const ServedApi& candidate : state.apis) {
    const std::string& mount = candidate.mount;
    if (mount.empty() || path == mount || path.rfind(mount + "/", 0) == 0) {
      api = &candidate;
      path = path.substr(mount.size());
      if (path.empty()) path = "/";
      break;
    }
  }
  if (api == nullptr) {
    response = missingToken();
  } else if (request.body.size() > kMaxRequestBytes) {
    response = gatewayError(413, "Request Too Long", "RequestTooLongException");
    addGatewayCors(response, *api->api, request);
  } else {
    response = serve(state, *api, request, path, function);
  }
  response.set("x-amzn-RequestId", newRequestId());
  const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  log_({LogLine::Kind::Request, function,
        fmt::format("{} {}{} -> {} {} {}ms", request.method, request.path, request.query.empty() ? "" : "?" + request.query,
                    function.empty() ? "-" : function, response.status, took.count()),
        response.status >= 500});
  return response;
}

HttpResponse LocalGateway::serve(const ServingState& state, const ServedApi& served, const HttpRequest& request,
                                 std::string path, std::string& function) {
  const model::Api& api = *served.api;
  if (request.method == "OPTIONS" && api.cors.enabled) {
    const auto routes = served.routes->routesOnPath(path);
    const bool declared = std::any_of(routes.begin(), routes.end(), [](const model::Route* r) { return r->method == model::HttpMethod::Options; });
    if (!routes.empty() && !declared) return preflight(api.cors, routes, request);
  }
  const auto matched = served.routes->match(request.method, path);
  if (!std::holds_alternative<RouteMatch>(matched)) {
    HttpResponse response = noRoute(api);
    addGatewayCors(response, api, request);
    return response;
  }
  const RouteMatch& match = std::get<RouteMatch>(matched);
  const model::Route& route = *match.route;
  function = route.function;

  HttpRequest forwarded = request;
  forwarded.path = path;
  ApiEventContext context;
  context.stage = state.stack->stage.name;
  context.accountId = state.account;
  context.requestId = newRequestId();
  context.routeMethod = model::httpMethodName(route.method);
  context.resourcePath = route.path;
  context.pathParameters = match.pathParameters;
  context.binaryMediaTypes = api.binaryMediaTypes;
  context.epochMillis = nowMillis();

  // An HTTP API: payload 2.0 events and answers, no request validation, and
  // the gateway's own error messages (API Gateway Developer Guide, "Working
  // with AWS Lambda proxy integrations for HTTP APIs").
  const bool http = api.kind == model::ApiKind::Http;
  const AuthorizationResult auth = authorize(state, route, http, forwarded, context, cache_);
  if (!auth.allowed) {
    if (!auth.logDetail.empty()) log_({LogLine::Kind::Problem, function, auth.logDetail, false});
    HttpResponse response = auth.denial;
    addGatewayCors(response, api, request);
    return response;
  }
  context.authorizer = auth.context;

  if (auto failure = http ? std::optional<ValidationFailure>() : served.validator->validate(route, forwarded)) {
    log_({LogLine::Kind::Problem, function, failure->message + (failure->detail.empty() ? "" : " (" + failure->detail + ")"), false});
    HttpResponse response = gatewayError(400, failure->message, "BadRequestException");
    addGatewayCors(response, api, request);
    return response;
  }
  for (const std::string& warning : served.validator->parameterWarnings(route, forwarded, match.pathParameters)) {
    if (!http) log_({LogLine::Kind::Problem, function, "passed on as API Gateway does, but " + warning, false});
  }

  FunctionHost* host = state.host(function);
  if (host == nullptr) {
    HttpResponse response = gatewayError(500, "Internal server error", "InternalServerErrorException");
    addGatewayCors(response, api, request);
    return response;
  }
  const EventJson event = http ? httpApiEvent(forwarded, context) : restProxyEvent(forwarded, context);
  const char* internalError = http ? "Internal Server Error" : "Internal server error";
  const InvokeOutcome outcome = host->invoke(event.dump(-1, ' ', false, EventJson::error_handler_t::replace), kIntegrationTimeout);
  HttpResponse response;
  if (!outcome.cannotStart.empty()) {
    log_({LogLine::Kind::Lambda, function, outcome.cannotStart, true});
    response = gatewayError(502, internalError, "InternalServerErrorException");
  } else if (outcome.result.kind == InvocationResult::Kind::Timeout && outcome.cutShort) {
    response = http ? gatewayError(503, "Service Unavailable", "ServiceUnavailableException")
                    : gatewayError(504, "Endpoint request timed out", "IntegrationTimeoutException");
  } else if (!outcome.succeeded()) {
    // A handler error, a timeout, a crash: Lambda reports a function error
    // and API Gateway answers 502.
    response = gatewayError(502, internalError, "InternalServerErrorException");
  } else {
    ProxyAnswer answer = http ? httpApiProxyResponse(outcome.result.body)
                              : restProxyResponse(outcome.result.body, request.header("Accept"), api.binaryMediaTypes);
    if (!answer.malformed.empty()) {
      log_({LogLine::Kind::Lambda, function, "Execution failed due to configuration error: Malformed Lambda proxy response: " + answer.malformed, true});
      addGatewayCors(answer.response, api, request);
    } else if (http) {
      addGatewayCors(answer.response, api, request);  // an HTTP API adds its CORS headers to every answer
    }
    return answer.response;
  }
  addGatewayCors(response, api, request);
  return response;
}

}  // namespace jaws::local
