#include "sema/rules/ResourceProperties.h"

#include "sema/PatternCache.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "diag/Builders.h"
#include "sema/Suggest.h"
#include "sema/Types.h"

namespace jaws::sema {

namespace {

using K = model::Value::Kind;
using cfnspec::Shape;
using cfnspec::ShapeId;

constexpr int kMaxDepth = 64;
// Longer strings are not matched against patterns: libstdc++'s std::regex
// recurses per character.
constexpr std::size_t kMaxPatternInput = 4096;

Span spanOf(const model::Value& value, Span fallback) { return value.origin.valid() ? Span{value.origin} : fallback; }

bool isAscii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// A number CloudFormation reads from the value: numbers, sizes (in MB) and
// durations (in seconds) as the emitter writes them, and numeric strings.
std::optional<double> numeric(const model::Value& value) {
  switch (value.kind) {
    case K::Int: return static_cast<double>(value.integer);
    case K::Number: return value.number;
    case K::Size: return static_cast<double>(value.integer) / (1024.0 * 1024.0);
    case K::Duration: return static_cast<double>(value.integer) / 1000.0;
    case K::String: {
      double parsed = 0;
      const char* begin = value.string.data();
      const char* end = begin + value.string.size();
      auto [stop, ec] = std::from_chars(begin, end, parsed);
      if (ec != std::errc() || stop != end || value.string.empty()) return std::nullopt;
      return parsed;
    }
    default: return std::nullopt;
  }
}

std::string numberText(double value) {
  if (std::floor(value) == value && std::fabs(value) < 1e15) return fmt::format("{}", static_cast<std::int64_t>(value));
  return fmt::format("{}", value);
}

std::string rangeText(const Shape& shape) {
  if (shape.minimum && shape.maximum) return fmt::format("from {} to {}", numberText(*shape.minimum), numberText(*shape.maximum));
  if (shape.minimum) return "at least " + numberText(*shape.minimum);
  return "at most " + numberText(*shape.maximum);
}

// Resource options written as properties: the decorator that sets each.
const char* optionDecorator(std::string_view key) {
  if (key == "DeletionPolicy") return "@deletionPolicy(\"Retain\") or @retain";
  if (key == "UpdateReplacePolicy") return "@updateReplacePolicy(\"Retain\")";
  if (key == "DependsOn") return "@dependsOn(other)";
  if (key == "Condition") return "@when(stage == \"prod\")";
  return nullptr;
}

std::string joinNames(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) out += (i ? ", `" : "`") + names[i] + "`";
  return out;
}

}  // namespace

const Shape& ResourcePropertyChecker::resolve(ShapeId id, std::string* definition) const {
  for (int hops = 0; hops < kMaxDepth && type_->shape(id).kind == Shape::Kind::Definition; ++hops) {
    if (definition != nullptr) *definition = type_->shape(id).definition;
    id = type_->shape(id).element;
  }
  return type_->shape(id);
}

void ResourcePropertyChecker::checkBlock(const cfnspec::ResourceType& type, const model::Resource& resource,
                                         const ast::ResourceDecl& decl) {
  type_ = &type;
  const std::string where = "`" + type.name + "`";
  const Shape& block = type.propertiesShape();
  std::vector<std::string> names;
  for (const auto& field : block.fields) {
    if (!field.readOnly) names.push_back(field.name);
  }
  std::vector<std::string> present;
  for (const auto& [key, value] : resource.properties) {
    if (value.kind == K::Null) continue;
    const ast::Attribute* attribute = nullptr;
    for (const auto& a : decl.attributes) {
      if (a.key.text == key) attribute = &a;
    }
    const Span keyAt = attribute != nullptr ? attribute->key.span : resource.span;
    const cfnspec::Field* field = block.field(key);
    if (field == nullptr) {
      Diagnostic d = diag::UnknownResourceProperty(keyAt, key, where);
      if (const char* decorator = optionDecorator(key)) {
        d.withHelp(note::ResourceOption(decorator));
      } else if (auto best = closestMatch(key, names)) {
        d.withHelp(note::DidYouMean(*best)).withFix(note::ReplaceWith(*best), keyAt, *best);
      }
      out_.push_back(std::move(d));
      continue;
    }
    present.push_back(key);
    if (field->readOnly) {
      out_.push_back(diag::ReadOnlyResourceProperty(keyAt, key, type.name));
      continue;
    }
    if (field->deprecated) out_.push_back(diag::DeprecatedResourceProperty(keyAt, key, type.name));
    check(value, field->shape, key, keyAt, true, 0);
  }
  for (const auto& field : block.fields) {
    if (field.required && std::find(present.begin(), present.end(), field.name) == present.end()) {
      out_.push_back(diag::MissingResourceProperty(decl.name.span, field.name, where));
    }
  }
  checkRules(block, present, where, decl.name.span);
}

