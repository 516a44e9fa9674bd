#pragma once
// The typed side shared by the handler stubs and the models files: the name
// every model gets in the target language, the request shape of each route
// (`{ path, query, headers, body }`), and how the adapter converts each
// parameter from the strings API Gateway delivers.
#include <map>
#include <string>
#include <vector>

#include "stubs/StubLayout.h"
#include "stubs/StubNames.h"
#include "model/Model.h"

namespace jaws::stubs {

// The names of the generated types in one language, unique together.
struct ModelNames {
  std::map<std::string, std::string> types;  // `type` declaration name -> identifier
  std::map<const model::Route*, std::string> requests;
  std::string httpResult, scheduledEvent, authorizerRequest, authorizerResult;
  std::string httpEvent, urlRequest;  // added (issue 11): payload 2.0
  // The Lambda shapes of the events the stack uses (stubs/events/): shape name -> identifier.
  std::map<std::string, std::string> events;
  UniqueNames taken;  // every name above, for files that need more names

  // A `type` declaration's identifier; a Ref to "@Shape" names an event shape.
  const std::string& typeName(const std::string& declared) const;
  const std::string& eventType(const std::string& shape) const;
};

// Deterministic: the same stack gives the same names in every folder.
ModelNames nameModels(const model::Stack& stack, Language language);

// The keys of a request object.
inline constexpr const char* kRequestPath = "path";
inline constexpr const char* kRequestQuery = "query";
inline constexpr const char* kRequestHeaders = "headers";
inline constexpr const char* kRequestBody = "body";

// An object schema with the route's parameters under `path`, `query` and
// `headers` (keyed by the declared names; a section with no parameter is
// left out) and `body` when the route declares one.
model::Schema requestSchema(const model::Route& route);

// How one parameter arrives and is converted.
struct ParamShape {
  enum class Kind : std::uint8_t { String, Integer, Number, Boolean, Any };
  Kind kind = Kind::String;
  bool list = false;                // T[]: every value of a repeated parameter
  std::vector<std::string> values;  // string enum: the allowed values
};
const char* paramKindName(ParamShape::Kind kind);  // "string", "integer", ...

// Follows `Ref`s through the stack's types (aliases like `type Id = string`).
ParamShape paramShape(const model::Schema& schema, const model::Stack& stack);

// The schema a Ref names, or nullptr.
const model::Schema* resolveRef(const model::Schema& schema, const model::Stack& stack);

// Path parameters are named without the `+` of a greedy segment.
std::string parameterKey(const model::RouteParameter& parameter);

// Every route of every function in the group, in order.
std::vector<RouteBinding> routesOf(const std::vector<FunctionTriggers>& functions);

// Whether any of the functions takes payload 2.0 events (an HTTP API's
// routes, a function URL): its models folder then declares their shapes.
bool takesHttpEvents(const std::vector<FunctionTriggers>& functions);
// Whether any of them has a function URL.
bool takesUrlRequests(const std::vector<FunctionTriggers>& functions);

// "Todo[]", "{ id: string }" ... a one-line summary of a schema for comments.
std::string schemaSummary(const model::Schema& schema);

// "format uuid, minLength 1" for comments; empty when there is none.
std::string constraintSummary(const model::Constraints& constraints);

}  // namespace jaws::stubs
