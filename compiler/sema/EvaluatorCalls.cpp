// The builtin functions an expression may call (ssm, secret, allow, cognito,
// authorizer, ...): their arguments checked, their values built.
#include "sema/Evaluator.h"

#include "diag/Builders.h"

namespace jaws::sema {

using K = model::Value::Kind;

namespace {

// IAM reads `*` and `?` in a resource ARN as wildcards; no SSM parameter or
// secret name holds either (JW3027).
bool holdsWildcard(std::string_view name) { return name.find_first_of("*?") != std::string_view::npos; }

}  // namespace

MaybeValue Evaluator::evalCall(const ast::CallExpr& call) {
  const Symbol* symbol = call.callee->kind == ast::ExprKind::Name ? program_.binding(call.callee.get()) : nullptr;
  const auto builtin = program_.builtin(symbol);
  const std::string name = symbol ? symbol->name : "this";
  const bool isFunction = builtin && *builtin != Builtin::Stage && *builtin != Builtin::Region &&
                          *builtin != Builtin::Project && *builtin != Builtin::Account;
  if (!isFunction) {
    if (call.callee->kind != ast::ExprKind::Name || symbol != nullptr) out_.push_back(diag::NotCallable(call.callee->span, name));
    return std::nullopt;
  }
  // The builtins that read other declarations (an authorizer's function,
  // an event's source) are not replayed by name (sema/ReadLog.h).
  if (*builtin != Builtin::Ssm && *builtin != Builtin::Secret && *builtin != Builtin::Allow && *builtin != Builtin::Join) {
    logUnrepeatable();
  }
  const std::size_t n = call.args.size();
  auto arity = [&](std::size_t lo, std::size_t hi, std::string_view expected) {
    if (n >= lo && n <= hi) return true;
    out_.push_back(diag::WrongArgumentCount(call.span, name, expected, std::to_string(n)));
    return false;
  };
  using RK = model::DeployRef::Kind;
  switch (*builtin) {
    case Builtin::Ssm: {
      if (!arity(1, 1, "one argument")) return std::nullopt;
      MaybeValue parameter = compileTimeString(*call.args[0], "an SSM parameter name");
      if (!parameter) return std::nullopt;
      if (holdsWildcard(parameter->string)) {
        out_.push_back(diag::WildcardInSecretName(call.args[0]->span, "SSM parameter", parameter->string));
        return std::nullopt;
      }
      return model::Value::deploy(model::DeployRef{RK::SsmParameter, "", "", parameter->string, "", false}, call.span);
    }
    case Builtin::Secret: {
      if (!arity(1, 2, "one or two arguments")) return std::nullopt;
      MaybeValue id = compileTimeString(*call.args[0], "a secret name");
      MaybeValue key = n == 2 ? compileTimeString(*call.args[1], "a secret's JSON key") : model::Value::ofString("");
      if (!id || !key) return std::nullopt;
      if (holdsWildcard(id->string)) {
        out_.push_back(diag::WildcardInSecretName(call.args[0]->span, "secret", id->string));
        return std::nullopt;
      }
      return model::Value::deploy(model::DeployRef{RK::Secret, "", "", id->string, key->string, false}, call.span);
    }
    case Builtin::Allow: {
      if (!arity(2, 2, "two arguments")) return std::nullopt;
      MaybeValue actions = eval(*call.args[0]);
      MaybeValue resources = eval(*call.args[1]);
      if (!actions || !resources) return std::nullopt;
      // Moved, not copied (a braced list would copy every value).
      auto asList = [](model::Value v) {
        if (v.kind == K::List) return v;
        const Span at = v.origin;
        std::vector<model::Value> items;
        items.push_back(std::move(v));
        return model::Value::list(std::move(items), at);
      };
      std::vector<std::pair<std::string, model::Value>> fields;
      fields.reserve(2);
      fields.emplace_back("actions", asList(std::move(*actions)));
      fields.emplace_back("resources", asList(std::move(*resources)));
      return model::Value::object(std::move(fields), call.span);
    }
    case Builtin::Join: {
      if (!arity(2, 2, "two arguments")) return std::nullopt;
      MaybeValue separator = compileTimeString(*call.args[0], "a separator");
      MaybeValue list = eval(*call.args[1]);
      if (!separator || !list) return std::nullopt;
      if (list->kind != K::List) {
        out_.push_back(diag::TypeMismatch(call.args[1]->span, "a list", describeValueType(*list)));
        return std::nullopt;
      }
      std::vector<model::Value> parts;
      std::string text;
      bool deploy = false;
      for (std::size_t i = 0; i < list->items.size(); ++i) {
        const model::Value& item = list->items[i];
        if (i) text += separator->string;
        if (item.kind == K::String) {
          text += item.string;
        } else if (item.kind == K::Deploy) {
          deploy = true;
          if (!text.empty()) parts.push_back(model::Value::ofString(std::move(text)));
          text.clear();
          parts.push_back(item);
        } else {
          out_.push_back(diag::TypeMismatch(item.origin.valid() ? item.origin : call.span, "string", describeValueType(item)));
          return std::nullopt;
        }
      }
      if (!deploy) return model::Value::ofString(std::move(text), call.span);
      if (!text.empty()) parts.push_back(model::Value::ofString(std::move(text)));
      return model::Value::concat(std::move(parts), call.span);
    }
    case Builtin::Cognito: {
      if (!arity(1, 2, "one or two arguments")) return std::nullopt;
      MaybeValue arn = eval(*call.args[0]);
      if (!arn) return std::nullopt;
      model::Value auth =
          model::Value::object({{"kind", model::Value::ofString("cognito", call.span)}, {"userPoolArn", *arn}}, call.span);
      if (n == 1) return auth;
      return withOptions(std::move(auth), *call.args[1], "CognitoAuth");
    }
    case Builtin::Jwt: {
      if (!arity(1, 1, "one argument")) return std::nullopt;
      return withOptions(model::Value::object({{"kind", model::Value::ofString("jwt", call.span)}}, call.span),
                         *call.args[0], "JwtAuth");
    }
    case Builtin::Authorizer: {
      if (!arity(1, 1, "one argument")) return std::nullopt;
      const ast::Expr& arg = *call.args[0];
      const Symbol* fn = arg.kind == ast::ExprKind::Name ? program_.binding(&arg) : nullptr;
      if (fn == nullptr || fn->kind != SymbolKind::Function) {
        if (arg.kind != ast::ExprKind::Name) {
          out_.push_back(diag::TypeMismatch(arg.span, "a function name", "an expression"));
        } else if (fn != nullptr) {
          // As the binder reports a route target that is not a function: pointing at the declaration.
          Diagnostic d = diag::NotAFunction(arg.span, fn->name, symbolKindName(fn->kind));
          if (fn->decl != nullptr) d.note(fn->decl->name.span, note::DeclaredHere());
          out_.push_back(std::move(d));
        }
        return std::nullopt;
      }
      if (!present(*fn, arg.span)) return std::nullopt;
      return model::Value::object({{"kind", model::Value::ofString("authorizer", call.span)},
                                   {"function", model::Value::ofString(fn->name, arg.span)}},
                                  call.span);
    }
    case Builtin::Event: return evalEventCall(call, name);
    default: return std::nullopt;
  }
}

MaybeValue Evaluator::withOptions(model::Value fixed, const ast::Expr& options, std::string_view schemaName) {
  MaybeValue given = eval(options);
  if (!given) return std::nullopt;
  if (given->kind != K::Object) {
    out_.push_back(diag::TypeMismatch(options.span, "an object of options", describeValueType(*given)));
    return std::nullopt;
  }
  // The options complete the record the builtin returns; they are checked
  // against its stdlib schema like a block (did-you-mean, types, limits),
  // and may not set what the builtin itself sets.
  const TypePtr schema = types_.schema(schemaName);
  bool ok = true;
  for (auto& [key, value] : given->fields) {
    if (fixed.field(key) != nullptr) {
      out_.push_back(diag::UnknownAttribute(value.keyOrigin.valid() ? value.keyOrigin : value.origin, key, "the options"));
      ok = false;
      continue;
    }
    fixed.fields.emplace_back(key, std::move(value));
  }
  if (!ok) return std::nullopt;
  if (schema && !checker_.check(fixed, *schema, nullptr, "the options", true, options.span)) return std::nullopt;
  return fixed;
}

}  // namespace jaws::sema
