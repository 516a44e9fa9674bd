#include "emit/ApiDocuments.h"

#include "emit/apidocs/HttpApiBody.h"
#include "emit/apidocs/SwaggerEmitter.h"

namespace jaws::emit {

namespace {
bool isHttp(const model::Api& api) { return api.kind == model::ApiKind::Http; }
}  // namespace

std::string apiBodyFile(const model::Api& api) { return api.name + (isHttp(api) ? ".openapi.json" : ".swagger.json"); }
std::string apiImportFile(const model::Api& api) { return api.name + (isHttp(api) ? ".import.openapi.json" : ".import.swagger.json"); }
std::string apiOpenApiFile(const model::Api& api) { return "openapi/" + api.name + ".openapi.json"; }

std::optional<ApiDocument> importDocument(const model::Stack& stack, const model::Api& api) {
  if (!stack.stage.account) return std::nullopt;
  auto imported = isHttp(api) ? emitImportHttpApiBody(stack, api, *stack.stage.account)
                              : emitImportSwagger(stack, api, *stack.stage.account);
  return ApiDocument{apiImportFile(api), std::move(imported.body)};
}

std::vector<ApiDocument> stackApiDocuments(const model::Stack& stack) {
  std::vector<ApiDocument> out;
  for (const auto& api : stack.apis) {
    out.push_back({apiBodyFile(api), isHttp(api) ? emitHttpApiBody(stack, api) : emitSwagger(stack, api)});
    if (auto imported = importDocument(stack, api)) out.push_back(std::move(*imported));
  }
  return out;
}

}  // namespace jaws::emit
