#include "sema/ValueChecker.h"

#include "sema/PatternCache.h"

#include <fmt/format.h>


#include "diag/Builders.h"
#include "sema/Suggest.h"

namespace jaws::sema {

using K = model::Value::Kind;

namespace {

Span spanOf(const model::Value& value, Span fallback) { return value.origin.valid() ? Span{value.origin} : fallback; }

std::string shown(const model::Value& value) { return model::describe(value); }

bool isNumeric(const model::Value& v) { return v.kind == K::Int || v.kind == K::Number || v.kind == K::Size || v.kind == K::Duration; }

double numericValue(const model::Value& v) { return v.kind == K::Number ? v.number : static_cast<double>(v.integer); }

}  // namespace

std::optional<std::int64_t> constraintArgument(const ast::Decorator& decorator) {
  if (decorator.args.size() != 1) return std::nullopt;
  const ast::Expr& arg = *decorator.args.front();
  switch (arg.kind) {
    case ast::ExprKind::Int: return static_cast<const ast::IntLiteral&>(arg).value;
    case ast::ExprKind::Size: return static_cast<const ast::SizeLiteral&>(arg).bytes;
    case ast::ExprKind::Duration: return static_cast<const ast::DurationLiteral&>(arg).milliseconds;
    default: return std::nullopt;
  }
}

void ValueChecker::report(Diagnostic d) { out_.push_back(std::move(d)); }

const std::regex* ValueChecker::patternOf(const ast::Decorator& decorator) {
  auto [it, inserted] = patterns_.try_emplace(&decorator, nullptr);
  if (inserted) it->second = compiledPattern(static_cast<const ast::StringLiteral&>(*decorator.args[0]).plainText());
  return it->second;
}

bool ValueChecker::fits(const model::Value& value, const Type& type) {
  return checkShape(value, type, "", true, Span{}, false);
}

bool ValueChecker::check(const model::Value& value, const Type& type, const std::vector<ast::Decorator>* constraints,
                         std::string_view where, bool deployTime, Span fallback) {
  if (!checkShape(value, type, where, deployTime, fallback, true)) return false;
  if (constraints != nullptr) return checkConstraints(value, *constraints, spanOf(value, fallback));
  return true;
}

bool ValueChecker::checkShape(const model::Value& value, const Type& type, std::string_view where, bool deployTime,
                              Span fallback, bool enabled) {
  const Span at = spanOf(value, fallback);
  if (type.kind == Type::Kind::Any || type.kind == Type::Kind::Error) return true;
  if (value.isDeployTime()) {
    // A deploy-time value stands for a string (or a list/object holding them).
    if (!deployTime) {
      if (enabled) report(diag::DeployTimeValueNotAllowed(at, shown(value), std::string(where)));
      return false;
    }
    if (value.kind == K::Deploy || value.kind == K::Concat) {
      const bool stringLike = type.kind == Type::Kind::String ||
                              (type.kind == Type::Kind::Union &&
                               std::any_of(type.members.begin(), type.members.end(),
                                           [](const TypePtr& m) { return m->kind == Type::Kind::String; }));
      if (!stringLike) {
        if (enabled) report(diag::TypeMismatch(at, describeType(type), describeValueType(value)));
        return false;
      }
      return true;
    }
  }
  switch (type.kind) {
    case Type::Kind::String:
      if (value.kind == K::String) return true;
      break;
    case Type::Kind::Int:
      if (value.kind == K::Int) return true;
      break;
    case Type::Kind::Number:
      if (value.kind == K::Int || value.kind == K::Number) return true;
      break;
    case Type::Kind::Bool:
      if (value.kind == K::Bool) return true;
      break;
    case Type::Kind::Size:
      if (value.kind == K::Size) return true;
      break;
    case Type::Kind::Duration:
      if (value.kind == K::Duration) return true;
      break;
    case Type::Kind::Null:
      if (value.kind == K::Null) return true;
      break;
    case Type::Kind::Literal: {
      const model::Value& lit = type.literal;
      if (value.kind == lit.kind && value.string == lit.string && value.integer == lit.integer && value.boolean == lit.boolean) {
        return true;
      }
      break;
    }
    case Type::Kind::Union: {
      for (const auto& member : type.members) {
        if (checkShape(value, *member, where, deployTime, fallback, false)) {
          // Report inside the member that fits the shape best (records report their fields).
          return !enabled || checkShape(value, *member, where, deployTime, fallback, enabled);
        }
      }
      // A record member that the value is an object for: report its fields.
      if (value.kind == K::Object) {
        for (const auto& member : type.members) {
          if (member->kind == Type::Kind::Record) return checkShape(value, *member, where, deployTime, fallback, enabled);
        }
      }
      // Trying a union's members builds no message: only the report does.
      if (!enabled) return false;
      const auto literals = type.stringLiterals();
      if (value.kind == K::String && !literals.empty()) {
        Diagnostic d = diag::NotOneOf(at, shown(value), describeType(type).size() > 60 ? where : describeType(type));
        if (auto best = closestMatch(value.string, literals)) {
          const std::string quoted = "\"" + *best + "\"";
          d.withHelp(note::DidYouMean(quoted)).withFix(note::ReplaceWith(quoted), at, quoted);
        } else if (literals.size() <= 8) {
          std::string list;
          for (std::size_t i = 0; i < literals.size(); ++i) list += (i ? ", \"" : "\"") + literals[i] + "\"";
          d.withHelp(note::OneOf(list));
        }
        report(std::move(d));
        return false;
      }
      if (value.kind == K::Int && type.name.size()) {
        report(diag::NotOneOf(at, shown(value), type.name));
        return false;
      }
      break;
    }
    case Type::Kind::List:
      if (value.kind == K::List) {
        bool ok = true;
        for (const auto& item : value.items) ok = checkShape(item, *type.element, where, deployTime, at, enabled) && ok;
        return ok;
      }
      break;
    case Type::Kind::Map:
      if (value.kind == K::Object) {
        bool ok = true;
        for (const auto& [key, item] : value.fields) ok = checkShape(item, *type.element, where, deployTime, at, enabled) && ok;
        return ok;
      }
      break;
    case Type::Kind::Record:
      if (value.kind == K::Object) {
        bool ok = true;
        for (const auto& [key, item] : value.fields) {
          const FieldType* field = type.field(key);
          if (field == nullptr && !enabled) {
            ok = false;
            continue;
          }
          if (field == nullptr) {
            std::vector<std::string> names;
            for (const auto& f : type.fields) names.push_back(f.name);
            // At the key when the object literal is in view, with a fix-it there.
            const Span keyAt = item.keyOrigin.valid() ? Span{item.keyOrigin} : spanOf(item, at);
            Diagnostic d = diag::UnknownAttribute(keyAt, key, type.name.empty() ? "this object" : "`" + type.name + "`");
            if (auto best = closestMatch(key, names)) {
              d.withHelp(note::DidYouMean(*best));
              if (item.keyOrigin.valid()) d.withFix(note::ReplaceWith(*best), item.keyOrigin, *best);
            }
            report(std::move(d));
            ok = false;
            continue;
          }
          const bool fieldDeploy = deployTime && field->deployTime;
          if (!checkShape(item, *field->type, enabled ? "`" + key + "`" : std::string(), fieldDeploy, at, enabled)) {
            ok = false;
          } else if (enabled && field->field) {
            ok = checkConstraints(item, field->field->decorators, spanOf(item, at)) && ok;
          }
        }
        for (const auto& f : type.fields) {
          if (!f.optional && f.field && !f.field->defaultValue && value.field(f.name) == nullptr) {
            if (enabled) report(diag::MissingAttribute(at, f.name, type.name.empty() ? "this object" : "`" + type.name + "`"));
            ok = false;
          }
        }
        return ok;
      }
      break;
    case Type::Kind::Any:
    case Type::Kind::Error: return true;
  }
  if (enabled) report(diag::TypeMismatch(at, describeType(type), describeValueType(value)));
  return false;
}

bool ValueChecker::checkConstraints(const model::Value& value, const std::vector<ast::Decorator>& constraints, Span at) {
  bool ok = true;
  for (const auto& d : constraints) {
    const std::string& name = d.name.text;
    const auto limit = constraintArgument(d);
    if ((name == "min" || name == "max") && limit && isNumeric(value)) {
      const double v = numericValue(value);
      // The limit in the value's unit, rendered only for a message.
      auto bound = [&] {
        model::Value b = model::Value::null();
        b.kind = value.kind;
        b.integer = *limit;
        b.number = static_cast<double>(*limit);
        return model::describe(b);
      };
      if (name == "min" && v < static_cast<double>(*limit)) {
        out_.push_back(diag::BelowMinimum(at, model::describe(value), bound()));
        ok = false;
      }
      if (name == "max" && v > static_cast<double>(*limit)) {
        out_.push_back(diag::AboveMaximum(at, model::describe(value), bound()));
        ok = false;
      }
    } else if ((name == "minLength" || name == "maxLength") && limit && value.kind == K::String) {
      const auto length = static_cast<std::int64_t>(value.string.size());
      if ((name == "minLength" && length < *limit) || (name == "maxLength" && length > *limit)) {
        out_.push_back(diag::LengthOutOfRange(at, model::describe(value),
                                              fmt::format("{} characters, {} {}", length, name == "minLength" ? "at least" : "at most", *limit)));
        ok = false;
      }
    } else if ((name == "minItems" || name == "maxItems") && limit && value.kind == K::List) {
      const auto count = static_cast<std::int64_t>(value.items.size());
      if ((name == "minItems" && count < *limit) || (name == "maxItems" && count > *limit)) {
        out_.push_back(diag::LengthOutOfRange(at, count == 0 ? "the empty list" : model::describe(value),
                                              fmt::format("{} items, {} {}", count, name == "minItems" ? "at least" : "at most", *limit)));
        ok = false;
      }
    } else if (name == "pattern" && value.kind == K::String && d.args.size() == 1 && d.args[0]->kind == ast::ExprKind::String) {
      // An invalid pattern is reported where the decorator is declared.
      const std::regex* regex = patternOf(d);
      if (regex != nullptr && !std::regex_search(value.string, *regex)) {
        const std::string pattern = static_cast<const ast::StringLiteral&>(*d.args[0]).plainText();
        out_.push_back(diag::PatternMismatch(at, model::describe(value), "\"" + pattern + "\""));
        ok = false;
      }
    }
  }
  return ok;
}

}  // namespace jaws::sema
