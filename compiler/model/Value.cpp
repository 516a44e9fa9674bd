#include "model/Value.h"

#include <fmt/format.h>

namespace jaws::model {

Value::Value() = default;
Value::~Value() = default;
Value::Value(const Value&) = default;
Value::Value(Value&&) noexcept = default;
Value& Value::operator=(const Value&) = default;
Value& Value::operator=(Value&&) noexcept = default;
bool operator==(const Value&, const Value&) noexcept = default;

bool Value::isDeployTime() const {
  switch (kind) {
    case Kind::Deploy:
    case Kind::Concat: return true;
    case Kind::List:
      for (const auto& item : items) {
        if (item.isDeployTime()) return true;
      }
      return false;
    case Kind::Object:
      for (const auto& [key, value] : fields) {
        if (value.isDeployTime()) return true;
      }
      return false;
    default: return false;
  }
}

const Value* Value::field(std::string_view name) const {
  for (const auto& [key, value] : fields) {
    if (key == name) return &value;
  }
  return nullptr;
}

Value withoutNulls(Value value) {
  if (value.kind == Value::Kind::List) {
    std::erase_if(value.items, [](const Value& item) { return item.kind == Value::Kind::Null; });
    for (Value& item : value.items) item = withoutNulls(std::move(item));
  } else if (value.kind == Value::Kind::Object) {
    std::erase_if(value.fields, [](const auto& field) { return field.second.kind == Value::Kind::Null; });
    for (auto& field : value.fields) field.second = withoutNulls(std::move(field.second));
  }
  return value;
}

Value Value::null(Span at) {
  Value v;
  v.origin = at;
  return v;
}
Value Value::ofBool(bool b, Span at) {
  Value v = null(at);
  v.kind = Kind::Bool;
  v.boolean = b;
  return v;
}
Value Value::ofInt(std::int64_t i, Span at) {
  Value v = null(at);
  v.kind = Kind::Int;
  v.integer = i;
  return v;
}
Value Value::ofNumber(double d, Span at) {
  Value v = null(at);
  v.kind = Kind::Number;
  v.number = d;
  return v;
}
Value Value::ofString(std::string s, Span at) {
  Value v = null(at);
  v.kind = Kind::String;
  v.string = std::move(s);
  return v;
}
Value Value::ofSize(std::int64_t bytes, Span at) {
  Value v = null(at);
  v.kind = Kind::Size;
  v.integer = bytes;
  return v;
}
Value Value::ofDuration(std::int64_t ms, Span at) {
  Value v = null(at);
  v.kind = Kind::Duration;
  v.integer = ms;
  return v;
}
Value Value::list(std::vector<Value> items, Span at) {
  Value v = null(at);
  v.kind = Kind::List;
  v.items = std::move(items);
  return v;
}
Value Value::object(std::vector<std::pair<std::string, Value>> fields, Span at) {
  Value v = null(at);
  v.kind = Kind::Object;
  v.fields = std::move(fields);
  return v;
}
Value Value::deploy(DeployRef ref, Span at) {
  Value v = null(at);
  v.kind = Kind::Deploy;
  v.ref = std::move(ref);
  return v;
}
Value Value::concat(std::vector<Value> parts, Span at) {
  Value v = null(at);
  v.kind = Kind::Concat;
  v.items = std::move(parts);
  return v;
}

namespace {

std::string sizeText(std::int64_t bytes) {
  constexpr std::int64_t kUnits[] = {1LL << 40, 1LL << 30, 1LL << 20, 1LL << 10};
  constexpr const char* kNames[] = {"TB", "GB", "MB", "KB"};
  for (int i = 0; i < 4; ++i) {
    if (bytes != 0 && bytes % kUnits[i] == 0) return fmt::format("{}{}", bytes / kUnits[i], kNames[i]);
  }
  return fmt::format("{}B", bytes);
}

std::string durationText(std::int64_t ms) {
  constexpr std::int64_t kUnits[] = {86'400'000, 3'600'000, 60'000, 1000};
  constexpr const char* kNames[] = {"d", "h", "m", "s"};
  for (int i = 0; i < 4; ++i) {
    if (ms != 0 && ms % kUnits[i] == 0) return fmt::format("{}{}", ms / kUnits[i], kNames[i]);
  }
  return fmt::format("{}ms", ms);
}

std::string refText(const DeployRef& ref) {
  switch (ref.kind) {
    case DeployRef::Kind::FunctionArn: return ref.target + ".arn";
    case DeployRef::Kind::FunctionName: return ref.target + ".name";
    case DeployRef::Kind::ApiUrl: return ref.target + ".url";
    case DeployRef::Kind::ApiId: return ref.target + ".id";
    case DeployRef::Kind::ResourceRef: return ref.target + ".ref";
    case DeployRef::Kind::ResourceAttr: return ref.target + "." + ref.attribute;
    case DeployRef::Kind::AccountId: return "account";
    case DeployRef::Kind::PseudoParameter: return ref.name;
    case DeployRef::Kind::SsmParameter: return fmt::format("ssm(\"{}\")", ref.name);
    case DeployRef::Kind::FunctionUrl: return ref.target + ".url";
    case DeployRef::Kind::FunctionRole: return ref.target + ".role";
    case DeployRef::Kind::Secret:
      return ref.jsonKey.empty() ? fmt::format("secret(\"{}\")", ref.name) : fmt::format("secret(\"{}\", \"{}\")", ref.name, ref.jsonKey);
  }
  return "?";
}

}  // namespace

std::string describe(const Value& value) {
  switch (value.kind) {
    case Value::Kind::Null: return "null";
    case Value::Kind::Bool: return value.boolean ? "true" : "false";
    case Value::Kind::Int: return std::to_string(value.integer);
    case Value::Kind::Number: return fmt::format("{}", value.number);
    case Value::Kind::String: return fmt::format("\"{}\"", value.string);
    case Value::Kind::Size: return sizeText(value.integer);
    case Value::Kind::Duration: return durationText(value.integer);
    case Value::Kind::List: {
      std::string out = "[";
      for (std::size_t i = 0; i < value.items.size(); ++i) out += (i ? ", " : "") + describe(value.items[i]);
      return out + "]";
    }
    case Value::Kind::Object: {
      std::string out = "{";
      for (std::size_t i = 0; i < value.fields.size(); ++i) {
        out += (i ? ", " : " ") + value.fields[i].first + " = " + describe(value.fields[i].second);
      }
      return out + (value.fields.empty() ? "}" : " }");
    }
    case Value::Kind::Deploy: return "<" + refText(value.ref) + (value.ref.secure ? ", secure" : "") + ">";
    case Value::Kind::Concat: {
      std::string out = "\"";
      for (const auto& part : value.items) {
        out += part.kind == Value::Kind::String ? part.string : "${" + refText(part.ref) + "}";
      }
      return out + "\"";
    }
  }
  return "?";
}

}  // namespace jaws::model
