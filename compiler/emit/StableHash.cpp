#include "emit/StableHash.h"

#include <fmt/format.h>

namespace jaws::emit {

std::uint64_t fnv1a64(std::string_view bytes) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

std::string stableHashHex(std::string_view bytes, std::size_t digits) {
  std::string hex = fmt::format("{:016x}", fnv1a64(bytes));
  return hex.substr(0, digits < hex.size() ? digits : hex.size());
}

}  // namespace jaws::emit
