// Parses one record of stdlib/resources.spec into a ResourceType. The grammar
// is in scripts/resource-spec.py, which writes it. The file may come from
// --stdlib, so anything malformed yields null rather than a partial type.
#include <algorithm>
#include <charconv>
#include <map>

#include <nlohmann/json.hpp>

#include "cfnspec/ResourceSpec.h"

namespace jaws::cfnspec {

namespace {

constexpr int kMaxDepth = 200;

bool isNameChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
}

class ShapeParser {
 public:
  ShapeParser(ResourceType& type, std::vector<std::pair<ShapeId, std::string>>& pending)
      : type_(type), pending_(pending) {}

  // The whole text is one shape; false when it is not.
  bool parseAll(std::string_view text, ShapeId* out) {
    text_ = text;
    at_ = 0;
    const auto id = shape(0);
    if (!id || at_ != text_.size()) return false;
    *out = *id;
    return true;
  }

 private:
  std::optional<ShapeId> add(Shape shape) {
    type_.shapes.push_back(std::move(shape));
    return static_cast<ShapeId>(type_.shapes.size() - 1);
  }
  bool eat(char c) {
    if (at_ < text_.size() && text_[at_] == c) {
      ++at_;
      return true;
    }
    return false;
  }
  std::string_view name() {
    const std::size_t begin = at_;
    while (at_ < text_.size() && isNameChar(text_[at_])) ++at_;
    return text_.substr(begin, at_ - begin);
  }

  std::optional<ShapeId> shape(int depth) {
    if (depth > kMaxDepth || at_ >= text_.size()) return std::nullopt;
    Shape shape;
    const char c = text_[at_++];
    switch (c) {
      case 's': shape.kind = Shape::Kind::String; break;
      case 'i': shape.kind = Shape::Kind::Integer; break;
      case 'n': shape.kind = Shape::Kind::Number; break;
      case 'b': shape.kind = Shape::Kind::Boolean; break;
      case 'j': shape.kind = Shape::Kind::Json; break;
      case '*': shape.kind = Shape::Kind::Any; break;
      case '[':
      case '<': {
        const auto element = this->shape(depth + 1);
        if (!element || !eat(c == '[' ? ']' : '>')) return std::nullopt;
        shape.kind = c == '[' ? Shape::Kind::List : Shape::Kind::Map;
        shape.element = *element;
        break;
      }
      case '(': {
        shape.kind = Shape::Kind::Union;
        do {
          const auto member = this->shape(depth + 1);
          if (!member) return std::nullopt;
          shape.members.push_back(*member);
        } while (eat('|'));
        if (!eat(')')) return std::nullopt;
        break;
      }
      case '{':
        shape.kind = Shape::Kind::Object;
        if (!object(shape, depth)) return std::nullopt;
        break;
      case '#': {
        shape.kind = Shape::Kind::Definition;
        shape.definition = std::string(name());
        if (shape.definition.empty()) return std::nullopt;
        break;
      }
      default: return std::nullopt;
    }
    if (!constraints(shape)) return std::nullopt;
    const auto id = add(std::move(shape));
    if (type_.shapes[*id].kind == Shape::Kind::Definition) pending_.emplace_back(*id, type_.shapes[*id].definition);
    return id;
  }

  // `{a!:S,b:S,+;1:a,b}`
  bool object(Shape& shape, int depth) {
    if (eat('}')) return true;
    do {
      if (eat('+')) {
        shape.open = true;
        continue;
      }
      Field field;
      field.name = std::string(name());
      if (field.name.empty()) return false;
      field.required = eat('!');
      if (!eat(':')) return false;
      const auto id = this->shape(depth + 1);
      if (!id) return false;
      field.shape = *id;
      shape.fields.push_back(std::move(field));
    } while (eat(','));
    while (eat(';')) {
      const char mark = at_ < text_.size() ? text_[at_++] : '\0';
      if ((mark != '1' && mark != '+') || !eat(':')) return false;
      std::vector<std::string> names;
      do {
        names.emplace_back(name());
        if (names.back().empty()) return false;
      } while (eat(','));
      (mark == '1' ? shape.exactlyOne : shape.atLeastOne).push_back(std::move(names));
    }
    std::sort(shape.fields.begin(), shape.fields.end(), [](const Field& a, const Field& b) { return a.name < b.name; });
    return eat('}');
  }

