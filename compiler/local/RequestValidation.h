#pragma once
// API Gateway's request validation for REST APIs with `validate` on, read
// from the Swagger document the build deploys (emit/apidocs), so what is
// checked locally is what is checked in AWS:
// - required query and header parameters must be present (API Gateway checks
//   presence only, not their type or pattern: neither does this);
// - the body must be JSON valid against the route's model (JSON Schema
//   draft 4, with valijson).
// Failures give API Gateway's 400 messages; `detail` says more for the log.
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "local/HttpExchange.h"
#include "model/Model.h"

namespace jaws::local {

struct ValidationFailure {
  std::string message;  // API Gateway's: "Invalid request body", "Missing required request parameters: [a, b]"
  std::string detail;   // why, for the terminal
};

class RequestValidator {
 public:
  RequestValidator(const model::Stack& stack, const model::Api& api);
  ~RequestValidator();
  RequestValidator(RequestValidator&&) noexcept;
  RequestValidator& operator=(RequestValidator&&) noexcept;

  std::optional<ValidationFailure> validate(const model::Route& route, const HttpRequest& request) const;

  // Values of declared parameters that do not match their declared type or
  // constraints: API Gateway lets them through; the terminal warns.
  std::vector<std::string> parameterWarnings(const model::Route& route, const HttpRequest& request,
                                             const std::vector<std::pair<std::string, std::string>>& pathParameters) const;

 private:
  struct BodySchema;
  bool enabled_ = false;
  std::map<const model::Route*, std::unique_ptr<BodySchema>> bodies_;
};

}  // namespace jaws::local
