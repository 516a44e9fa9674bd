#pragma once
// Properties too large for any template, moved to files uploaded beside the
// code packages (stdlib `stackSplitting.uploads`): a REST API's `Body` becomes
// `BodyS3Location` in CodeBucket. CloudFormation does not resolve intrinsic
// functions inside such a file, so every value in it is made literal first:
// the region, its partition and URL suffix, the stage's `account`, and the
// attributes that can be computed (a function's ARN from its name). A value
// that cannot be made literal (a Cognito pool the stack creates, the account
// of a stage that sets none) keeps the property in the template.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "emit/split/ResourceGroups.h"
#include "model/Splitting.h"

namespace jaws::emit::split {

using Json = nlohmann::ordered_json;

// What is known of a target at build time.
struct LiteralContext {
  std::string region;
  std::optional<std::string> account;
};

struct UploadedProperty {
  std::string resource;  // logical ID
  std::string property;  // "Body"
  std::string key;       // the S3 key and file name: <hash><suffix>
  std::string text;      // the file's bytes: the literal value, compact (UploadOutput::Files)
  std::size_t bytes = 0; // of `text`
  Json document;         // the literal value (UploadOutput::Files)
  std::vector<std::string> literalized;  // the resources it referred to, now written out (their ARNs)
};

// A property that stays in its template: a value could not be made literal,
// or the file would be larger than the service reads.
struct UploadRefusal {
  std::string resource, property;
  std::size_t bytes = 0;   // of the resource in the template, or of the file when too large
  std::string unresolved;  // the first value that could not be made literal
  std::optional<std::int64_t> limit;  // set when the file is too large
};

// What an upload produces: the files to write (`jaws build`), or only what
// planning needs (`jaws check`): each file's size, and in the template a key
// of the same length as the real one (its content hash is not computed).
enum class UploadOutput { Files, SizesOnly };

// Moves every property an upload rule names out of resources larger than
// `threshold` bytes (in the template), rewriting `cfnTemplate` in place.
// `sizes` holds every resource's size; those of the resources rewritten are
// measured again.
void uploadLargeProperties(Json& cfnTemplate, const model::Splitting& policy, const LiteralContext& context,
                           std::size_t threshold, std::vector<UploadedProperty>& uploaded,
                           std::vector<UploadRefusal>& refused, ResourceSizes& sizes,
                           UploadOutput output = UploadOutput::Files);

// `value` with every value made literal, or nullopt with the first value that
// could not be (in `unresolved`). `resourceOf` finds a resource of the
// template by logical ID (null when there is none).
std::optional<Json> literalValue(const Json& value, const std::function<const Json*(const std::string&)>& resourceOf,
                                 const model::Splitting& policy, const LiteralContext& context, std::string& unresolved);

}  // namespace jaws::emit::split
