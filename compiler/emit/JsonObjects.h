#pragma once
// Building JSON objects cheaply. nlohmann::ordered_json keeps an object's
// members in a vector and finds a key by scanning it, so `obj[key] = v` for n
// distinct keys costs n²/2 comparisons: 8 million for the 4,000 resources of a
// 1,000-function template. Its members are pair<const string, json>, whose
// move may throw, so a growing object copies every member it holds, deeply;
// and `Json{{"k", v}, ...}` makes a two-element array per member, then takes
// it apart (each destroyed container allocates a stack to destroy without
// recursion). Emitting a template spent most of its time there. The helpers
// below build each object once, at its final size.
#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace jaws::emit {

// Makes room for `count` members in `object` (a JSON object, or null: it
// becomes one). Reserve before filling an object that grows member by member.
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

// One member of jsonObject's list. The value is `mutable` so that it can be
// moved out of the initializer list (whose elements are const): a nested
// object or list is moved into place, never copied.
struct JsonMember {
  std::string_view key;
  mutable nlohmann::ordered_json value;
};

// The object of `members`, in the order written; the keys are distinct (not
// checked). What `Json{{"k", v}, ...}` writes, built in place.
inline nlohmann::ordered_json jsonObject(std::initializer_list<JsonMember> members) {
  nlohmann::ordered_json out(nlohmann::ordered_json::value_t::object);
  auto& object = out.get_ref<nlohmann::ordered_json::object_t&>();
  object.reserve(members.size());
  for (const auto& member : members) object.emplace_back(std::string(member.key), std::move(member.value));
  return out;
}

// The members of an object being assembled, before it becomes one: kept in a
// vector of movable pairs, so that growing it moves them. Like a map, `[key]`
// finds a member or appends a null one (a linear scan: for property sets of a
// few dozen members).
class JsonMembers {
 public:
  using Json = nlohmann::ordered_json;

  JsonMembers() = default;
  explicit JsonMembers(std::size_t expected) { members_.reserve(expected); }

  Json& operator[](std::string_view key) {
    for (auto& [name, value] : members_) {
      if (name == key) return value;
    }
    return members_.emplace_back(std::string(key), Json()).second;
  }
  // Appends a member whose key the caller knows is not there yet.
  void append(std::string key, Json value) { members_.emplace_back(std::move(key), std::move(value)); }
  // Inserts a member whose key is not there yet before the one at `position`.
  void insert(std::size_t position, std::string key, Json value) {
    members_.emplace(members_.begin() + static_cast<std::ptrdiff_t>(position), std::move(key), std::move(value));
  }
  bool empty() const { return members_.empty(); }
  std::size_t size() const { return members_.size(); }

  // The object, members in the order they were first added.
  Json inOrder() && {
    Json out(Json::value_t::object);
    auto& object = out.get_ref<Json::object_t&>();
    object.reserve(members_.size());
    for (auto& [key, value] : members_) object.emplace_back(std::move(key), std::move(value));
    members_.clear();
    return out;
  }
  // The object, members sorted by key: for property sets whose order carries
  // no meaning (keys compare as std::map compares them).
  Json sorted() && {
    const auto byKey = [](const auto& a, const auto& b) { return a.first < b.first; };
    if (!std::is_sorted(members_.begin(), members_.end(), byKey)) std::sort(members_.begin(), members_.end(), byKey);
    return std::move(*this).inOrder();
  }

 private:
  std::vector<std::pair<std::string, Json>> members_;
};

// Empties `value` bottom-up, so that destroying it costs what its nodes
// cost. nlohmann's destructor never recurses (a value may be nested without
// bound): it moves every node of a container into a stack vector it
// allocates, then out again, which made a template's destruction a tenth of
// a large `jaws check`. Here each container's members are emptied first, so
// every member is destroyed as a scalar or an empty container: no stack, no
// moves. Below kReleaseDepth levels the rest is left to nlohmann.
inline constexpr int kReleaseDepth = 256;
inline void releaseJson(nlohmann::ordered_json& value, int depth = 0) {
  if (depth >= kReleaseDepth) return;
  if (value.is_object()) {
    auto& object = value.get_ref<nlohmann::ordered_json::object_t&>();
    for (auto& member : object) releaseJson(member.second, depth + 1);
    object.clear();
  } else if (value.is_array()) {
    auto& array = value.get_ref<nlohmann::ordered_json::array_t&>();
    for (auto& element : array) releaseJson(element, depth + 1);
    array.clear();
  }
}

}  // namespace jaws::emit
