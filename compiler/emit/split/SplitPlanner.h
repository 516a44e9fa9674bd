#pragma once
// Where each group of a stack's resources goes when the stack is split
// (docs/splitting.md): the root template, or one of the nested stacks.
//
// - Groups that nothing refers to (depth 0: functions with their roles, log
//   groups, permissions) go to nested stacks; what they refer to (APIs,
//   tables) stays in the root. Should the root not hold it all, the next
//   depth goes to nested stacks of its own tier, and so on: a template only
//   ever refers to the root or to a deeper tier, so no two stacks refer to
//   each other.
// - Within a tier, a group's place follows the bits of its key's hash: the
//   tier is one nested stack while that fits, else it splits in two by the
//   next bit, recursively (a binary trie). Adding a group changes nothing
//   else unless its stack overflows, and then only the half of that one
//   stack whose next bit is 1 moves; the 0 half keeps its name (the bits with
//   their trailing zeros removed: Part, Part1, Part01, ...).
// The plan is a pure function of the template: the same input gives the same
// plan, whatever the order of the declarations.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "emit/split/ResourceGroups.h"

namespace jaws::emit::split {

struct TemplateCounts {
  std::size_t resources = 0, bytes = 0, parameters = 0, outputs = 0;
};

struct PlannedTemplate {
  std::string name;  // the nested stack's logical ID; empty for the root
  std::size_t tier = 0;
  std::vector<std::size_t> groups;  // sorted
  TemplateCounts predicted;         // bytes are an estimate; the writer measures
};

struct SplitProblem {
  enum class Kind {
    GroupTooLarge,  // one group alone exceeds what a template is planned to hold
    RootTooLarge,   // even with every group nested, the root cannot hold the nested stacks
  };
  Kind kind;
  std::string key;                  // the group's key ("function:fn1")
  std::vector<std::string> merged;  // the keys a reference cycle merged into it
  std::string amount;               // "520 resources"
  std::string limit;                // "450 resources"
};

struct SplitPlan {
  ResourceGraph graph;
  std::vector<PlannedTemplate> templates;  // [0] is the root, then nested stacks by name
  std::vector<std::size_t> templateOf;     // per group, an index into `templates`
  std::vector<SplitProblem> problems;
};

// `sizes` and `readings` hold every resource of `cfnTemplate`
// (measureResources, readResources).
SplitPlan planSplit(const Json& cfnTemplate, const std::map<std::string, std::string>& owners,
                    const model::Splitting& policy, const ResourceSizes& sizes, const ResourceReadings& readings);
// The plan over a graph built already (buildResourceGraph or
// refreshResourceGraph) of `cfnTemplate`.
SplitPlan planSplit(ResourceGraph graph, const Json& cfnTemplate, const model::Splitting& policy);
// The same, measuring the resources first.
SplitPlan planSplit(const Json& cfnTemplate, const std::map<std::string, std::string>& owners,
                    const model::Splitting& policy);

// The logical ID a nested stack of `tier` whose keys' hashes start with `bits`
// gets: Part, Part1, Part01, ... (trailing zeros removed), Tier1Part... deeper.
std::string nestedStackName(std::size_t tier, const std::string& bits);

// The first amount of `counts` over `bounds`, for a message ({"520
// resources", "500 resources"}), or none when every amount is within them.
std::optional<std::pair<std::string, std::string>> firstOverBound(const TemplateCounts& counts,
                                                                   const model::TemplateQuota& bounds);

}  // namespace jaws::emit::split
