#include "emit/split/GraphRefresh.h"

#include <algorithm>
#include <string>
#include <unordered_set>

namespace jaws::emit::split {

namespace {

constexpr std::size_t kGone = static_cast<std::size_t>(-1);

using Member = Json::object_t::value_type;

// The template's resources beside the graph's, both in logical-ID order.
struct Changes {
  std::vector<const Member*> members;  // the template's resources
  std::vector<std::size_t> indexNow;   // per resource of the graph: its index among `members`, or kGone
  std::vector<std::size_t> added;      // indices among `members` of resources the graph lacks
};

// False when the template's resources are not sorted (the emitter sorts
// them; a graph is built afresh otherwise).
bool compareResources(const ResourceGraph& graph, const Json::object_t& resources, Changes& out) {
  out.members.reserve(resources.size());
  out.indexNow.assign(graph.resources.size(), kGone);
  std::size_t old = 0;
  for (const Member& member : resources) {
    const std::size_t now = out.members.size();
    if (now > 0 && !(out.members.back()->first < member.first)) return false;
    out.members.push_back(&member);
    int order = 1;
    while (old < graph.resources.size() && (order = graph.resources[old].id.compare(member.first)) < 0) ++old;
    if (old < graph.resources.size() && order == 0) {
      out.indexNow[old++] = now;
    } else {
      out.added.push_back(now);
    }
  }
  return true;
}

// Per resource of the graph, whether it was read again otherwise than before.
std::vector<char> readOtherwise(const ResourceGraph& graph, const ResourceReadings& readings,
                                const std::vector<std::string_view>& reread, const ResourceReadings& before) {
  std::vector<char> changed(graph.resources.size(), 0);
  for (const std::string_view id : reread) {
    const std::string name(id);
    const auto at = graph.byId.find(name);
    if (at == graph.byId.end()) continue;  // new
    const auto old = before.find(name);
    if (old == before.end() || !(old->second == readings.at(name))) changed[at->second] = 1;
  }
  return changed;
}

// Renumbers what `resource` (which stays) is linked to; false when it must be
// linked again: it links to a resource gone or read otherwise, or names one
// that was absent (or a parameter, which a resource's name would shadow) and
// is added.
bool renumberLinks(SplitResource& resource, const Changes& changes, const std::vector<char>& changed,
                   const std::unordered_set<std::string_view>& added) {
  for (std::size_t i = 0; i < resource.targets.size(); ++i) {
    std::size_t& target = resource.targets[i];
    if (target == kNotAResource) {
      if (!added.empty() && added.count(resource.references[i].target) != 0) return false;
      continue;
    }
    if (changes.indexNow[target] == kGone || changed[target] != 0) return false;
    target = changes.indexNow[target];
  }
  for (auto& target : resource.waitsFor) {
    if (changes.indexNow[target] == kGone) return false;
    target = changes.indexNow[target];
  }
  if (resource.follows != kNotAResource) {
    if (changes.indexNow[resource.follows] == kGone) return false;
    resource.follows = changes.indexNow[resource.follows];
  }
  if (!added.empty()) {
    for (const auto& name : resource.unresolved) {
      if (added.count(name) != 0) return false;
    }
  }
  return true;
}

// Whether each resource read again has the owner it had: the others were
// kept, emitted by the same declaration.
bool sameOwners(const std::vector<std::string_view>& reread, const std::map<std::string, std::string>& before,
                const std::map<std::string, std::string>& now) {
  for (const std::string_view id : reread) {
    const std::string name(id);
    const auto a = before.find(name);
    const auto b = now.find(name);
    if ((a == before.end()) != (b == now.end()) || (a != before.end() && a->second != b->second)) return false;
  }
  return true;
}

// Only sizes changed: the same resources, owners and links. The bytes are
// set anew, and nothing else changes.
void resize(ResourceGraph& graph, const ResourceSizes& sizes) {
  for (auto& resource : graph.resources) resource.bytes = resourceBytes(resource.id, sizes.at(resource.id));
  for (auto& group : graph.groups) {
    group.bytes = 0;
    for (std::size_t member : group.members) group.bytes += graph.resources[member].bytes;
  }
}

// Any other change: the resources that stay are moved to their new places
// with their links renumbered, unless they must be linked again; the new ones
// are linked; the groups are formed from the links.
void relinkResourceGraph(ResourceGraph& graph, const Changes& changes, const std::vector<char>& changed,
                         const std::map<std::string, std::string>& owners, const model::Splitting& policy,
                         const ResourceSizes& sizes, const ResourceReadings& readings) {
  std::unordered_set<std::string_view> added;
  for (std::size_t a : changes.added) added.insert(changes.members[a]->first);

  std::vector<SplitResource> resources(changes.members.size());
  std::vector<char> relink(resources.size(), 0);
  for (std::size_t r = 0; r < graph.resources.size(); ++r) {
    const std::size_t now = changes.indexNow[r];
    if (now == kGone) continue;
    resources[now] = std::move(graph.resources[r]);
    if (changed[r] != 0 || !renumberLinks(resources[now], changes, changed, added)) relink[now] = 1;
  }
  for (std::size_t a : changes.added) {
    resources[a].id = changes.members[a]->first;
    relink[a] = 1;
  }
  graph.resources = std::move(resources);
  graph.byId.clear();
  graph.byId.reserve(graph.resources.size());
  for (std::size_t r = 0; r < graph.resources.size(); ++r) graph.byId.emplace(graph.resources[r].id, r);
  std::vector<const ResourceReading*> readingOf(graph.resources.size(), nullptr);
  completeResourceGraph(graph, owners, policy, sizes, readings, relink, readingOf);
}

}  // namespace

bool refreshResourceGraph(KeptGraph& kept, const std::map<std::string, std::string>& keptOwners, const Json& cfnTemplate,
                          const std::map<std::string, std::string>& owners, const model::Splitting& policy,
                          const ResourceSizes& sizes, const ResourceReadings& readings,
                          const std::vector<std::string_view>& reread, const ResourceReadings& before) {
  ResourceGraph& graph = kept.graph;
  if (!(kept.policy == policy) || !cfnTemplate.contains("Resources")) return false;
  std::size_t parameters = 0;
  if (cfnTemplate.contains("Parameters")) {
    for (const auto& item : cfnTemplate["Parameters"].items()) {
      if (graph.parameters.count(item.key()) == 0) return false;
      ++parameters;
    }
  }
  if (parameters != graph.parameters.size()) return false;
  Changes changes;
  if (!compareResources(graph, cfnTemplate["Resources"].get_ref<const Json::object_t&>(), changes)) return false;
  const std::vector<char> changed = readOtherwise(graph, readings, reread, before);
  if (changes.added.empty() && changes.members.size() == graph.resources.size() &&
      std::find(changed.begin(), changed.end(), 1) == changed.end() && sameOwners(reread, keptOwners, owners)) {
    graph.computed = &policy.computed;
    resize(graph, sizes);
  } else {
    relinkResourceGraph(graph, changes, changed, owners, policy, sizes, readings);
  }
  // The bodies are the new template's.
  for (std::size_t r = 0; r < graph.resources.size(); ++r) graph.resources[r].body = &changes.members[r]->second;
  return true;
}

}  // namespace jaws::emit::split