void ResourcePropertyChecker::checkRules(const Shape& shape, const std::vector<std::string>& present, std::string_view where,
                                         Span at) {
  auto count = [&](const std::vector<std::string>& names) {
    return std::count_if(names.begin(), names.end(),
                         [&](const std::string& n) { return std::find(present.begin(), present.end(), n) != present.end(); });
  };
  for (const auto& names : shape.exactlyOne) {
    if (count(names) != 1) out_.push_back(diag::ResourcePropertiesExclusive(at, joinNames(names), std::string(where)));
  }
  for (const auto& names : shape.atLeastOne) {
    if (count(names) == 0) out_.push_back(diag::ResourcePropertiesNeedOne(at, joinNames(names), std::string(where)));
  }
}

void ResourcePropertyChecker::mismatch(ShapeId shape, const model::Value& value, Span at, bool report) {
  if (report) out_.push_back(diag::ResourceValueType(at, cfnspec::describeShape(*type_, shape), describeValueType(value)));
}

bool ResourcePropertyChecker::check(const model::Value& value, ShapeId id, std::string_view property, Span fallback,
                                    bool report, int depth) {
  const Span at = spanOf(value, fallback);
  if (depth > kMaxDepth || value.kind == K::Null) return true;
  std::string definition;
  const Shape& shape = resolve(id, &definition);
  if (shape.kind == Shape::Kind::Any) return true;
  if (shape.kind == Shape::Kind::Union) return checkUnion(value, id, property, at, report, depth);
  if (value.kind == K::Deploy || value.kind == K::Concat) return checkDeployTime(value, id, at, report, depth);
  switch (shape.kind) {
    case Shape::Kind::String:
    case Shape::Kind::Integer:
    case Shape::Kind::Number:
    case Shape::Kind::Boolean:
      if (!checkScalar(value, shape, property, at, false)) {
        mismatch(id, value, at, report);
        return false;
      }
      return !report || checkConstraints(value, shape, property, at);
    case Shape::Kind::Json:
      if (value.kind == K::Object || value.kind == K::String) return true;
      mismatch(id, value, at, report);
      return false;
    case Shape::Kind::List: {
      if (value.kind != K::List) {
        mismatch(id, value, at, report);
        return false;
      }
      bool ok = true;
      for (const auto& item : value.items) ok = check(item, shape.element, property, at, report, depth + 1) && ok;
      return ok && (!report || checkConstraints(value, shape, property, at));
    }
    case Shape::Kind::Map: {
      if (value.kind != K::Object) {
        mismatch(id, value, at, report);
        return false;
      }
      bool ok = true;
      for (const auto& [key, item] : value.fields) ok = check(item, shape.element, key, at, report, depth + 1) && ok;
      return ok;
    }
    case Shape::Kind::Object:
      if (value.kind != K::Object) {
        mismatch(id, value, at, report);
        return false;
      }
      return checkObject(value, shape, definition.empty() ? "this object" : "`" + definition + "`", at, report, depth);
    default: return true;
  }
}

bool ResourcePropertyChecker::checkScalar(const model::Value& value, const Shape& shape, std::string_view, Span, bool) {
  // CloudFormation converts between strings, numbers and booleans as cfn-lint
  // accepts them: a number for a string, "30" for a number, "true" for a boolean.
  switch (shape.kind) {
    case Shape::Kind::String:
      return value.kind == K::String || value.kind == K::Int || value.kind == K::Number || value.kind == K::Bool ||
             value.kind == K::Size || value.kind == K::Duration;
    case Shape::Kind::Integer: {
      const auto n = numeric(value);
      return n && std::floor(*n) == *n;
    }
    case Shape::Kind::Number: return numeric(value).has_value();
    case Shape::Kind::Boolean:
      return value.kind == K::Bool || (value.kind == K::String && (value.string == "true" || value.string == "false"));
    default: return false;
  }
}

