#include "sema/SplittingPolicy.h"

namespace jaws::sema {

using K = model::Value::Kind;

namespace {

std::optional<std::int64_t> integerField(const std::optional<model::Value>& object, std::string_view name) {
  if (!object) return std::nullopt;
  const model::Value* v = object->field(name);
  if (v == nullptr || v->kind != K::Int) return std::nullopt;
  return v->integer;
}

std::string stringField(const model::Value& object, std::string_view name) {
  const model::Value* v = object.field(name);
  return v != nullptr && v->kind == K::String ? v->string : "";
}

// The entries of a list of records: the string fields `names`, which must all
// be set (an entry missing one is skipped), then the string field `optional`
// when given (empty when the entry leaves it out).
std::vector<std::vector<std::string>> records(const std::optional<model::Value>& object, std::string_view list,
                                              std::initializer_list<std::string_view> names, std::string_view optional = {}) {
  std::vector<std::vector<std::string>> out;
  const model::Value* items = object ? object->field(list) : nullptr;
  if (items == nullptr || items->kind != K::List) return out;
  for (const auto& item : items->items) {
    if (item.kind != K::Object) continue;
    std::vector<std::string> fields;
    bool complete = true;
    for (auto name : names) {
      fields.push_back(stringField(item, name));
      complete = complete && !fields.back().empty();
    }
    if (!optional.empty()) fields.push_back(stringField(item, optional));
    if (complete) out.push_back(std::move(fields));
  }
  return out;
}

}  // namespace

model::Splitting readSplitting(Evaluator& evaluator, const model::Value& project) {
  model::Splitting out;
  if (const model::Value* mode = project.field("split"); mode && mode->kind == K::String) {
    if (mode->string == "always") out.mode = model::SplitMode::Always;
    if (mode->string == "off") out.mode = model::SplitMode::Off;
  }
  const auto& limits = evaluator.stdlibLet("awsLimits");
  out.limits = {integerField(limits, "templateResources"), integerField(limits, "templateBytes"),
                integerField(limits, "templateParameters"), integerField(limits, "templateOutputs")};
  const auto& policy = evaluator.stdlibLet("stackSplitting");
  out.targets = {integerField(policy, "resources"), integerField(policy, "bytes"), integerField(policy, "parameters"),
                 integerField(policy, "outputs")};
  for (auto& r : records(policy, "affinity", {"type", "property"})) out.affinity.push_back({r[0], r[1]});
  for (auto& r : records(policy, "computed", {"type", "attribute", "value"})) out.computed.push_back({r[0], r[1], r[2]});
  // An upload's `limit` names the entry of awsLimits that bounds the file
  // (stdlib lets cannot refer to one another).
  for (auto& r : records(policy, "uploads", {"type", "property", "location", "suffix"}, "limit")) {
    out.uploads.push_back({r[0], r[1], r[2], r[3], r[4].empty() ? std::nullopt : integerField(limits, r[4])});
  }
  return out;
}

}  // namespace jaws::sema
