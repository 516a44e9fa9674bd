// emit/JsonText (and emit/JsonSize) against nlohmann's dump on more than the cases of
// JsonObjectsTests: every ASCII byte alone in a key and a value, strings of
// every length around the eight-byte words the writer copies, text across
// the writer's blocks (the first on the stack, then larger ones, megabytes
// in all), nesting deeper than any run of spaces, scalars at their limits,
// and every golden artifact of the test tree (templates, API documents,
// manifests, uploaded files), indented and compact.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

#include "emit/JsonSize.h"
#include "emit/JsonText.h"
#include "emit/cloudformation/CloudFormationEmitter.h"

using Json = nlohmann::ordered_json;

namespace {

std::string pretty(const Json& value) { return value.dump(2, ' ', false, Json::error_handler_t::replace); }
std::string compact(const Json& value) { return value.dump(-1, ' ', false, Json::error_handler_t::replace); }

// The reference text with `indent` more spaces after every line break.
std::string indented(const std::string& text, std::size_t indent) {
  std::string out;
  for (const char c : text) {
    out += c;
    if (c == '\n') out.append(indent, ' ');
  }
  return out;
}

// The text of `value` (and its size, emit/JsonSize.h) as the reference's.
void checkSameText(const Json& value) {
  const std::string reference = pretty(value);
  CHECK(jaws::emit::serializeJson(value) == reference + "\n");
  const jaws::emit::JsonSize size = jaws::emit::measureJson(value);
  CHECK(size.bytes == reference.size());
  CHECK(size.lines == static_cast<std::size_t>(std::count(reference.begin(), reference.end(), '\n')));
  CHECK(jaws::emit::measureCompactJson(value) == compact(value).size());
  std::string text;
  jaws::emit::appendCompactJson(value, text);
  CHECK(text == compact(value));
  // Appended after what the string holds, at an indentation of its own.
  text = "prefix ";
  jaws::emit::appendIndentedJson(value, text, 6);
  CHECK(text == "prefix " + indented(reference, 6));
  text = "prefix ";
  jaws::emit::appendCompactJson(value, text);
  CHECK(text == "prefix " + compact(value));
}

}  // namespace

TEST_CASE("JSON text: every ASCII byte in a key and in a value", "[emit][json]") {
  for (int c = 1; c < 0x80; ++c) {
    const std::string text(1, static_cast<char>(c));
    INFO("byte " << c);
    checkSameText(Json{{text, text + "tail"}, {"list", Json::array({text, Json::object()})}});
  }
}

TEST_CASE("JSON text: each kind of byte at every offset of strings around eight-byte words", "[emit][json]") {
  // Plain strings are checked and copied eight bytes at a time, their last
  // bytes as an overlapping word or two halves: every length and offset.
  for (const std::string special : {"\"", "\\", "\n", "\b", "\f", "\r", "\t", "\x01", "\x1f", "\x7f", " ", "~", "/",
                                    "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80", "\xff", "\xc3"}) {
    for (std::size_t length = 0; length <= 33; ++length) {
      for (std::size_t at = 0; at <= length; ++at) {
        const std::string text = std::string(at, 'a') + special + std::string(length - at, 'b');
        INFO("special " << static_cast<int>(static_cast<unsigned char>(special[0])) << ", length " << length << ", at " << at);
        checkSameText(Json{{text, text}, {"list", Json::array({text, text})}});
      }
    }
  }
  for (std::size_t length = 0; length <= 33; ++length) {  // plain, every length
    const std::string text(length, 'p');
    INFO("length " << length);
    checkSameText(Json{{text, text}});
  }
}

TEST_CASE("JSON text: empty containers, scalars at their limits, floats", "[emit][json]") {
  Json value = Json::object();
  value["empty object"] = Json::object();
  value["empty array"] = Json::array();
  value["empty key and value"] = Json{{"", ""}};
  value["nested empties"] = Json::array({Json::array(), Json::object(), Json::array({Json::object()})});
  value["int64"] = Json::array({std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max(), -1, 0, 1});
  value["uint64"] = Json::array({std::numeric_limits<std::uint64_t>::max(), std::uint64_t{0}, std::uint64_t{10}});
  value["float"] = Json::array({0.1, -0.0, 1e300, 1.5, -2.25e-300});
  value["literals"] = Json::array({true, false, nullptr});
  value["invalid UTF-8"] = std::string("a\xff" "b\xc3");
  checkSameText(value);
  for (const Json& scalar : {Json(nullptr), Json(true), Json(false), Json(std::numeric_limits<std::int64_t>::min()),
                             Json(std::numeric_limits<std::uint64_t>::max()), Json(0.5), Json(""), Json("x"),
                             Json::array(), Json::object()}) {
    checkSameText(scalar);
  }
}

TEST_CASE("JSON text: nesting deeper than a word or a block of spaces", "[emit][json]") {
  // Indentation is written a word of spaces at a time: every depth up to
  // hundreds of levels (more than a thousand spaces), in objects and arrays.
  Json value = "leaf";
  for (int depth = 0; depth < 600; ++depth) {
    value = depth % 2 == 0 ? Json{{"k" + std::to_string(depth), std::move(value)}, {"n", depth}}
                           : Json::array({depth, std::move(value), Json::object()});
  }
  checkSameText(value);
}

TEST_CASE("JSON text: text across the writer's blocks, to megabytes", "[emit][json]") {
  // The text is written into blocks, the first on the stack, then each twice
  // the last: a piece at every offset around the first block's end, a piece
  // larger than any block before it, and megabytes of small pieces.
  for (std::size_t length = 1990; length <= 2070; ++length) {
    INFO("length " << length);
    checkSameText(Json::array({std::string(length, 'x'), "after", Json{{"k", "v"}}}));
    checkSameText(Json{{std::string(length, 'k'), std::string(length % 7, '"')}});
  }
  checkSameText(Json::array({"small", std::string(3'000'000, 'L'), std::string(100'000, '\n'), "end"}));
  Json many = Json::array();
  for (int i = 0; i < 60'000; ++i) {
    many.push_back(Json{{"Name" + std::to_string(i), "value \"" + std::to_string(i) + "\" of many words"},
                        {"Count", i},
                        {"List", Json::array({i % 2 == 0, nullptr, "x"})}});
  }
  const std::string text = jaws::emit::serializeJson(many);
  CHECK(text.size() > 7'000'000);
  checkSameText(many);
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
