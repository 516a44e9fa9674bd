#pragma once
// Building large JSON objects in linear time. nlohmann::ordered_json keeps an
// object's members in a vector and finds a key by scanning it, so `obj[key] =
// v` for n distinct keys costs n²/2 comparisons: 8 million for the 4,000
// resources of a 1,000-function template. When the keys are known to be
// distinct (they come from a std::map or from another object), append.
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

namespace jaws::emit {

// Makes room for `count` members in `object` (a JSON object, or null: it
// becomes one). The members are pair<const string, json>, whose move may
// throw, so a growing object copies every member it holds, deeply: a
// template's sections, a document's paths. Reserve before filling.
inline void reserveMembers(nlohmann::ordered_json& object, std::size_t count) {
  if (object.is_null()) object = nlohmann::ordered_json::object();
  object.get_ref<nlohmann::ordered_json::object_t&>().reserve(count);
}

// Appends `key` to `object` (a JSON object, or null: it becomes one) without
// looking for it first: the caller guarantees the key is not there yet.
inline void appendMember(nlohmann::ordered_json& object, std::string key, nlohmann::ordered_json value) {
  if (object.is_null()) object = nlohmann::ordered_json::object();
  object.get_ref<nlohmann::ordered_json::object_t&>().emplace_back(std::move(key), std::move(value));
}

}  // namespace jaws::emit
