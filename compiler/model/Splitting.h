#pragma once
// How a stack that one CloudFormation template cannot hold is split into a
// root template and nested stacks (docs/splitting.md). The mode is the
// project's `split` attribute; the quotas and rules are standard-library data
// (stdlib/limits.jaws, stdlib/splitting.jaws), so a new kind of resource
// needs a line of data, never a change to the splitter.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace jaws::model {

enum class SplitMode : std::uint8_t {
  Auto,    // split only when one template cannot hold the stack
  Always,  // nested stacks from the start, so growth never moves resources out of the root
  Off,     // never: a stack over CloudFormation's quotas is an error
};

// Per-template amounts; none means the stdlib sets no bound.
struct TemplateQuota {
  std::optional<std::int64_t> resources, bytes, parameters, outputs;
  friend bool operator==(const TemplateQuota&, const TemplateQuota&) = default;
};

// A resource of `type` belongs in the template of the resource its
// `property` refers to (an invoke permission with the function it names).
struct SplitAffinity {
  std::string type;
  std::string property;
  friend bool operator==(const SplitAffinity&, const SplitAffinity&) = default;
};

// An attribute that can be written without referring to the resource, from
// its own literal properties: `value` is Fn::Sub text in which `{Name}` stands
// for the literal property Name. `attribute` "Ref" is what Ref returns.
struct ComputedAttribute {
  std::string type;
  std::string attribute;
  std::string value;
  friend bool operator==(const ComputedAttribute&, const ComputedAttribute&) = default;
};

// A property that may move to a file uploaded beside the code when it is too
// large for a template (`Body` -> `BodyS3Location`); the file name ends with
// `suffix`, and the service reads at most `limit` bytes of it.
struct PropertyUpload {
  std::string type;
  std::string property;
  std::string location;
  std::string suffix;
  std::optional<std::int64_t> limit;
  friend bool operator==(const PropertyUpload&, const PropertyUpload&) = default;
};

struct Splitting {
  SplitMode mode = SplitMode::Auto;
  TemplateQuota limits;   // CloudFormation's quotas (awsLimits)
  TemplateQuota targets;  // what each template of a split stack is planned to hold at most
  std::vector<SplitAffinity> affinity;
  std::vector<ComputedAttribute> computed;
  std::vector<PropertyUpload> uploads;
  friend bool operator==(const Splitting&, const Splitting&) = default;
};

}  // namespace jaws::model
