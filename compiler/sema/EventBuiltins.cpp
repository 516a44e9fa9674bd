// The event builtins: `sqs(jobs, { batchSize = 100 })` and the others
// return the record of their stdlib type ({ kind, source | pattern |
// expression, options }), with the options checked against their schema like
// a block and their defaults applied. Which builtins exist, what their first
// argument is and which resource types they accept is stdlib data
// (`eventSources` in stdlib/events.jaws); nothing here names an event kind.
#include "sema/EventBuiltins.h"

#include <algorithm>

#include "diag/Builders.h"
#include "sema/Evaluator.h"

namespace jaws::sema {

using K = model::Value::Kind;

namespace {

const ast::Expr& unparenthesized(const ast::Expr& expr) {
  const ast::Expr* e = &expr;
  while (e->kind == ast::ExprKind::Paren) e = static_cast<const ast::ParenExpr*>(e)->inner.get();
  return *e;
}

std::vector<std::string> strings(const model::Value* list) {
  std::vector<std::string> out;
  if (list == nullptr || list->kind != K::List) return out;
  for (const auto& item : list->items) {
    if (item.kind == K::String) out.push_back(item.string);
  }
  return out;
}

std::string joinedWithOr(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i == 0 ? "" : i + 1 == items.size() ? " or " : ", ") + items[i];
  return out;
}

}  // namespace

std::vector<std::pair<std::string, EventBuiltinInfo>> eventBuiltinsOf(const ast::LetDecl& eventSources) {
  std::vector<std::pair<std::string, EventBuiltinInfo>> out;
  const ast::Expr& value = unparenthesized(*eventSources.value);
  if (value.kind != ast::ExprKind::Object) return out;
  for (const auto& entry : static_cast<const ast::ObjectLiteral&>(value).entries) {
    if (!entry.key.valid()) continue;
    EventBuiltinInfo info;
    if (const ast::Expr& spec = unparenthesized(*entry.value); spec.kind == ast::ExprKind::Object) {
      for (const auto& field : static_cast<const ast::ObjectLiteral&>(spec).entries) {
        if (field.value->kind != ast::ExprKind::String) continue;
        const std::string text = static_cast<const ast::StringLiteral&>(*field.value).plainText();
        if (field.key.text == "argument") info.argument = text;
        if (field.key.text == "signature") info.signature = text;
        if (field.key.text == "record") info.record = text;
        if (field.key.text == "options") info.options = text;
      }
    }
    out.emplace_back(entry.key.text, std::move(info));
  }
  return out;
}

MaybeValue Evaluator::evalEventCall(const ast::CallExpr& call, const std::string& name) {
  const MaybeValue& table = stdlibLet("eventSources");
  const model::Value* entry = table ? table->field(name) : nullptr;
  if (entry == nullptr) return std::nullopt;
  const std::size_t n = call.args.size();
  if (n < 1 || n > 2) {
    out_.push_back(diag::WrongArgumentCount(call.span, name, "one or two arguments", std::to_string(n)));
    return std::nullopt;
  }
  const model::Value* argumentKind = entry->field("argument");
  const std::string argument = argumentKind && argumentKind->kind == K::String ? argumentKind->string : "";
  const ast::Expr& first = *call.args[0];
  MaybeValue value;
  std::string key;
  if (argument == "source" || argument == "bucket") {
    key = "source";
    value = eventSource(first, name, *entry, argument == "bucket");
  } else if (argument == "pattern") {
    key = "pattern";
    value = eval(first);
    if (value && value->kind != K::Object) {
      out_.push_back(diag::TypeMismatch(first.span, "an event pattern object", describeValueType(*value)));
      value.reset();
    }
  } else {
    key = "expression";
    value = compileTimeString(first, "a schedule expression");
  }
  const model::Value* optionsType = entry->field("options");
  MaybeValue options = eventOptions(n == 2 ? call.args[1].get() : nullptr, name,
                                    optionsType && optionsType->kind == K::String ? optionsType->string : "", call.span);
  if (!value || !options) return std::nullopt;
  return model::Value::object(
      {{"kind", model::Value::ofString(name, call.callee->span)}, {key, std::move(*value)}, {"options", std::move(*options)}},
      call.span);
}

