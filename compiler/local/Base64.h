#pragma once
// Base64 (RFC 4648, with padding): API Gateway's encoding of binary bodies.
#include <optional>
#include <string>
#include <string_view>

namespace jaws::local {

std::string base64Encode(std::string_view bytes);
// None when `text` is not valid base64 (whitespace is skipped).
std::optional<std::string> base64Decode(std::string_view text);

}  // namespace jaws::local
