#include "sema/Evaluator.h"

#include <fmt/format.h>

#include <algorithm>

#include "diag/Builders.h"
#include "sema/ResourceMembers.h"
#include "sema/Suggest.h"

namespace jaws::sema {

using K = model::Value::Kind;

Evaluator::Evaluator(const Program& program, TypeResolver& types, Target target, Diagnostics& out)
    : program_(program), types_(types), target_(std::move(target)), out_(out), checker_(out) {
  for (const auto* stage : program_.stages) {
    if (stage->name.text == target_.stage) stageDecl_ = stage;
  }
}

MaybeValue Evaluator::eval(const ast::Expr& expr) {
  const Span at = expr.span;
  switch (expr.kind) {
    case ast::ExprKind::Error: return std::nullopt;
    case ast::ExprKind::Int: return model::Value::ofInt(static_cast<const ast::IntLiteral&>(expr).value, at);
    case ast::ExprKind::Decimal: return model::Value::ofNumber(static_cast<const ast::DecimalLiteral&>(expr).value, at);
    case ast::ExprKind::Size: return model::Value::ofSize(static_cast<const ast::SizeLiteral&>(expr).bytes, at);
    case ast::ExprKind::Duration:
      return model::Value::ofDuration(static_cast<const ast::DurationLiteral&>(expr).milliseconds, at);
    case ast::ExprKind::Bool: return model::Value::ofBool(static_cast<const ast::BoolLiteral&>(expr).value, at);
    case ast::ExprKind::Null: return model::Value::null(at);
    case ast::ExprKind::String: return evalString(static_cast<const ast::StringLiteral&>(expr));
    case ast::ExprKind::List: {
      std::vector<model::Value> items;
      bool ok = true;
      for (const auto& item : static_cast<const ast::ListLiteral&>(expr).items) {
        MaybeValue v = eval(*item);
        if (v) items.push_back(std::move(*v));
        ok = ok && v.has_value();
      }
      if (!ok) return std::nullopt;
      return model::Value::list(std::move(items), at);
    }
    case ast::ExprKind::Object: {
      std::vector<std::pair<std::string, model::Value>> fields;
      std::map<std::string, Span> seen;
      bool ok = true;
      for (const auto& entry : static_cast<const ast::ObjectLiteral&>(expr).entries) {
        if (!entry.key.valid() && !entry.quotedKey) continue;
        if (auto [it, inserted] = seen.emplace(entry.key.text, entry.key.span); !inserted) {
          out_.push_back(diag::DuplicateAttribute(entry.key.span, entry.key.text).note(it->second, note::FirstDeclaredHere()));
          continue;
        }
        MaybeValue v = eval(*entry.value);
        if (v) {
          v->keyOrigin = entry.key.span;
          fields.emplace_back(entry.key.text, std::move(*v));
        }
        ok = ok && v.has_value();
      }
      if (!ok) return std::nullopt;
      return model::Value::object(std::move(fields), at);
    }
    case ast::ExprKind::Name: return evalName(static_cast<const ast::NameExpr&>(expr));
    case ast::ExprKind::Member: return evalMember(static_cast<const ast::MemberExpr&>(expr));
    case ast::ExprKind::Call: return evalCall(static_cast<const ast::CallExpr&>(expr));
    case ast::ExprKind::Not: {
      MaybeValue v = compileTimeBool(*static_cast<const ast::NotExpr&>(expr).operand, "`!`");
      if (!v) return std::nullopt;
      return model::Value::ofBool(!v->boolean, at);
    }
    case ast::ExprKind::Binary: return evalBinary(static_cast<const ast::BinaryExpr&>(expr));
    case ast::ExprKind::Conditional: {
      const auto& c = static_cast<const ast::ConditionalExpr&>(expr);
      MaybeValue condition = compileTimeBool(*c.condition, "a condition");
      if (!condition) return std::nullopt;
      MaybeValue chosen = eval(condition->boolean ? *c.whenTrue : *c.whenFalse);
      return chosen;
    }
    case ast::ExprKind::Paren: return eval(*static_cast<const ast::ParenExpr&>(expr).inner);
  }
  return std::nullopt;
}

MaybeValue Evaluator::compileTimeBool(const ast::Expr& expr, std::string_view what) {
  MaybeValue v = eval(expr);
  if (!v) return std::nullopt;
  if (v->isDeployTime()) {
    out_.push_back(diag::ConditionNotCompileTime(expr.span, std::string(what)));
    return std::nullopt;
  }
  if (v->kind != K::Bool) {
    out_.push_back(diag::TypeMismatch(expr.span, "bool", describeValueType(*v)));
    return std::nullopt;
  }
  return v;
}

MaybeValue Evaluator::compileTimeString(const ast::Expr& expr, std::string_view what) {
  MaybeValue v = eval(expr);
  if (!v) return std::nullopt;
  if (v->isDeployTime()) {
    out_.push_back(diag::DeployTimeValueNotAllowed(expr.span, model::describe(*v), std::string(what)));
    return std::nullopt;
  }
  if (v->kind != K::String) {
    out_.push_back(diag::TypeMismatch(expr.span, "string", describeValueType(*v)));
    return std::nullopt;
  }
  return v;
}

MaybeValue Evaluator::evalString(const ast::StringLiteral& string) {
  std::vector<model::Value> parts;
  std::string text;
  // An unterminated string (JW1001) ran to the end of its line: what it was
  // meant to hold is unknown, and checking it would only repeat that error.
  bool deploy = false, ok = string.terminated;
  for (const auto& part : string.parts) {
    if (!part.isInterpolation()) {
      text += part.text;
      continue;
    }
    MaybeValue v = eval(*part.expr);
    if (!v) {
      ok = false;
      continue;
    }
    switch (v->kind) {
      case K::String: text += v->string; break;
      case K::Int:
      case K::Number:
      case K::Bool:
      case K::Size:
      case K::Duration: text += model::describe(*v); break;
      case K::Deploy:
        deploy = true;
        if (!text.empty()) parts.push_back(model::Value::ofString(std::move(text)));
        text.clear();
        parts.push_back(*v);
        break;
      case K::Concat:
        deploy = true;
        if (!text.empty()) parts.push_back(model::Value::ofString(std::move(text)));
        text.clear();
        for (const auto& p : v->items) parts.push_back(p);
        break;
      default:
        out_.push_back(diag::CannotInterpolate(part.expr->span, describeValueType(*v)));
        ok = false;
    }
  }
  if (!ok) return std::nullopt;
  if (!deploy) return model::Value::ofString(std::move(text), string.span);
  if (!text.empty()) parts.push_back(model::Value::ofString(std::move(text)));
  return model::Value::concat(std::move(parts), string.span);
}

MaybeValue Evaluator::evalName(const ast::NameExpr& name) {
  const Symbol* symbol = program_.binding(&name);
  if (symbol == nullptr) return std::nullopt;  // reported by the binder
  if (auto builtin = program_.builtin(symbol)) {
    switch (*builtin) {
      case Builtin::Stage: return model::Value::ofString(target_.stage, name.span);
      case Builtin::Region: return model::Value::ofString(target_.region, name.span);
      case Builtin::Project: {
        model::Value v = projectValue();
        v.origin = name.span;
        return v;
      }
      case Builtin::Account: return model::Value::deploy(model::DeployRef{model::DeployRef::Kind::AccountId, "", "", "", "", false}, name.span);
      default:
        out_.push_back(diag::NotAValue(name.span, symbol->name, "builtin function"));
        return std::nullopt;
    }
  }
  switch (symbol->kind) {
    case SymbolKind::Param: {
      MaybeValue v = paramValue(static_cast<const ast::ParamDecl&>(*symbol->decl));
      if (v) v->origin = name.span;
      return v;
    }
    case SymbolKind::Let: {
      MaybeValue v = letValue(static_cast<const ast::LetDecl&>(*symbol->decl));
      if (v) v->origin = name.span;
      return v;
    }
    case SymbolKind::Stage: return model::Value::ofString(symbol->name, name.span);
    case SymbolKind::Project: {
      model::Value v = projectValue();
      v.origin = name.span;
      return v;
    }
    default:
      out_.push_back(diag::NotAValue(name.span, symbol->name, symbolKindName(symbol->kind)));
      return std::nullopt;
  }
}

// `res.Endpoint.Address`: a member chain that starts at a resource names one
// dotted Fn::GetAtt attribute. Returns the resource and the dotted path.
std::optional<std::pair<const ast::ResourceDecl*, std::string>> Evaluator::resourceChain(const ast::MemberExpr& member) const {
  std::string path = member.member.text;
  const ast::Expr* object = member.object.get();
  while (object->kind == ast::ExprKind::Member) {
    const auto& inner = static_cast<const ast::MemberExpr&>(*object);
    if (!inner.member.valid()) return std::nullopt;
    path = inner.member.text + "." + path;
    object = inner.object.get();
  }
  if (object->kind != ast::ExprKind::Name || path.find('.') == std::string::npos) return std::nullopt;
  const Symbol* symbol = program_.binding(object);
  if (symbol == nullptr || symbol->stdlib || symbol->kind != SymbolKind::Resource) return std::nullopt;
  return std::make_pair(static_cast<const ast::ResourceDecl*>(symbol->decl), std::move(path));
}

MaybeValue Evaluator::evalMember(const ast::MemberExpr& member) {
  const std::string& m = member.member.text;
  if (!member.member.valid()) return std::nullopt;
  if (auto chain = resourceChain(member)) {
    logUnrepeatable();  // a resource's attributes and type
    Span at = member.span;
    // The path starts after the resource's name and its dot.
    const ast::Expr* root = member.object.get();
    while (root->kind == ast::ExprKind::Member) root = static_cast<const ast::MemberExpr&>(*root).object.get();
    at.begin = root->span.end + 1;
    return resourceMember(*this, *chain->first, chain->second, at, member.span);
  }
  if (member.object->kind == ast::ExprKind::Name) {
    const Symbol* symbol = program_.binding(member.object.get());
    if (symbol != nullptr && !symbol->stdlib) {
      using RK = model::DeployRef::Kind;
      auto ref = [&](RK kind, std::string attribute = "") {
        return model::Value::deploy(model::DeployRef{kind, symbol->name, std::move(attribute), "", "", false}, member.span);
      };
      const bool deployed = symbol->kind == SymbolKind::Function || symbol->kind == SymbolKind::Api ||
                            symbol->kind == SymbolKind::Resource;
      if (deployed && !present(*symbol, member.object->span)) return std::nullopt;
      switch (symbol->kind) {
        case SymbolKind::Function:
          if (m == "arn") return ref(RK::FunctionArn);
          if (m == "name") return ref(RK::FunctionName);
          if (m == "role" || m == "url") logUnrepeatable();  // the other function's block
          if (m == "role") return functionRole(*symbol, member.span);
          if (m == "url") {
            // Whether the function has a `url` in this target is known once
            // its block is evaluated: the rules check every read (JW3038).
            functionUrlReads_.push_back({symbol->name, member.span});
            return ref(RK::FunctionUrl);
          }
          out_.push_back(diag::NoSuchMember(member.member.span, m, "a function").withHelp(note::OneOf("`arn`, `name`, `url`, `role`")));
          return std::nullopt;
        case SymbolKind::Api:
          if (m == "url") return ref(RK::ApiUrl);
          if (m == "id") return ref(RK::ApiId);
          out_.push_back(diag::NoSuchMember(member.member.span, m, "an API").withHelp(note::OneOf("`url`, `id`")));
          return std::nullopt;
        case SymbolKind::Resource:
          logUnrepeatable();
          return resourceMember(*this, static_cast<const ast::ResourceDecl&>(*symbol->decl), m, member.member.span,
                                member.span);
        default: break;
      }
    }
  }
  if (isProject(*member.object) && projectInProgress_) {
    // `project.x` read while the project block is being evaluated: the block
    // depends on itself (`memory = big` with `let big = project.memory`).
    // Without this, the read would see an unset attribute (null) and report a
    // wrong type instead of the cycle.
    out_.push_back(diag::CyclicDefinition(member.span, "project." + m));
    return std::nullopt;
  }
  if (isProject(*member.object)) projectValue();
  if (isProject(*member.object) && projectFailed_.count(m)) return std::nullopt;
  // A let, param or the project is read in place, not copied whole for one field.
  MaybeValue computed;
  const Cached cached = cachedValue(*member.object);
  if (cached.found && cached.value == nullptr) return std::nullopt;
  const model::Value* object = cached.value;
  // eval() gives a name's value the name's span as its origin.
  bool hasOrigin = member.object->span.valid();
  if (object == nullptr) {
    computed = eval(*member.object);
    if (!computed) return std::nullopt;
    object = &*computed;
    hasOrigin = object->origin.valid();
  }
  if (object->kind == K::Object) {
    if (const model::Value* field = object->field(m)) {
      model::Value v = *field;
      v.origin = member.span;
      return v;
    }
    // An optional attribute of the project that is not set reads as null.
    if (TypePtr project = types_.schema("Project"); project && hasOrigin &&
                                                    member.object->kind == ast::ExprKind::Name && project->field(m)) {
      return model::Value::null(member.span);
    }
  }
  out_.push_back(diag::NoSuchMember(member.member.span, m, describeValueType(*object)));
  return std::nullopt;
}

bool Evaluator::isProject(const ast::Expr& expr) const {
  const Symbol* s = expr.kind == ast::ExprKind::Name ? program_.binding(&expr) : nullptr;
  return s != nullptr && (s->kind == SymbolKind::Project || program_.builtin(s) == Builtin::Project);
}

void Evaluator::checkStageComparison(const ast::BinaryExpr& binary, const model::Value& lhs, const model::Value& rhs) {
  auto isStage = [&](const ast::Expr& e) {
    const Symbol* s = e.kind == ast::ExprKind::Name ? program_.binding(&e) : nullptr;
    return s != nullptr && program_.builtin(s) == Builtin::Stage;
  };
  const model::Value* other = isStage(*binary.lhs) ? &rhs : isStage(*binary.rhs) ? &lhs : nullptr;
  if (other == nullptr || other->kind != K::String) return;
  // The common case, a stage that exists, builds no list of names.
  if (program_.hasStage(other->string)) return;
  const auto stages = program_.stageNames();
  std::string list;
  for (std::size_t i = 0; i < stages.size(); ++i) list += (i ? ", \"" : "\"") + stages[i] + "\"";
  Diagnostic d = diag::NotAStage(other->origin, model::describe(*other), list);
  if (auto best = closestMatch(other->string, stages)) {
    const std::string quoted = "\"" + *best + "\"";
    d.withHelp(note::DidYouMean(quoted)).withFix(note::ReplaceWith(quoted), other->origin, quoted);
  }
  out_.push_back(std::move(d));
}

MaybeValue Evaluator::evalBinary(const ast::BinaryExpr& binary) {
  if (binary.op == ast::BinaryOp::And || binary.op == ast::BinaryOp::Or) {
    MaybeValue lhs = compileTimeBool(*binary.lhs, fmt::format("`{}`", ast::binaryOpText(binary.op)));
    MaybeValue rhs = compileTimeBool(*binary.rhs, fmt::format("`{}`", ast::binaryOpText(binary.op)));
    if (!lhs || !rhs) return std::nullopt;
    const bool result = binary.op == ast::BinaryOp::And ? (lhs->boolean && rhs->boolean) : (lhs->boolean || rhs->boolean);
    return model::Value::ofBool(result, binary.span);
  }
  MaybeValue lhs = eval(*binary.lhs);
  MaybeValue rhs = eval(*binary.rhs);
  if (!lhs || !rhs) return std::nullopt;
  for (const auto* side : {&*lhs, &*rhs}) {
    if (side->isDeployTime()) {
      out_.push_back(diag::ConditionNotCompileTime(side->origin.valid() ? side->origin : binary.span, "a comparison"));
      return std::nullopt;
    }
  }
  checkStageComparison(binary, *lhs, *rhs);
  // Values are equal when they render the same; two strings (`stage == "prod"`)
  // are compared as they are, without rendering them.
  const bool equal = lhs->kind == rhs->kind && (lhs->kind == K::String ? lhs->string == rhs->string
                                                                        : model::describe(*lhs) == model::describe(*rhs));
  return model::Value::ofBool(binary.op == ast::BinaryOp::Equal ? equal : !equal, binary.span);
}

}  // namespace jaws::sema
