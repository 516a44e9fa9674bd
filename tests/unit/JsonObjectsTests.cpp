// The builders the emitters make their JSON objects with (emit/JsonObjects.h):
// the same objects as nlohmann's own construction, built in place.
#include <catch2/catch.hpp>

#include "emit/JsonObjects.h"

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
