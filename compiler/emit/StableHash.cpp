#include "emit/StableHash.h"

#include <fmt/format.h>

#include "emit/JsonText.h"

namespace jaws::emit {

namespace {

constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ULL;
constexpr std::uint64_t kFnvPrime = 0x100000001b3ULL;

std::string hexDigits(std::uint64_t hash, std::size_t digits) {
  std::string hex = fmt::format("{:016x}", hash);
  return hex.substr(0, digits < hex.size() ? digits : hex.size());
}

}  // namespace

std::uint64_t fnv1a64(std::string_view bytes) {
  std::uint64_t hash = kFnvOffset;
  const auto add = [&hash](char c) { hash = (hash ^ static_cast<unsigned char>(c)) * kFnvPrime; };
  // Eight bytes a round (unrolled): the hash is a chain of multiplications
  // either way, but the loop's count and branch are paid once per eight.
  // API bodies of megabytes are hashed.
  std::size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    for (std::size_t k = 0; k < 8; ++k) add(bytes[i + k]);
  }
  for (; i < bytes.size(); ++i) add(bytes[i]);
  return hash;
}

std::string stableHashHex(std::string_view bytes, std::size_t digits) { return hexDigits(fnv1a64(bytes), digits); }

std::string stableJsonHashHex(const nlohmann::ordered_json& value, std::size_t digits) {
  std::string text;  // what dump(-1, ' ', false, replace) writes (JsonText.h), then hashed
  appendCompactJson(value, text);
  return stableHashHex(text, digits);
}

}  // namespace jaws::emit
