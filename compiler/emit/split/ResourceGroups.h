#pragma once
// The resources of a template that must stay in one template, as groups, and
// the references between groups (docs/splitting.md):
// - a group is everything one declaration emitted (the emitter's owners),
//   except that a resource an affinity rule covers joins the resource its
//   property names (an API's route permission joins the function);
// - a reference to an attribute that can be computed (a function's ARN) ties
//   nothing: it is cut, and becomes text if it ever crosses templates;
// - groups that still refer to each other in a cycle are merged;
// - a group's depth is the length of the longest chain of groups that refer
//   to it: 0 for what nothing refers to (functions, mostly). Depth decides
//   which groups may live in nested stacks (SplitPlanner.h).
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "emit/JsonSize.h"
#include "emit/split/TemplateReferences.h"
#include "model/Splitting.h"

namespace jaws::emit::split {

// SplitResource::targets for a reference to a template parameter.
inline constexpr std::size_t kNotAResource = static_cast<std::size_t>(-1);

struct SplitResource {
  std::string id;
  const Json* body = nullptr;  // the resource in the template being split
  std::size_t bytes = 0;       // its size in a template as serializeJson writes it
  std::vector<Reference> references;  // resources and template parameters, deduplicated, sorted
  std::vector<bool> cut;              // per reference: its attribute can be computed (ResourceGraph::isCut)
  std::vector<std::size_t> targets;   // per reference: the index of the resource it names, or kNotAResource
  std::vector<std::string> order;     // DependsOn
  std::vector<std::size_t> waitsFor;  // the indices of the resources its DependsOn names
  std::size_t follows = kNotAResource;  // the resource its affinity rules send it to (none: kNotAResource)
  std::vector<std::string> unresolved;  // what it refers to, waits for or follows that the template lacks
  std::size_t group = 0;
};

struct ResourceGroup {
  std::string key;                   // the owner ("function:listTodos"), stable across edits
  std::uint64_t hash = 0;            // of the key: where the group goes among nested stacks
  std::vector<std::size_t> members;  // resource indices, in logical-ID order
  std::size_t bytes = 0;
  std::vector<std::size_t> refersTo;  // groups this one depends on (cut references left out), sorted, distinct
  std::size_t depth = 0;
  std::vector<std::string> merged;   // keys of the groups a cycle merged into this one
};

// Points into the template it was built from (resource bodies): the template
// must outlive it, unchanged, unless refreshResourceGraph() points it at
// another. Moved, never copied: byId's keys view the resources' own IDs.
struct ResourceGraph {
  ResourceGraph() = default;
  ResourceGraph(const ResourceGraph&) = delete;
  ResourceGraph& operator=(const ResourceGraph&) = delete;
  ResourceGraph(ResourceGraph&&) = default;
  ResourceGraph& operator=(ResourceGraph&&) = default;

  std::vector<SplitResource> resources;  // sorted by logical ID
  std::unordered_map<std::string_view, std::size_t> byId;  // keys: views of `resources`' IDs
  std::set<std::string> parameters;      // the template's parameters
  std::vector<ResourceGroup> groups;     // sorted by key
  std::size_t maxDepth = 0;

  const SplitResource* find(const std::string& id) const {
    auto it = byId.find(id);
    return it == byId.end() ? nullptr : &resources[it->second];
  }
  // A reference that ties nothing: its target's attribute can be computed.
  bool isCut(const Reference& ref) const;
  const std::vector<model::ComputedAttribute>* computed = nullptr;
};

// Each resource of a template measured alone (measureJson), by logical ID:
// measured once and shared by every step of a split (the template's size,
// the uploads, the plan), since the resources are most of a template.
// A template of this many resources or more is measured and read in two
// halves, the second by a thread with nothing else to do (SharedWork).
inline constexpr std::size_t kResourcesWorthSharing = 2000;

using ResourceSizes = std::unordered_map<std::string, JsonSize>;
// `known` holds sizes measured before, of resources unchanged since.
ResourceSizes measureResources(const Json& cfnTemplate, ResourceSizes known = {});

// The size of the whole template (measureJson) from its resources' sizes.
JsonSize measureTemplate(const Json& cfnTemplate, const ResourceSizes& sizes);

// What the split reads of one resource from the resource alone: what it
// refers to, what it waits for, and what its affinity rules' properties name.
// Read once per resource; the language server keeps these for resources that
// did not change between two checks (emit/TemplateReuse.h).
struct ResourceReading {
  std::vector<Reference> references;  // every one, deduplicated and sorted (the graph keeps those inside the template)
  std::vector<std::string> order;     // DependsOn
  std::vector<std::string> affinity;  // what the properties of its affinity rules name, rule by rule
  std::vector<std::string> computed;  // its attributes a reference to which is cut (computedAttributes)
  friend bool operator==(const ResourceReading&, const ResourceReading&) = default;
};
using ResourceReadings = std::unordered_map<std::string, ResourceReading>;
ResourceReading readResource(const Json& resource, const model::Splitting& policy);

// Reads every resource of `cfnTemplate` that `readings` does not hold yet;
// returns their logical IDs (views of the template's keys).
std::vector<std::string_view> readResources(const Json& cfnTemplate, const model::Splitting& policy,
                                            ResourceReadings& readings);

// `owners` maps logical IDs to the declaration that emitted them; a resource
// without an owner is a group of its own (keyed by its logical ID). `sizes`
// and `readings` hold every resource of the template.
ResourceGraph buildResourceGraph(const Json& cfnTemplate, const std::map<std::string, std::string>& owners,
                                 const model::Splitting& policy, const ResourceSizes& sizes,
                                 const ResourceReadings& readings);

// Pieces of building a graph that refreshResourceGraph (GraphRefresh.h) shares.
// Where a group goes among nested stacks: its key's hash.
std::uint64_t groupHash(std::string_view key);
// Whether a reference to `attribute` of the resource read as `target` is cut
// (ResourceGraph::isCut), from what the reading found computable.
bool isCutAttribute(const ResourceReading& target, const std::string& attribute);
// Completes a graph whose resources, parameters and index by logical ID are
// the template's: links each resource `relink` marks (SplitResource's
// references, targets, DependsOn and affinity; the others are linked
// already), sets every resource's bytes, and forms the groups, their
// references, cycles and depths. `readingOf`: per resource, its reading, or
// null to look it up in `readings` when needed.
void completeResourceGraph(ResourceGraph& graph, const std::map<std::string, std::string>& owners,
                           const model::Splitting& policy, const ResourceSizes& sizes, const ResourceReadings& readings,
                           const std::vector<char>& relink, std::vector<const ResourceReading*>& readingOf);

// The size of a resource measured as `size` under `id` in a template's
// Resources, as serializeJson writes it (two-space indentation, four spaces
// deep).
std::size_t resourceBytes(const std::string& id, const JsonSize& size);

}  // namespace jaws::emit::split
