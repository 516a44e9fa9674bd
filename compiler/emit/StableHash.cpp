#include "emit/StableHash.h"

#include <memory>

#include <fmt/format.h>

namespace jaws::emit {

namespace {

constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ULL;
constexpr std::uint64_t kFnvPrime = 0x100000001b3ULL;

std::string hexDigits(std::uint64_t hash, std::size_t digits) {
  std::string hex = fmt::format("{:016x}", hash);
  return hex.substr(0, digits < hex.size() ? digits : hex.size());
}

// nlohmann's serializer writes through an output adapter; this one hashes.
class HashingOutput : public nlohmann::detail::output_adapter_protocol<char> {
 public:
  void write_character(char c) override { add(c); }
  void write_characters(const char* s, std::size_t length) override {
    for (std::size_t i = 0; i < length; ++i) add(s[i]);
  }
  std::uint64_t hash = kFnvOffset;

 private:
  void add(char c) {
    hash ^= static_cast<unsigned char>(c);
    hash *= kFnvPrime;
  }
};

}  // namespace

std::uint64_t fnv1a64(std::string_view bytes) {
  std::uint64_t hash = kFnvOffset;
  for (char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= kFnvPrime;
  }
  return hash;
}

std::string stableHashHex(std::string_view bytes, std::size_t digits) { return hexDigits(fnv1a64(bytes), digits); }

std::string stableJsonHashHex(const nlohmann::ordered_json& value, std::size_t digits) {
  auto output = std::make_shared<HashingOutput>();
  nlohmann::detail::serializer<nlohmann::ordered_json> serializer(output, ' ', nlohmann::ordered_json::error_handler_t::replace);
  serializer.dump(value, false, false, 0);  // what dump(-1, ' ', false, replace) writes
  return hexDigits(output->hash, digits);
}

}  // namespace jaws::emit
