#pragma once
// A stable, platform-independent content hash for names that must change when
// content changes (the API Gateway Deployment's logical ID). FNV-1a 64: not
// cryptographic, which it need not be; it only has to be deterministic.
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace jaws::emit {

std::uint64_t fnv1a64(std::string_view bytes);

// The first `digits` lowercase hex digits of fnv1a64(bytes) (at most 16).
std::string stableHashHex(std::string_view bytes, std::size_t digits = 10);

// stableHashHex of `value` written compactly (`dump(-1)`, invalid UTF-8
// replaced), hashed as the serializer writes it: an API body is hashed into
// its deployment's ID on every check, and its text is not needed.
std::string stableJsonHashHex(const nlohmann::ordered_json& value, std::size_t digits = 10);

}  // namespace jaws::emit
