// The declarations an expression reads, each evaluated once per target and
// cached: lets, params (the stage's value, else the default), stdlib lets,
// the project block, and blocks checked against their schema with defaults.
#include "sema/Evaluator.h"

#include "diag/Builders.h"
#include "sema/Suggest.h"

namespace jaws::sema {

using K = model::Value::Kind;

namespace {
const MaybeValue kNoValue;  // immutable: shared by every evaluator and thread
}  // namespace

// The cache is an unordered_map: its elements stay where they are while
// others are added, so the references handed out stay valid.
template <typename Compute>
const MaybeValue& Evaluator::evaluateOnce(const ast::Decl& decl, Compute compute) {
  if (auto it = values_.find(&decl); it != values_.end()) return it->second;
  if (!inProgress_.insert(&decl).second) {
    out_.push_back(diag::CyclicDefinition(decl.name.span, decl.name.text));
    return kNoValue;
  }
  MaybeValue v = compute();
  inProgress_.erase(&decl);
  MaybeValue& slot = values_[&decl];
  slot = std::move(v);
  return slot;
}

const MaybeValue& Evaluator::letValue(const ast::LetDecl& let) {
  if (log_ != nullptr) {
    // Replayed by name: only a let its name finds again (not a duplicate).
    const Symbol* symbol = program_.symbolOf(&let);
    const auto stdlib = program_.stdlibLets.find(let.name.text);
    if (symbol != nullptr && !symbol->stdlib && symbol->decl == &let) {
      logRead(Read::Kind::Let, let.name.text);
    } else if (stdlib != program_.stdlibLets.end() && stdlib->second == &let) {
      logRead(Read::Kind::StdlibLet, let.name.text);
    } else {
      logUnrepeatable();
    }
  }
  return evaluateOnce(let, [&] { return eval(*let.value); });
}

const MaybeValue& Evaluator::paramValue(const ast::ParamDecl& param) {
  if (log_ != nullptr) {
    const Symbol* symbol = program_.symbolOf(&param);
    if (symbol != nullptr && symbol->decl == &param) {
      logRead(Read::Kind::Param, param.name.text);
    } else {
      logUnrepeatable();
    }
  }
  return evaluateOnce(param, [&] { return computeParam(param); });
}

MaybeValue Evaluator::computeParam(const ast::ParamDecl& param) {
  const ast::Expr* source = param.defaultValue.get();
  if (stageDecl_ != nullptr) {
    for (const auto& a : stageDecl_->attributes) {
      if (!a.quotedKey && a.key.text == param.name.text) source = a.value.get();
    }
  }
  MaybeValue v;
  if (source == nullptr) {
    const Span at = stageDecl_ ? stageDecl_->name.span : param.name.span;
    out_.push_back(diag::ParamNotSet(at, param.name.text, target_.stage).note(param.name.span, note::DeclaredHere()));
  } else {
    v = eval(*source);
    const bool secure = findDecorator(param.decorators, "secure") != nullptr;
    if (v && secure) {
      if (v->kind == K::Deploy &&
          (v->ref.kind == model::DeployRef::Kind::SsmParameter || v->ref.kind == model::DeployRef::Kind::Secret)) {
        v->ref.secure = true;
      } else {
        out_.push_back(diag::SecureParamFromLiteral(source->span, param.name.text).withHelp(note::SetFromSsm()));
        v.reset();
      }
    }
    if (v) {
      TypePtr type = types_.resolve(*param.type);
      if (!checker_.check(*v, *type, &param.decorators, "param `" + param.name.text + "`", true, source->span)) v.reset();
    }
  }
  return v;
}

const MaybeValue& Evaluator::stdlibLet(std::string_view name) {
  auto it = program_.stdlibLets.find(name);
  if (it == program_.stdlibLets.end()) return kNoValue;
  return letValue(*it->second);
}

Evaluator::Cached Evaluator::cachedValue(const ast::Expr& expr) {
  if (expr.kind != ast::ExprKind::Name) return {};
  const Symbol* symbol = program_.binding(&expr);
  if (symbol == nullptr) return {};
  // As evalName() reads a name.
  if (auto builtin = program_.builtin(symbol)) return *builtin == Builtin::Project ? Cached{true, &projectValue()} : Cached{};
  if (symbol->kind == SymbolKind::Project) return {true, &projectValue()};
  const MaybeValue* v = nullptr;
  if (symbol->kind == SymbolKind::Let) v = &letValue(static_cast<const ast::LetDecl&>(*symbol->decl));
  if (symbol->kind == SymbolKind::Param) v = &paramValue(static_cast<const ast::ParamDecl&>(*symbol->decl));
  if (v == nullptr) return {};
  return {true, v->has_value() ? &**v : nullptr};
}

const model::Value& Evaluator::projectValue() {
  if (project_) return *project_;
  if (projectInProgress_ || program_.project == nullptr) {
    static const model::Value kEmpty = model::Value::object({});
    return kEmpty;
  }
  projectInProgress_ = true;
  TypePtr schema = types_.schema("Project");
  MaybeValue v;
  if (schema) {
    v = evaluateBlock(program_.project->attributes, *schema, "the project block", program_.project->name.span, {},
                      &projectFailed_);
  }
  project_ = v ? *v : model::Value::object({});
  projectInProgress_ = false;
  return *project_;
}

const MaybeValue& Evaluator::fieldDefault(const FieldType& field) {
  static const MaybeValue kNull = model::Value::null();  // immutable: shared by every evaluator and thread
  if (field.field == nullptr || !field.field->defaultValue) return kNull;
  const ast::Expr* expr = field.field->defaultValue.get();
  // A default reads only what is the same for the whole target (`project.memory`),
  // so it is evaluated once per target, not once per block. Not while a
  // declaration is being evaluated: there it may meet a cycle, and that
  // nullopt must not stand for the other blocks.
  const bool cacheable = inProgress_.empty() && !projectInProgress_ && rolesInProgress_.empty();
  if (cacheable) {
    if (auto it = defaults_.find(expr); it != defaults_.end()) return it->second;
  }
  // Defaults are stdlib expressions; errors in them are the stdlib's, not the
  // user's, and the stdlib tests keep them clean.
  const std::size_t before = out_.size();
  MaybeValue v = eval(*expr);
  out_.resize(before);
  if (cacheable) return defaults_[expr] = std::move(v);
  uncachedDefault_ = std::move(v);
  return uncachedDefault_;
}

MaybeValue Evaluator::evaluateBlock(const std::vector<ast::Attribute>& attributes, const Type& schema,
                                    std::string_view blockName, Span blockSpan, const std::set<std::string>& extraKeys,
                                    std::set<std::string>* failed) {
  std::vector<std::pair<std::string, model::Value>> fields;
  fields.reserve(attributes.size() + schema.fields.size());
  // Keys point into the syntax tree, which outlives the block.
  std::map<std::string_view, Span> seen;
  bool ok = true;
  for (const auto& a : attributes) {
    if (!a.key.valid()) continue;
    if (auto [it, inserted] = seen.emplace(a.key.text, a.key.span); !inserted) {
      out_.push_back(diag::DuplicateAttribute(a.key.span, a.key.text).note(it->second, note::FirstDeclaredHere()));
      continue;
    }
    if (extraKeys.count(a.key.text)) continue;
    const FieldType* field = schema.field(a.key.text);
    if (field == nullptr) {
      std::vector<std::string> names;
      for (const auto& f : schema.fields) names.push_back(f.name);
      for (const auto& k : extraKeys) names.push_back(k);
      Diagnostic d = diag::UnknownAttribute(a.key.span, a.key.text, std::string(blockName));
      if (auto best = closestMatch(a.key.text, names)) {
        d.withHelp(note::DidYouMean(*best)).withFix(note::ReplaceWith(*best), a.key.span, *best);
      }
      out_.push_back(std::move(d));
      ok = false;
      continue;
    }
    MaybeValue v = eval(*a.value);
    if (!v || !checker_.check(*v, *field->type, &field->field->decorators, "`" + a.key.text + "`", field->deployTime,
                              a.value->span)) {
      ok = false;
      if (failed) failed->insert(a.key.text);
      continue;
    }
    if (v->kind == K::Null) continue;  // `x = null` leaves an optional attribute unset
    fields.emplace_back(a.key.text, std::move(*v));
  }
  for (const auto& f : schema.fields) {
    if (seen.count(f.name)) continue;
    const MaybeValue& v = fieldDefault(f);
    if (!v) {
      ok = false;  // the default depends on an attribute with an error, reported there
    } else if (v->kind != K::Null) {
      auto& [name, value] = fields.emplace_back(f.name, *v);
      value.origin = Span{};
    } else if (!f.optional) {
      out_.push_back(diag::MissingAttribute(blockSpan, f.name, std::string(blockName)));
      ok = false;
    }
  }
  if (!ok && failed == nullptr) return std::nullopt;
  return model::Value::object(std::move(fields));
}

}  // namespace jaws::sema