bool ResourcePropertyChecker::checkDeployTime(const model::Value& value, ShapeId id, Span at, bool report, int depth) {
  const Shape& shape = resolve(id);
  switch (shape.kind) {
    case Shape::Kind::List:
      // An attribute that is itself a list (`Fn::GetAtt` of a list attribute) fits a list.
      if (value.kind == K::Deploy && value.ref.kind == model::DeployRef::Kind::ResourceAttr) {
        for (const auto* r : program_.resources) {
          if (r->name.text != value.ref.target) continue;
          const cfnspec::ResourceType* target = program_.resourceType(*r);
          const cfnspec::Attribute* attribute = target != nullptr ? target->attribute(value.ref.attribute) : nullptr;
          if (attribute != nullptr && target->shape(attribute->shape).kind == Shape::Kind::List) return true;
        }
      }
      [[fallthrough]];
    case Shape::Kind::Map:
    case Shape::Kind::Object:
      if (report) out_.push_back(diag::DeployTimeValueNotStructure(at, model::describe(value), cfnspec::describeShape(*type_, id)));
      return false;
    case Shape::Kind::Union:
      return std::any_of(shape.members.begin(), shape.members.end(),
                         [&](ShapeId m) { return checkDeployTime(value, m, at, false, depth + 1); }) ||
             (report && checkDeployTime(value, shape.members.front(), at, true, depth + 1));
    default: return true;  // a Ref, Fn::GetAtt or dynamic reference stands for a scalar
  }
}

bool ResourcePropertyChecker::checkUnion(const model::Value& value, ShapeId id, std::string_view property, Span at,
                                         bool report, int depth) {
  const Shape& shape = resolve(id);
  for (ShapeId member : shape.members) {
    if (check(value, member, property, at, false, depth + 1)) return !report || check(value, member, property, at, true, depth + 1);
  }
  if (!report) return false;
  // Report inside the member the value is meant for: an object for an object.
  for (ShapeId member : shape.members) {
    const Shape& m = resolve(member);
    const bool sameKind = (value.kind == K::Object && (m.kind == Shape::Kind::Object || m.kind == Shape::Kind::Map)) ||
                          (value.kind == K::List && m.kind == Shape::Kind::List) ||
                          ((value.kind == K::Deploy || value.kind == K::Concat) && m.kind != Shape::Kind::Union);
    if (sameKind) return check(value, member, property, at, true, depth + 1);
  }
  // A scalar of the right kind that breaks a constraint: report the constraint.
  for (ShapeId member : shape.members) {
    const Shape& m = resolve(member);
    if (m.kind != Shape::Kind::Union && checkScalar(value, m, property, at, false)) return check(value, member, property, at, true, depth + 1);
  }
  mismatch(id, value, at, true);
  return false;
}

bool ResourcePropertyChecker::checkObject(const model::Value& value, const Shape& shape, std::string_view where, Span at,
                                          bool report, int depth) {
  bool ok = true;
  std::vector<std::string> names, present;
  for (const auto& f : shape.fields) names.push_back(f.name);
  for (const auto& [key, item] : value.fields) {
    if (item.kind == K::Null) continue;
    const cfnspec::Field* field = shape.field(key);
    if (field == nullptr) {
      if (shape.open) continue;
      ok = false;
      if (!report) continue;
      const Span keyAt = item.keyOrigin.valid() ? Span{item.keyOrigin} : spanOf(item, at);
      Diagnostic d = diag::UnknownResourceProperty(keyAt, key, std::string(where));
      if (auto best = closestMatch(key, names)) {
        d.withHelp(note::DidYouMean(*best));
        if (item.keyOrigin.valid()) d.withFix(note::ReplaceWith(*best), item.keyOrigin, *best);
      }
      out_.push_back(std::move(d));
      continue;
    }
    present.push_back(key);
    ok = check(item, field->shape, key, item.keyOrigin.valid() ? Span{item.keyOrigin} : at, report, depth + 1) && ok;
  }
  for (const auto& field : shape.fields) {
    if (field.required && std::find(present.begin(), present.end(), field.name) == present.end()) {
      ok = false;
      if (report) out_.push_back(diag::MissingResourceProperty(at, field.name, std::string(where)));
    }
  }
  if (report) checkRules(shape, present, where, at);
  return ok;
}

