#include "model/Model.h"

namespace jaws::model {

const char* httpMethodName(HttpMethod method) {
  switch (method) {
    case HttpMethod::Get: return "GET";
    case HttpMethod::Post: return "POST";
    case HttpMethod::Put: return "PUT";
    case HttpMethod::Patch: return "PATCH";
    case HttpMethod::Delete: return "DELETE";
    case HttpMethod::Head: return "HEAD";
    case HttpMethod::Options: return "OPTIONS";
    case HttpMethod::Any: return "ANY";
  }
  return "ANY";
}

const JwtSettings& Auth::jwt() const {
  static const JwtSettings kNone{};
  return jwtSettings ? *jwtSettings : kNone;
}

}  // namespace jaws::model
