// Reads the options of design §14 from a function's evaluated block into the
// model: name, tracing, vpc, storage, deadLetter, async and role. The values
// are already checked against the stdlib schema (types, ranges, patterns);
// FunctionOptionRules checks what the schema cannot (the kind of a
// destination, whole units, `permissions` beside `role`, shared names).
#include "sema/ModelBuilder.h"

namespace jaws::sema {

namespace {

using K = model::Value::Kind;

// A destination written as `q.arn`, `q.ref` or `topic.ref` names the resource
// (its ARN is emitted by its type); anything else is an ARN as written.
model::EventTarget targetOf(const model::Value& value) {
  model::EventTarget target;
  target.span = value.origin;
  const bool resource = value.kind == K::Deploy && (value.ref.kind == model::DeployRef::Kind::ResourceRef ||
                                                    (value.ref.kind == model::DeployRef::Kind::ResourceAttr &&
                                                     value.ref.attribute == "Arn"));
  if (resource) {
    target.resource = value.ref.target;
  } else {
    target.arn = value;
  }
  return target;
}

std::vector<model::Value> valueItems(const model::Value* list) {
  return list != nullptr && list->kind == K::List ? list->items : std::vector<model::Value>{};
}

}  // namespace

void readFunctionOptions(const model::Value& block, model::Function& f) {
  model::FunctionOptions& o = f.options;
  if (const auto* name = block.field("name"); name && name->kind == K::String) {
    f.functionName = name->string;
    o.nameSpan = name->origin;
  }
  if (const auto* tracing = block.field("tracing"); tracing && tracing->kind == K::String) o.tracing = tracing->string;
  if (const auto* vpc = block.field("vpc"); vpc && vpc->kind == K::Object) {
    o.subnets = valueItems(vpc->field("subnets"));
    o.securityGroups = valueItems(vpc->field("securityGroups"));
  }
  if (const auto* storage = block.field("storage"); storage && storage->kind == K::Size) {
    o.storageBytes = storage->integer;
    o.storageSpan = storage->origin;
  }
  if (const auto* dead = block.field("deadLetter"); dead && dead->kind != K::Null) o.deadLetter = targetOf(*dead);
  if (const auto* async = block.field("async"); async && async->kind == K::Object) {
    model::AsyncInvoke a;
    a.span = async->origin;
    if (const auto* r = async->field("retries"); r && r->kind == K::Int) a.retries = r->integer;
    if (const auto* age = async->field("maxAge"); age && age->kind == K::Duration) {
      a.maxAgeMs = age->integer;
      a.maxAgeSpan = age->origin;
    }
    if (const auto* s = async->field("onSuccess"); s && s->kind != K::Null) a.onSuccess = targetOf(*s);
    if (const auto* s = async->field("onFailure"); s && s->kind != K::Null) a.onFailure = targetOf(*s);
    o.async = std::move(a);
  }
  if (const auto* role = block.field("role"); role && role->kind != K::Null) {
    o.role = *role;
    o.roleSpan = role->origin;
  }
}

}  // namespace jaws::sema
