#pragma once
// A Lambda proxy integration's answer turned into the HTTP response API
// Gateway sends. REST (payload 1.0): `statusCode`, `headers`,
// `multiValueHeaders`, `body`, `isBase64Encoded`; anything else is a
// malformed response: 502 {"message": "Internal server error"}. HTTP APIs
// (payload 2.0) also take `cookies`, and an answer without `statusCode` is
// the body of a 200 JSON response.
#include <optional>
#include <string>
#include <vector>

#include "local/HttpExchange.h"

namespace jaws::local {

struct ProxyAnswer {
  HttpResponse response;
  std::string malformed;  // why the answer was refused, when it was
};

// `accept` is the request's Accept header: a base64 body is decoded when it
// names one of the binary media types (as API Gateway converts it).
ProxyAnswer restProxyResponse(const std::string& lambdaResult, const std::string* accept,
                              const std::vector<std::string>& binaryMediaTypes);

// Payload 2.0: a base64 body is always decoded; a malformed answer is
// 500 {"message": "Internal Server Error"}.
ProxyAnswer httpApiProxyResponse(const std::string& lambdaResult);

}  // namespace jaws::local