// The first argument of sqs/stream/sns/s3: a resource of the project (by
// name, or any of its attributes: `jobs`, `jobs.arn`), checked against the
// types the builtin accepts, or an ARN (a string, maybe deploy-time; its
// shape is the rules' business). A bucket must be a resource.
MaybeValue Evaluator::eventSource(const ast::Expr& expr, const std::string& builtin, const model::Value& entry,
                                  bool bucketOnly) {
  const ast::Expr& e = unparenthesized(expr);
  const std::vector<std::string> types = strings(entry.field("resourceTypes"));
  auto checkResource = [&](const Symbol& symbol, Span at) -> bool {
    const auto& decl = static_cast<const ast::ResourceDecl&>(*symbol.decl);
    if (std::find(types.begin(), types.end(), decl.resourceType) != types.end()) return true;
    out_.push_back(diag::EventSourceWrongType(at, builtin, joinedWithOr(types), symbol.name)
                       .note(decl.name.span, note::ResourceDeclaredAs(symbol.name, decl.resourceType)));
    return false;
  };
  MaybeValue v;
  if (e.kind == ast::ExprKind::Name) {
    const Symbol* symbol = program_.binding(&e);
    if (symbol == nullptr) return std::nullopt;  // reported by the binder
    if (symbol->kind == SymbolKind::Resource) {
      if (!checkResource(*symbol, e.span) || !present(*symbol, e.span)) return std::nullopt;
      return model::Value::deploy(model::DeployRef{model::DeployRef::Kind::ResourceRef, symbol->name, "", "", "", false}, e.span);
    }
    if (symbol->kind != SymbolKind::Param && symbol->kind != SymbolKind::Let && symbol->kind != SymbolKind::Builtin) {
      Diagnostic d = diag::EventSourceNotResource(e.span, symbol->name, symbolKindName(symbol->kind));
      if (symbol->decl != nullptr) d.note(symbol->decl->name.span, note::DeclaredHere());
      out_.push_back(std::move(d));
      return std::nullopt;
    }
  }
  v = eval(e);
  if (!v) return std::nullopt;
  const bool resourceRef = v->kind == K::Deploy && (v->ref.kind == model::DeployRef::Kind::ResourceRef ||
                                                    v->ref.kind == model::DeployRef::Kind::ResourceAttr);
  if (resourceRef) {
    const Symbol* symbol = program_.lookup(v->ref.target);
    if (symbol != nullptr && symbol->kind == SymbolKind::Resource) {
      if (!checkResource(*symbol, e.span)) return std::nullopt;
      return v;
    }
  }
  if (bucketOnly) {
    out_.push_back(diag::S3EventNeedsBucket(e.span, model::describe(*v)));
    return std::nullopt;
  }
  if (v->kind == K::String || v->kind == K::Deploy || v->kind == K::Concat) return v;
  out_.push_back(diag::TypeMismatch(e.span, "a resource or an ARN", describeValueType(*v)));
  return std::nullopt;
}

// A value inside an options object: a bare resource name stands for the
// resource (`onFailure = jobs`, `bus = orders`), as in a builtin's first
// argument; anything else is an ordinary expression.
MaybeValue Evaluator::eventOptionValue(const ast::Expr& expr) {
  const ast::Expr& e = unparenthesized(expr);
  if (e.kind == ast::ExprKind::Name) {
    const Symbol* symbol = program_.binding(&e);
    if (symbol != nullptr && symbol->kind == SymbolKind::Resource) {
      return model::Value::deploy(model::DeployRef{model::DeployRef::Kind::ResourceRef, symbol->name, "", "", "", false}, e.span);
    }
  }
  return eval(expr);
}

MaybeValue Evaluator::eventOptions(const ast::Expr* expr, const std::string& builtin, const std::string& typeName,
                                   Span callSpan) {
  TypePtr type = types_.named(typeName, true);
  if (!type || type->kind != Type::Kind::Record) return std::nullopt;  // a broken stdlib
  model::Value options = model::Value::object({}, callSpan);
  if (expr != nullptr) {
    const ast::Expr& e = unparenthesized(*expr);
    if (e.kind == ast::ExprKind::Object) {
      std::vector<std::pair<std::string, model::Value>> fields;
      std::map<std::string, Span> seen;
      bool ok = true;
      for (const auto& entry : static_cast<const ast::ObjectLiteral&>(e).entries) {
        if (!entry.key.valid() && !entry.quotedKey) continue;
        if (auto [it, inserted] = seen.emplace(entry.key.text, entry.key.span); !inserted) {
          out_.push_back(diag::DuplicateAttribute(entry.key.span, entry.key.text).note(it->second, note::FirstDeclaredHere()));
          continue;
        }
        MaybeValue v = eventOptionValue(*entry.value);
        if (!v) {
          ok = false;
          continue;
        }
        v->keyOrigin = entry.key.span;
        fields.emplace_back(entry.key.text, std::move(*v));
      }
      if (!ok) return std::nullopt;
      options = model::Value::object(std::move(fields), e.span);
    } else {
      MaybeValue v = eval(e);
      if (!v) return std::nullopt;
      if (v->kind != K::Object) {
        out_.push_back(diag::TypeMismatch(e.span, "an options object `{ ... }`", describeValueType(*v)));
        return std::nullopt;
      }
      options = std::move(*v);
    }
  }
  if (!checker_.check(options, *type, nullptr, "the options of `" + builtin + "`", true, options.origin)) return std::nullopt;
  // `x = null` leaves an option unset, as in a block; then the defaults.
  std::erase_if(options.fields, [](const auto& field) { return field.second.kind == K::Null; });
  for (const auto& field : type->fields) {
    if (options.field(field.name) != nullptr) continue;
    MaybeValue v = fieldDefault(field);
    if (v && v->kind != K::Null) {
      v->origin = Span{};
      options.fields.emplace_back(field.name, std::move(*v));
    }
  }
  return options;
}

}  // namespace jaws::sema
