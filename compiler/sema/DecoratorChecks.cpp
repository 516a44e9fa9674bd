#include "sema/DecoratorChecks.h"

#include <algorithm>
#include <cctype>

#include "diag/Builders.h"
#include "sema/PatternCache.h"
#include "sema/Suggest.h"

namespace jaws::sema {

namespace {

enum class Needs : std::uint8_t { String, List, Number, None };

struct DecoratorSpec {
  std::string_view name;
  Needs needs;             // the type it constrains
  bool constraint;         // on typed places only (fields, params, route items)
  bool documentation;      // anywhere (@description, @deprecated)
};

constexpr DecoratorSpec kDecorators[] = {
    {"minLength", Needs::String, true, false}, {"maxLength", Needs::String, true, false},
    {"pattern", Needs::String, true, false},   {"format", Needs::String, true, false},
    {"min", Needs::Number, true, false},       {"max", Needs::Number, true, false},
    {"minItems", Needs::List, true, false},    {"maxItems", Needs::List, true, false},
    {"example", Needs::None, true, false},     {"description", Needs::None, false, true},
    {"deprecated", Needs::None, false, true},  {"secure", Needs::None, false, false},
    {"export", Needs::None, false, false},     {"deployTime", Needs::None, false, false},
    // Resource options and per-target declarations (design §15).
    {"retain", Needs::None, false, false},     {"deletionPolicy", Needs::None, false, false},
    {"updateReplacePolicy", Needs::None, false, false}, {"dependsOn", Needs::None, false, false},
    {"when", Needs::None, false, false},
};

const DecoratorSpec* specOf(std::string_view name) {
  for (const auto& spec : kDecorators) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

const char* placeText(DecoratorPlace place) {
  switch (place) {
    case DecoratorPlace::Field: return "a field";
    case DecoratorPlace::Param: return "a param";
    case DecoratorPlace::RouteItem: return "a route item";
    case DecoratorPlace::Route: return "a route";
    case DecoratorPlace::Output: return "an output";
    case DecoratorPlace::Declaration: return "this declaration";
    case DecoratorPlace::Resource: return "a resource";
    case DecoratorPlace::Function: return "a function";
    case DecoratorPlace::Api: return "an api";
  }
  return "this";
}

bool allowed(const DecoratorSpec& spec, DecoratorPlace place) {
  if (spec.documentation) return true;
  const bool typed = place == DecoratorPlace::Field || place == DecoratorPlace::Param || place == DecoratorPlace::RouteItem;
  if (spec.constraint) return typed;
  if (spec.name == "secure") return place == DecoratorPlace::Param;
  if (spec.name == "export") return place == DecoratorPlace::Output;
  if (spec.name == "when") {
    return place == DecoratorPlace::Resource || place == DecoratorPlace::Function || place == DecoratorPlace::Api ||
           place == DecoratorPlace::Output || place == DecoratorPlace::Route;
  }
  if (spec.name == "retain" || spec.name == "deletionPolicy" || spec.name == "updateReplacePolicy" ||
      spec.name == "dependsOn") {
    return place == DecoratorPlace::Resource;
  }
  return false;  // @deployTime: stdlib schemas only
}

bool isIdentifier(std::string_view text) {
  if (text.empty() || std::isdigit(static_cast<unsigned char>(text.front()))) return false;
  return std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isalnum(c) || c == '_'; });
}

bool isPlainString(const ast::Expr& e) {
  return e.kind == ast::ExprKind::String && static_cast<const ast::StringLiteral&>(e).isPlain();
}

// Whether the type (or a member of a union) holds values the decorator constrains.
bool accepts(const Type& type, Needs needs) {
  switch (type.kind) {
    case Type::Kind::Any:
    case Type::Kind::Error: return true;
    case Type::Kind::Union:
      for (const auto& m : type.members) {
        if (accepts(*m, needs)) return true;
      }
      return false;
    case Type::Kind::String: return needs == Needs::String;
    case Type::Kind::Literal: return needs == Needs::String ? type.literal.kind == model::Value::Kind::String
                                                            : needs == Needs::Number && type.literal.kind == model::Value::Kind::Int;
    case Type::Kind::List: return needs == Needs::List;
    case Type::Kind::Int:
    case Type::Kind::Number:
    case Type::Kind::Size:
    case Type::Kind::Duration: return needs == Needs::Number;
    default: return false;
  }
}

// The kind of argument @min/@max takes for this type: the unit of the type.
std::optional<ast::ExprKind> boundKind(const Type& type) {
  switch (type.kind) {
    case Type::Kind::Size: return ast::ExprKind::Size;
    case Type::Kind::Duration: return ast::ExprKind::Duration;
    case Type::Kind::Int:
    case Type::Kind::Number: return ast::ExprKind::Int;
    default: return std::nullopt;
  }
}

// JW3021: the arguments; returns whether they are well-formed.
bool checkArguments(const ast::Decorator& d, const DecoratorSpec& spec, const Type* type, Diagnostics& out) {
  const auto& args = d.args;
  auto fail = [&](std::string_view expected) {
    out.push_back(diag::InvalidDecoratorArgument(d.span, d.name.text, std::string(expected)));
    return false;
  };
  const std::string_view n = spec.name;
  if (n == "minLength" || n == "maxLength" || n == "minItems" || n == "maxItems") {
    if (args.size() != 1 || args[0]->kind != ast::ExprKind::Int) return fail("one whole number");
  } else if (n == "min" || n == "max") {
    const auto kind = args.size() == 1 ? args[0]->kind : ast::ExprKind::Error;
    const bool numeric = kind == ast::ExprKind::Int || kind == ast::ExprKind::Decimal || kind == ast::ExprKind::Size ||
                         kind == ast::ExprKind::Duration;
    if (!numeric) return fail("one number, size or duration");
    if (type != nullptr) {
      if (auto unit = boundKind(*type); unit && (kind == ast::ExprKind::Decimal ? ast::ExprKind::Int : kind) != *unit) {
        return fail(*unit == ast::ExprKind::Size ? "a size, such as 128MB"
                    : *unit == ast::ExprKind::Duration ? "a duration, such as 10s" : "a number");
      }
    }
  } else if (n == "pattern") {
    if (args.size() != 1 || !isPlainString(*args[0])) return fail("one string holding a regular expression");
    const std::string pattern = static_cast<const ast::StringLiteral&>(*args[0]).plainText();
    // Compiled once per process; the value checks use the same regex.
    if (compiledPattern(pattern) == nullptr) return fail("a valid regular expression (ECMAScript syntax)");
  } else if (n == "format" || n == "description") {
    if (args.size() != 1 || !isPlainString(*args[0])) return fail("one string");
  } else if (n == "example") {
    if (args.size() != 1) return fail("one value");
  } else if (n == "deletionPolicy" || n == "updateReplacePolicy") {
    if (args.size() != 1) return fail("one policy, such as \"Retain\"");
  } else if (n == "dependsOn") {
    const bool names = !args.empty() && std::all_of(args.begin(), args.end(), [](const ast::ExprPtr& a) {
      return a->kind == ast::ExprKind::Name;
    });
    if (!names) return fail("the names of one or more resources, functions or apis");
  } else if (n == "when") {
    if (args.size() != 1) return fail("one condition, such as `stage == \"prod\"`");
  } else if (n == "export") {
    if (args.size() > 1 || (args.size() == 1 && args[0]->kind != ast::ExprKind::String)) return fail("no argument or one string");
  } else if (!args.empty() || d.hasParens) {
    return fail("no arguments");
  }
  return true;
}

}  // namespace

