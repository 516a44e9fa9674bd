// emit/JsonText against nlohmann's dump on more than the cases of
// JsonObjectsTests: every ASCII byte alone in a key and a value, and every
// golden artifact of the test tree (templates, API documents, manifests,
// uploaded files), indented and compact.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "emit/JsonText.h"
#include "emit/cloudformation/CloudFormationEmitter.h"

using Json = nlohmann::ordered_json;

namespace {

void checkSameText(const Json& value) {
  CHECK(jaws::emit::serializeJson(value) == value.dump(2, ' ', false, Json::error_handler_t::replace) + "\n");
  std::string compact;
  jaws::emit::appendCompactJson(value, compact);
  CHECK(compact == value.dump(-1, ' ', false, Json::error_handler_t::replace));
}

}  // namespace

TEST_CASE("JSON text: every ASCII byte in a key and in a value", "[emit][json]") {
  for (int c = 1; c < 0x80; ++c) {
    const std::string text(1, static_cast<char>(c));
    INFO("byte " << c);
    checkSameText(Json{{text, text + "tail"}, {"list", Json::array({text, Json::object()})}});
  }
}

TEST_CASE("JSON text: every golden artifact, indented and compact", "[emit][json]") {
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(std::filesystem::path(JAWS_SOURCE_DIR) / "tests/emit")) {
    if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    const Json value = Json::parse(text.str(), nullptr, false);
    if (value.is_discarded()) continue;
    INFO(entry.path().string());
    checkSameText(value);
    ++files;
  }
  CHECK(files > 50);
}