  // A JSON value (string or array) starting at the cursor.
  std::optional<nlohmann::json> json() {
    const std::size_t begin = at_;
    int depth = 0;
    bool inString = false;
    for (; at_ < text_.size(); ++at_) {
      const char c = text_[at_];
      if (inString) {
        if (c == '\\') {
          ++at_;
        } else if (c == '"') {
          inString = false;
          if (depth == 0) break;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '[') {
        ++depth;
      } else if (c == ']') {
        if (--depth == 0) break;
      }
    }
    if (at_ >= text_.size()) return std::nullopt;
    ++at_;
    auto parsed = nlohmann::json::parse(text_.substr(begin, at_ - begin), nullptr, false);
    if (parsed.is_discarded()) return std::nullopt;
    return parsed;
  }

  std::optional<double> bound() {
    const std::size_t begin = at_;
    while (at_ < text_.size() && (std::isdigit(static_cast<unsigned char>(text_[at_])) || text_[at_] == '-' ||
                                  text_[at_] == 'e' || text_[at_] == 'E' || text_[at_] == '+' ||
                                  (text_[at_] == '.' && !(at_ + 1 < text_.size() && text_[at_ + 1] == '.')))) {
      ++at_;
    }
    if (begin == at_) return std::nullopt;
    double value = 0;
    auto [end, ec] = std::from_chars(text_.data() + begin, text_.data() + at_, value);
    if (ec != std::errc() || end != text_.data() + at_) {
      ok_ = false;
      return std::nullopt;
    }
    return value;
  }

  bool range(std::optional<double>& low, std::optional<double>& high) {
    low = bound();
    if (!eat('.') || !eat('.')) return false;
    high = bound();
    return ok_;
  }

  bool constraints(Shape& shape) {
    while (at_ < text_.size()) {
      const char c = text_[at_];
      if (c == '=') {
        ++at_;
        auto values = json();
        if (!values || !values->is_array()) return false;
        for (const auto& v : *values) {
          if (v.is_string()) {
            shape.allowed.push_back(v.get<std::string>());
          } else if (v.is_number()) {
            shape.allowed.push_back(v.dump());
            shape.allowedAreNumbers = true;
          }
        }
      } else if (c == '^') {
        ++at_;
        auto pattern = json();
        if (!pattern || !pattern->is_string()) return false;
        shape.pattern = pattern->get<std::string>();
      } else if (c == '%') {
        ++at_;
        std::optional<double> low, high;
        if (!range(low, high)) return false;
        if (low) shape.minCount = static_cast<std::int64_t>(*low);
        if (high) shape.maxCount = static_cast<std::int64_t>(*high);
      } else if (c == '~') {
        ++at_;
        if (!range(shape.minimum, shape.maximum)) return false;
      } else {
        return true;
      }
    }
    return true;
  }

  ResourceType& type_;
  std::vector<std::pair<ShapeId, std::string>>& pending_;
  std::string_view text_;
  std::size_t at_ = 0;
  bool ok_ = true;
};

std::vector<std::string_view> words(std::string_view text) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    const std::size_t space = text.find(' ');
    if (space != 0) out.push_back(text.substr(0, space));
    if (space == std::string_view::npos) break;
    text.remove_prefix(space + 1);
  }
  return out;
}

}  // namespace

std::unique_ptr<ResourceType> parseRecord(std::string_view text, const std::vector<std::string>& regions) {
  auto type = std::make_unique<ResourceType>();
  std::vector<std::pair<ShapeId, std::string>> pending;
  std::map<std::string, ShapeId, std::less<>> definitions;
  ShapeParser parser(*type, pending);
  Shape properties;
  properties.kind = Shape::Kind::Object;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    if (line.size() < 2 || line[1] != ' ') return nullptr;
    const std::string_view rest = line.substr(2);
    const std::size_t space = rest.find(' ');
    const std::string_view head = rest.substr(0, space);
    const std::string_view tail = space == std::string_view::npos ? std::string_view{} : rest.substr(space + 1);
    switch (line[0]) {
      case 'T': type->name = std::string(rest); break;
      case 'R':
        for (std::string_view r = rest; !r.empty();) {
          const std::size_t bar = r.find('|');
          type->refReturns.emplace_back(r.substr(0, bar));
          r = bar == std::string_view::npos ? std::string_view{} : r.substr(bar + 1);
        }
        break;
      case 'N':
        if (head == "a" && !tail.empty()) {
          type->arn = ArnSource::Attribute;
          type->arnAttribute = std::string(tail);
        } else if (head == "r") {
          type->arn = ArnSource::Ref;
        }
        break;
      case 'A': {
        Attribute attribute{std::string(head), 0};
        if (!parser.parseAll(tail, &attribute.shape)) return nullptr;
        type->attributes.push_back(std::move(attribute));
        break;
      }
      case 'X':
        for (std::string_view index : words(rest)) {
          std::size_t i = 0;
          auto [p, ec] = std::from_chars(index.data(), index.data() + index.size(), i);
          if (ec != std::errc() || i >= regions.size()) return nullptr;
          type->missingRegions.push_back(regions[i]);
        }
        break;
      case 'P': {
        Field field;
        std::string_view name = head;
        while (!name.empty() && (name.back() == '!' || name.back() == '~' || name.back() == '-')) {
          const char flag = name.back();
          (flag == '!' ? field.required : flag == '~' ? field.readOnly : field.deprecated) = true;
          name.remove_suffix(1);
        }
        field.name = std::string(name);
        if (field.name.empty() || !parser.parseAll(tail, &field.shape)) return nullptr;
        properties.fields.push_back(std::move(field));
        break;
      }
      case 'O': {
        auto names = words(tail);
        std::vector<std::string> list(names.begin(), names.end());
        if (head == "1") properties.exactlyOne.push_back(std::move(list));
        if (head == "+") properties.atLeastOne.push_back(std::move(list));
        break;
      }
      case 'D': {
        ShapeId id = 0;
        if (!parser.parseAll(tail, &id)) return nullptr;
        definitions.emplace(std::string(head), id);
        break;
      }
      default: return nullptr;
    }
  }
  if (type->name.empty()) return nullptr;
  for (const auto& [id, name] : pending) {
    auto it = definitions.find(name);
    if (it == definitions.end()) {
      type->shapes[id].kind = Shape::Kind::Any;
    } else {
      type->shapes[id].element = it->second;
    }
  }
  std::sort(properties.fields.begin(), properties.fields.end(), [](const Field& a, const Field& b) { return a.name < b.name; });
  type->shapes.push_back(std::move(properties));
  type->properties = static_cast<ShapeId>(type->shapes.size() - 1);
  std::sort(type->attributes.begin(), type->attributes.end(), [](const Attribute& a, const Attribute& b) { return a.name < b.name; });
  return type;
}

}  // namespace jaws::cfnspec
