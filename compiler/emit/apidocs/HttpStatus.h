#pragma once
// Reason phrases for the response descriptions of Swagger and OpenAPI (both
// require a description on every response).
#include <string>

namespace jaws::emit {

std::string reasonPhrase(int status);  // 404 -> "Not Found"; unknown -> "Response"

}  // namespace jaws::emit
