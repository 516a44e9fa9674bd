// The builders the emitters make their JSON objects with (emit/JsonObjects.h)
// and the writer of their text (emit/JsonText.h): the same objects and the
// same text as nlohmann's own, made faster.
#include <catch2/catch.hpp>

#include "emit/JsonObjects.h"
#include "emit/JsonText.h"
#include "emit/cloudformation/CloudFormationEmitter.h"

using namespace jaws;
using Json = nlohmann::ordered_json;

TEST_CASE("jsonObject writes its members in the order given, moving nested values in", "[emit]") {
  Json nested = Json::array({1, 2, 3});
  const Json built = emit::jsonObject({{"b", "text"}, {"a", std::move(nested)}, {"c", emit::jsonObject({{"x", nullptr}})}});
  CHECK(built.dump() == R"({"b":"text","a":[1,2,3],"c":{"x":null}})");
  CHECK(built == Json{{"b", "text"}, {"a", {1, 2, 3}}, {"c", {{"x", nullptr}}}});
  CHECK(emit::jsonObject({}).dump() == "{}");
}

TEST_CASE("JsonMembers finds, replaces, inserts and sorts members like a map", "[emit]") {
  emit::JsonMembers members;
  members["Role"] = "generated";
  members["Architectures"] = Json::array({"arm64"});
  members.append("Timeout", 10);
  members["Role"] = "given";  // replaced where it is, not added again
  CHECK(members.size() == 3);
  SECTION("in order") {
    members.insert(1, "Handler", "index.handler");
    CHECK(std::move(members).inOrder().dump() ==
          R"({"Role":"given","Handler":"index.handler","Architectures":["arm64"],"Timeout":10})");
  }
  SECTION("sorted by key, as std::map sorts") {
    members["Z"] = 1;
    members["_"] = 2;
    members["a"] = 3;
    CHECK(std::move(members).sorted().dump() == R"({"Architectures":["arm64"],"Role":"given","Timeout":10,"Z":1,"_":2,"a":3})");
  }
  CHECK(emit::JsonMembers().empty());
  CHECK(emit::JsonMembers().sorted().dump() == "{}");
}

TEST_CASE("releaseJson empties a value bottom up, and leaves what is deeper than it goes to nlohmann", "[emit]") {
  const Json original = Json::parse(R"({"a":[1,{"b":[[],{}],"c":"text"}],"d":{"e":null,"f":[true,2.5]},"g":"x"})");
  Json object = original;
  emit::releaseJson(object);
  CHECK(object.is_object());
  CHECK(object.empty());
  Json array = original["a"];
  emit::releaseJson(array);
  CHECK(array.is_array());
  CHECK(array.empty());
  Json scalar = "text";
  emit::releaseJson(scalar);
  CHECK(scalar == "text");  // nothing to empty
  CHECK(original["a"][1]["c"] == "text");  // copies are released, not what they were copied from

  // Nesting deeper than the release goes: the rest is destroyed by
  // nlohmann's own destructor, which does not recurse.
  Json deep = Json::array();
  Json* at = &deep;
  for (int i = 0; i < 100000; ++i) at = &at->emplace_back(Json::array());
  at->push_back(1);
  emit::releaseJson(deep);
  CHECK(deep.empty());
}

TEST_CASE("serializeJson writes what nlohmann's dump writes, byte for byte", "[emit]") {
  const auto reference = [](const Json& value) { return value.dump(2, ' ', false, Json::error_handler_t::replace) + "\n"; };
  Json value = Json::parse(R"({"quote\"d": ["tab\t", "bell\u0007", "back\\slash", "ünïcode", "del\u007f", -42, 0,
                               18446744073709551615, -9223372036854775808, 1.5, 0.1, 1e300, -0.0, true, false, null,
                               [], {}, [[{"deep": {"x": [0, {"y": []}]}}]]], "": "", "a long plain string of many words": "x"})");
  value["invalid"] = std::string("a\xff" "b\xc3");  // not UTF-8: replaced as the serializer does
  CHECK(emit::serializeJson(value) == reference(value));
  for (const Json& scalar : {Json(nullptr), Json(1), Json("x"), Json::array(), Json::object(), Json(2.25)}) {
    CHECK(emit::serializeJson(scalar) == reference(scalar));
  }
  // Strings are checked eight bytes at a time: each kind of byte at every offset.
  for (const std::string special : {"\"", "\\", "\n", "\x01", "\x1f", "\x7f", " ", "\xc3\xa9", "\xff", "/"}) {
    for (std::size_t length = 0; length <= 20; ++length) {
      for (std::size_t at = 0; at <= length; ++at) {
        const Json text = std::string(at, 'a') + special + std::string(length - at, 'b');
        INFO("length " << length << ", at " << at);
        CHECK(emit::serializeJson(text) == reference(text));
        CHECK(emit::serializeJson(Json::object({{text.get<std::string>(), text}})) == reference(Json::object({{text.get<std::string>(), text}})));
      }
    }
  }
}

TEST_CASE("compact JSON text is what nlohmann's dump(-1) writes, byte for byte", "[emit]") {
  Json value = Json::parse(R"({"quote\"d": ["tab\t", "bell\u0007", "ünïcode", -42, 18446744073709551615, 1.5, 1e300, true,
                               false, null, [], {}, [[{"deep": {"x": [0, {"y": []}]}}]]], "": "", "one": [1]})");
  value["invalid"] = std::string("a\xff" "b\xc3");
  for (const Json& v : {value, Json(nullptr), Json(2.25), Json::array(), Json::object(), Json("a\"b")}) {
    std::string text;
    emit::appendCompactJson(v, text);
    CHECK(text == v.dump(-1, ' ', false, Json::error_handler_t::replace));
  }
}
