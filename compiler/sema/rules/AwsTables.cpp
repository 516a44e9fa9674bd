#include "sema/rules/AwsTables.h"

namespace jaws::sema {

using K = model::Value::Kind;

std::vector<std::string> stringList(const model::Value& value) {
  std::vector<std::string> out;
  if (value.kind != K::List) return out;
  for (const auto& item : value.items) {
    if (item.kind == K::String) out.push_back(item.string);
  }
  return out;
}

AwsTables::AwsTables(Evaluator& evaluator)
    : limits_(evaluator.stdlibLet("awsLimits")),
      lifecycle_(evaluator.stdlibLet("runtimeLifecycle")),
      ssmSecure_(evaluator.stdlibLet("ssmSecureProperties")),
      reservedEnvironment_(stringList(evaluator.stdlibLet("lambdaReservedEnvironment").value_or(model::Value{}))),
      secretMarkers_(stringList(evaluator.stdlibLet("secretEnvironmentMarkers").value_or(model::Value{}))),
      secretReferenceSuffixes_(stringList(evaluator.stdlibLet("secretEnvironmentReferenceSuffixes").value_or(model::Value{}))) {}

std::optional<std::int64_t> AwsTables::limit(std::string_view name) const {
  if (!limits_) return std::nullopt;
  const model::Value* v = limits_->field(name);
  if (v == nullptr) return std::nullopt;
  switch (v->kind) {
    case K::Int:
    case K::Size:
    case K::Duration: return v->integer;
    default: return std::nullopt;
  }
}

std::optional<RuntimeStatus> AwsTables::runtime(std::string_view runtime) const {
  if (!lifecycle_) return std::nullopt;
  const model::Value* entry = lifecycle_->field(runtime);
  if (entry == nullptr) return std::nullopt;
  RuntimeStatus out;
  if (const auto* s = entry->field("status"); s && s->kind == K::String) out.status = s->string;
  if (const auto* s = entry->field("successor"); s && s->kind == K::String) out.successor = s->string;
  return out;
}

std::optional<std::vector<std::string>> AwsTables::ssmSecureProperties(std::string_view resourceType) const {
  if (!ssmSecure_) return std::nullopt;
  const model::Value* paths = ssmSecure_->field(resourceType);
  return paths ? stringList(*paths) : std::vector<std::string>{};
}

}  // namespace jaws::sema