bool ResourcePropertyChecker::checkConstraints(const model::Value& value, const Shape& shape, std::string_view property, Span at) {
  if (!shape.allowed.empty()) {
    bool allowed = false;
    if (shape.allowedAreNumbers) {
      const auto n = numeric(value);
      for (const auto& a : shape.allowed) {
        double v = 0;
        auto [stop, ec] = std::from_chars(a.data(), a.data() + a.size(), v);
        if (ec == std::errc() && n && *n == v) allowed = true;
        if (value.kind == K::String && value.string == a) allowed = true;
      }
    } else {
      const std::string text = value.kind == K::String ? value.string : model::describe(value);
      allowed = std::find(shape.allowed.begin(), shape.allowed.end(), text) != shape.allowed.end();
    }
    if (!allowed) {
      Diagnostic d = diag::ResourceValueNotAllowed(at, model::describe(value), std::string(property));
      if (auto best = value.kind == K::String ? closestMatch(value.string, shape.allowed) : std::nullopt) {
        const std::string quoted = "\"" + *best + "\"";
        d.withHelp(note::DidYouMean(quoted)).withFix(note::ReplaceWith(quoted), at, quoted);
      } else if (shape.allowed.size() <= 8) {
        std::string list;
        for (std::size_t i = 0; i < shape.allowed.size(); ++i) {
          list += (i ? ", " : "") + (shape.allowedAreNumbers ? shape.allowed[i] : "\"" + shape.allowed[i] + "\"");
        }
        d.withHelp(note::OneOf(list));
      }
      out_.push_back(std::move(d));
      return false;
    }
  }
  if ((shape.minimum || shape.maximum) && shape.kind != Shape::Kind::List) {
    if (const auto n = numeric(value); n && ((shape.minimum && *n < *shape.minimum) || (shape.maximum && *n > *shape.maximum))) {
      out_.push_back(diag::ResourceValueOutOfRange(at, model::describe(value), rangeText(shape)));
      return false;
    }
  }
  if (shape.minCount || shape.maxCount) {
    std::optional<std::int64_t> count;
    if (value.kind == K::List) count = static_cast<std::int64_t>(value.items.size());
    if (value.kind == K::String && shape.kind == Shape::Kind::String) {
      // Characters, as AWS counts them: UTF-8 lead bytes.
      count = std::count_if(value.string.begin(), value.string.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
    }
    if (count && ((shape.minCount && *count < *shape.minCount) || (shape.maxCount && *count > *shape.maxCount))) {
      const char* unit = value.kind == K::List ? "items" : "characters";
      std::string limits;
      if (shape.minCount && shape.maxCount) {
        limits = fmt::format("{} {}, expected {} to {}", *count, unit, *shape.minCount, *shape.maxCount);
      } else if (shape.minCount) {
        limits = fmt::format("{} {}, expected at least {}", *count, unit, *shape.minCount);
      } else {
        limits = fmt::format("{} {}, expected at most {}", *count, unit, *shape.maxCount);
      }
      out_.push_back(diag::ResourceLengthOutOfRange(at, value.kind == K::List && value.items.empty() ? "the empty list" : model::describe(value), limits));
      return false;
    }
  }
  if (!shape.pattern.empty() && value.kind == K::String && isAscii(value.string) && value.string.size() <= kMaxPatternInput) {
    const std::regex* regex = compiledPattern(shape.pattern);
    if (regex != nullptr && !std::regex_search(value.string, *regex)) {
      out_.push_back(diag::ResourcePatternMismatch(at, model::describe(value), "\"" + shape.pattern + "\""));
      return false;
    }
  }
  return true;
}

}  // namespace jaws::sema
