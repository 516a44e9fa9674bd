#pragma once
// `openapi/<api>.openapi.json`: OpenAPI 3.0.3 for documentation and client
// generators. Stage-independent (no servers, no ARNs) and free of AWS
// extensions: no integrations, no CORS preflights, no validators. `ANY`
// becomes every method the path does not declare itself; a greedy `{key+}`
// is the parameter `{key}`.
#include <nlohmann/json.hpp>

#include "model/Model.h"

namespace jaws::emit {

using Json = nlohmann::ordered_json;

// `stack` supplies the types and the project; any stage's stack gives the
// same document.
Json emitOpenApi(const model::Stack& stack, const model::Api& api);

}  // namespace jaws::emit
