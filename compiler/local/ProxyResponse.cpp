#include "local/ProxyResponse.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "local/Authorizers.h"
#include "local/Base64.h"
#include "local/events/ApiEvents.h"

namespace jaws::local {

namespace {

ProxyAnswer malformed(std::string why) {
  return {gatewayError(502, "Internal server error", "InternalServerErrorException"), std::move(why)};
}

std::string headerText(const nlohmann::json& value) { return value.is_string() ? value.get<std::string>() : value.dump(); }

}  // namespace

ProxyAnswer restProxyResponse(const std::string& lambdaResult, const std::string* accept,
                              const std::vector<std::string>& binaryMediaTypes) {
  const nlohmann::json result = nlohmann::json::parse(lambdaResult, nullptr, false);
  if (result.is_discarded() || !result.is_object()) return malformed("the function returned " + lambdaResult.substr(0, 200));
  static const char* kKnown[] = {"statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded", "cookies"};
  for (const auto& [key, value] : result.items()) {
    if (std::find(std::begin(kKnown), std::end(kKnown), key) == std::end(kKnown)) {
      return malformed("the function's answer has the field `" + key + "`, which a proxy response may not have");
    }
  }
  ProxyAnswer answer;
  HttpResponse& response = answer.response;
  const auto status = result.find("statusCode");
  if (status == result.end() || !(status->is_number_integer() || (status->is_string() && !status->get<std::string>().empty()))) {
    return malformed("the function's answer has no integer statusCode");
  }
  try {
    response.status = status->is_string() ? std::stoi(status->get<std::string>()) : status->get<int>();
  } catch (const std::exception&) {
    return malformed("statusCode " + status->dump() + " is not a number");
  }
  if (response.status < 100 || response.status > 599) return malformed("statusCode " + status->dump() + " is not an HTTP status");
  if (auto headers = result.find("headers"); headers != result.end() && !headers->is_null()) {
    if (!headers->is_object()) return malformed("headers is not an object");
    for (const auto& [name, value] : headers->items()) response.headers.emplace_back(name, headerText(value));
  }
  if (auto multi = result.find("multiValueHeaders"); multi != result.end() && !multi->is_null()) {
    if (!multi->is_object()) return malformed("multiValueHeaders is not an object");
    for (const auto& [name, values] : multi->items()) {
      if (!values.is_array()) return malformed("multiValueHeaders." + name + " is not a list");
      // The multi-value headers win over `headers` of the same name.
      // (a named copy: clang 14 cannot capture a structured binding)
      std::erase_if(response.headers, [&, &header = name](const auto& h) { return equalsIgnoringCase(h.first, header); });
      for (const auto& value : values) response.headers.emplace_back(name, headerText(value));
    }
  }
  if (auto body = result.find("body"); body != result.end() && !body->is_null()) {
    if (!body->is_string()) return malformed("body is not a string");
    response.body = body->get<std::string>();
  }
  const bool base64 = result.value("isBase64Encoded", false);
  // API Gateway converts by the first media type the client accepts.
  const std::string firstAccepted = accept ? accept->substr(0, accept->find(',')) : "";
  if (base64 && isBinaryMediaType(accept ? &firstAccepted : nullptr, binaryMediaTypes)) {
    auto decoded = base64Decode(response.body);
    if (!decoded) return malformed("isBase64Encoded is true but the body is not base64");
    response.body = std::move(*decoded);
  }
  bool hasType = false;
  for (const auto& [name, value] : response.headers) hasType = hasType || equalsIgnoringCase(name, "Content-Type");
  if (!hasType) response.headers.emplace_back("Content-Type", "application/json");
  return answer;
}

ProxyAnswer httpApiProxyResponse(const std::string& lambdaResult) {
  const auto refused = [](std::string why) {
    return ProxyAnswer{gatewayError(500, "Internal Server Error", "InternalServerErrorException"), std::move(why)};
  };
  const nlohmann::json result = nlohmann::json::parse(lambdaResult, nullptr, false);
  if (result.is_discarded()) return refused("the function returned " + lambdaResult.substr(0, 200));
  ProxyAnswer answer;
  HttpResponse& response = answer.response;
  if (!result.is_object() || !result.contains("statusCode")) {
    // API Gateway infers the format: the answer itself is a JSON body.
    response.status = 200;
    response.body = lambdaResult;
    response.set("Content-Type", "application/json");
    return answer;
  }
  const nlohmann::json& status = result["statusCode"];
  if (!status.is_number_integer() || status.get<int>() < 100 || status.get<int>() > 599) {
    return refused("statusCode " + status.dump() + " is not an HTTP status");
  }
  response.status = status.get<int>();
  if (auto headers = result.find("headers"); headers != result.end() && !headers->is_null()) {
    if (!headers->is_object()) return refused("headers is not an object");
    for (const auto& [name, value] : headers->items()) response.headers.emplace_back(name, headerText(value));
  }
  if (auto cookies = result.find("cookies"); cookies != result.end() && !cookies->is_null()) {
    if (!cookies->is_array()) return refused("cookies is not a list");
    for (const auto& cookie : *cookies) response.headers.emplace_back("Set-Cookie", headerText(cookie));
  }
  if (auto body = result.find("body"); body != result.end() && !body->is_null()) {
    response.body = body->is_string() ? body->get<std::string>() : body->dump();
  }
  if (result.value("isBase64Encoded", false)) {
    auto decoded = base64Decode(response.body);
    if (!decoded) return refused("isBase64Encoded is true but the body is not base64");
    response.body = std::move(*decoded);
  }
  return answer;
}

}  // namespace jaws::local
