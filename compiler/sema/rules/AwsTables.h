#pragma once
// The AWS data the rules and lints read from the standard library
// (stdlib/limits.jaws, stdlib/runtimes.jaws): limits, reserved environment
// names, secret-looking name parts and the runtime lifecycle. Nothing here is
// hard-coded: a limit the stdlib does not define is nullopt, and the rule that
// needs it does not run.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/Value.h"
#include "sema/Evaluator.h"

namespace jaws::sema {

struct RuntimeStatus {
  std::string status;     // "supported", "deprecated", "blocked"
  std::string successor;  // empty when the table names none
};

// The strings of a stdlib list (other items skipped; empty when not a list).
std::vector<std::string> stringList(const model::Value& value);

class AwsTables {
 public:
  explicit AwsTables(Evaluator& evaluator);

  // An entry of `awsLimits`: integers as they are, sizes in bytes, durations
  // in milliseconds.
  std::optional<std::int64_t> limit(std::string_view name) const;
  const std::vector<std::string>& reservedEnvironment() const { return reservedEnvironment_; }
  const std::vector<std::string>& secretMarkers() const { return secretMarkers_; }
  const std::vector<std::string>& secretReferenceSuffixes() const { return secretReferenceSuffixes_; }
  std::optional<RuntimeStatus> runtime(std::string_view runtime) const;
  // `ssmSecureProperties`: the property paths of a resource type where a
  // SecureString resolves ("LoginProfile.Password", "*" for any list item);
  // nullopt when the stdlib has no such table (the rule does not run).
  std::optional<std::vector<std::string>> ssmSecureProperties(std::string_view resourceType) const;

 private:
  std::optional<model::Value> limits_, lifecycle_, ssmSecure_;
  std::vector<std::string> reservedEnvironment_, secretMarkers_, secretReferenceSuffixes_;
};

}  // namespace jaws::sema
