#pragma once
// A Lambda proxy integration's answer turned into the HTTP response API
// Gateway sends (REST, payload 1.0): `statusCode`, `headers`,
// `multiValueHeaders`, `body`, `isBase64Encoded`. Anything else is a
// malformed response: 502 {"message": "Internal server error"}.
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

}  // namespace jaws::local