void checkDecorators(const std::vector<ast::Decorator>& decorators, DecoratorPlace place, const Type* type, Diagnostics& out) {
  for (const auto& d : decorators) {
    // A name the parser could not read (`@@`) has its syntax error already.
    if (!d.name.valid() || !isIdentifier(d.name.text)) continue;
    const DecoratorSpec* spec = specOf(d.name.text);
    if (spec == nullptr) {
      std::vector<std::string> names;
      for (const auto& s : kDecorators) {
        if (s.name != "deployTime") names.emplace_back(s.name);
      }
      Diagnostic diagnostic = diag::UnknownDecorator(d.name.span, d.name.text);
      if (auto best = closestMatch(d.name.text, names)) {
        diagnostic.withHelp(note::DidYouMean("@" + *best)).withFix(note::ReplaceWith(*best), d.name.span, *best);
      }
      out.push_back(std::move(diagnostic));
      continue;
    }
    if (!allowed(*spec, place)) {
      out.push_back(diag::DecoratorNotAllowed(d.name.span, d.name.text, placeText(place)));
      continue;
    }
    if (!checkArguments(d, *spec, type, out)) continue;
    if (spec->needs != Needs::None && type != nullptr && !accepts(*type, spec->needs)) {
      out.push_back(diag::DecoratorTypeMismatch(d.name.span, d.name.text));
    }
  }
}

}  // namespace jaws::sema
