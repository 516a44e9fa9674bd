#include "emit/JsonSize.h"

#include <algorithm>
#include <memory>

namespace jaws::emit {

namespace {

// nlohmann's serializer writes through an output adapter; this one counts.
class CountingOutput : public nlohmann::detail::output_adapter_protocol<char> {
 public:
  void write_character(char c) override {
    ++size.bytes;
    if (c == '\n') ++size.lines;
  }
  void write_characters(const char* s, std::size_t length) override {
    size.bytes += length;
    size.lines += static_cast<std::size_t>(std::count(s, s + length, '\n'));
  }
  JsonSize size;
};

}  // namespace

JsonSize measureJson(const nlohmann::ordered_json& value) {
  auto output = std::make_shared<CountingOutput>();
  nlohmann::detail::serializer<nlohmann::ordered_json> serializer(output, ' ', nlohmann::ordered_json::error_handler_t::replace);
  serializer.dump(value, true, false, 2);
  return output->size;
}

}  // namespace jaws::emit
