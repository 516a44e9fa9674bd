#include "sema/HttpModel.h"

namespace jaws::sema {

using K = model::Value::Kind;

model::Cors corsOf(const model::Value* cors) {
  model::Cors out;
  if (cors == nullptr) return out;
  if (cors->kind == K::Bool && cors->boolean) {
    out.enabled = true;
    out.origins = {"*"};
  } else if (cors->kind == K::Object) {
    out.enabled = true;
    out.origins = {"*"};
    if (const auto* o = cors->field("origins"); o && o->kind == K::List) {
      out.origins.clear();
      for (const auto& item : o->items) out.origins.push_back(item.string);
    }
    if (const auto* h = cors->field("headers"); h && h->kind == K::List) {
      for (const auto& item : h->items) out.headers.push_back(item.string);
    }
    if (const auto* c = cors->field("credentials"); c && c->kind == K::Bool) out.credentials = c->boolean;
    if (const auto* m = cors->field("maxAge"); m && m->kind == K::Duration) out.maxAgeSeconds = m->integer / 1000;
  }
  return out;
}

std::shared_ptr<const model::FunctionUrl> functionUrlOf(const model::Value* value) {
  if (value == nullptr) return nullptr;
  auto url = std::make_shared<model::FunctionUrl>();
  url->span = value->origin;
  if (value->kind == K::Bool) return value->boolean ? url : nullptr;
  if (value->kind != K::Object) return nullptr;
  if (const auto* auth = value->field("auth"); auth && auth->kind == K::String) url->iam = auth->string == "iam";
  url->cors = corsOf(value->field("cors"));
  if (const auto* stream = value->field("stream"); stream && stream->kind == K::Bool) url->stream = stream->boolean;
  return url;
}

void readJwtFields(const model::Value& value, model::Auth& auth) {
  auto jwt = std::make_shared<model::JwtSettings>();
  if (const auto* issuer = value.field("issuer")) jwt->issuer = *issuer;
  if (const auto* audience = value.field("audience"); audience && audience->kind == K::List) jwt->audience = audience->items;
  if (const auto* scopes = value.field("scopes"); scopes && scopes->kind == K::List) {
    for (const auto& scope : scopes->items) jwt->scopes.push_back(scope.string);
  }
  auth.jwtSettings = std::move(jwt);
}

}  // namespace jaws::sema
