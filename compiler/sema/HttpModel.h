#pragma once
// The parts of the model that HTTP endpoints share (issue 11): CORS settings
// (an API's `cors` and a function URL's), a function's `url`, and the JWT
// side of an authorizer. Read from evaluated, schema-checked values.
#include <memory>

#include "model/Model.h"

namespace jaws::sema {

// `cors = true` or `{ origins, headers, credentials, maxAge }`; disabled when
// unset or false.
model::Cors corsOf(const model::Value* value);

// `url = true` or `{ auth, cors, stream }`; none when unset or false.
std::shared_ptr<const model::FunctionUrl> functionUrlOf(const model::Value* value);

// The JWT fields of `jwt({...})` and `cognito(arn, {...})`: issuer, audience, scopes.
void readJwtFields(const model::Value& value, model::Auth& auth);

}  // namespace jaws::sema
