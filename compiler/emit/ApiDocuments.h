#pragma once
// Which API documents `jaws build` writes, and under which names: per stack,
// the exact body of each API (`<api>.swagger.json`, Swagger 2.0, for a REST
// API; `<api>.openapi.json`, OpenAPI 3 with API Gateway's extensions, for an
// HTTP API) and, when the stage sets `account`, its import variant with
// literal ARNs; once per build, the stage-independent OpenAPI document of
// each API (`openapi/<api>.openapi.json`). One place, so that the build, the
// manifest and the golden tests agree.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/Model.h"

namespace jaws::emit {

using Json = nlohmann::ordered_json;

struct ApiDocument {
  std::string file;  // relative to the stack's folder: "todoApi.swagger.json"
  Json document;
};

// The body file of an API in its stack's folder.
std::string apiBodyFile(const model::Api& api);
// The import variant's file, written when the stage sets `account`.
std::string apiImportFile(const model::Api& api);
// The stage-independent document, relative to the build folder.
std::string apiOpenApiFile(const model::Api& api);

// The import variant of an API's body, with literal ARNs, when the stage sets
// `account`; none otherwise.
std::optional<ApiDocument> importDocument(const model::Stack& stack, const model::Api& api);

// Every API document of one stack, in declaration order.
std::vector<ApiDocument> stackApiDocuments(const model::Stack& stack);

}  // namespace jaws::emit
