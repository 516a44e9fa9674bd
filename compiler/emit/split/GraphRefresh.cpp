#include "emit/split/GraphRefresh.h"

#include <algorithm>
#include <unordered_set>

namespace jaws::emit::split {

namespace {

constexpr std::size_t kGone = static_cast<std::size_t>(-1);

using Member = Json::object_t::value_type;

// The template's resources beside the graph's, both in logical-ID order.
struct Changes {
  std::vector<const Member*> members;      // the template's resources
  std::vector<std::size_t> indexNow;       // per resource of the graph: its index among `members`, or kGone
  std::vector<std::size_t> added;          // indices among `members` of resources the graph lacks
  std::vector<std::size_t> removed;        // indices in the graph of resources the template lacks
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
    while (old < graph.resources.size() && (order = graph.resources[old].id.compare(member.first)) < 0) {
      out.removed.push_back(old++);
    }
    if (old < graph.resources.size() && order == 0) {
      out.indexNow[old++] = now;
    } else {
      out.added.push_back(now);
    }
  }
  while (old < graph.resources.size()) out.removed.push_back(old++);
  return true;
}

// The same owner for every resource in both templates; the others' owners
// are those of resources gone or added.
bool ownersAgree(const std::map<std::string, std::string>& before, const std::map<std::string, std::string>& now,
                 const ResourceGraph& graph, const Changes& changes) {
  auto a = before.begin();
  auto b = now.begin();
  while (a != before.end() || b != now.end()) {
    const int order = a == before.end() ? 1 : b == now.end() ? -1 : a->first.compare(b->first);
    if (order == 0) {
      if (a->second != b->second) return false;
      ++a;
      ++b;
    } else if (order < 0) {
      const auto it = graph.byId.find(a->first);
      if (it != graph.byId.end() && changes.indexNow[it->second] != kGone) return false;  // still there, unowned now
      ++a;
    } else {
      if (graph.byId.count(b->first) != 0) return false;  // was there, unowned then
      ++b;
    }
  }
  return true;
}

// The groups the gone resources were in, each gone whole, referred to by
// nothing that stays (a cut reference included) and not merged; per group of
// the graph, whether it goes.
bool groupsGoneWhole(const ResourceGraph& graph, const Changes& changes, std::vector<char>& groupGone) {
  groupGone.assign(graph.groups.size(), 0);
  if (changes.removed.empty()) return true;
  for (std::size_t r : changes.removed) groupGone[graph.resources[r].group] = 1;
  for (std::size_t g = 0; g < graph.groups.size(); ++g) {
    if (groupGone[g] == 0) continue;
    const ResourceGroup& group = graph.groups[g];
    // Depth 0: no other group refers to it or waits for it.
    if (group.depth != 0 || !group.merged.empty()) return false;
    for (std::size_t member : group.members) {
      if (changes.indexNow[member] != kGone) return false;
    }
  }
  for (std::size_t r = 0; r < graph.resources.size(); ++r) {
    if (changes.indexNow[r] == kGone) continue;
    for (std::size_t target : graph.resources[r].targets) {
      if (target != kNotAResource && changes.indexNow[target] == kGone) return false;
    }
  }
  return true;
}

// The key of the group the added resources make: their one owner, which no
// group of the graph has. None of them may have a name another resource
// named while it was absent, or a parameter's, or follow a resource that
// stays (affinity).
bool addedGroupKey(const ResourceGraph& graph, const Changes& changes, const std::map<std::string, std::string>& owners,
                   const ResourceReadings& readings, std::string& key) {
  std::unordered_set<std::string_view> added;
  for (std::size_t a : changes.added) added.insert(changes.members[a]->first);
  for (std::size_t a : changes.added) {
    const std::string& id = changes.members[a]->first;
    if (graph.absent.count(id) != 0 || graph.parameters.count(id) != 0) return false;
    const auto owner = owners.find(id);
    if (owner == owners.end() || (!key.empty() && owner->second != key)) return false;
    key = owner->second;
    // The first name its affinity rules give that the template holds.
    for (const auto& name : readings.at(id).affinity) {
      if (added.count(name) != 0) break;  // itself or another added resource: the same owner
      const auto it = graph.byId.find(name);
      if (it != graph.byId.end() && changes.indexNow[it->second] != kGone) return false;
    }
  }
  return std::none_of(graph.groups.begin(), graph.groups.end(), [&](const ResourceGroup& g) { return g.key == key; });
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
  if (!ownersAgree(keptOwners, owners, graph, changes)) return false;
  // A resource that stays and was read again ties what it did before: the
  // same references, DependsOn, affinity and computable attributes. (Those
  // not read again have the bodies the graph was built from.)
  for (const std::string_view id : reread) {
    const std::string name(id);
    if (graph.byId.count(name) == 0) continue;  // added
    const auto old = before.find(name);
    if (old == before.end() || !(old->second == readings.at(name))) return false;
  }
  std::vector<char> groupGone;
  if (!groupsGoneWhole(graph, changes, groupGone)) return false;
  std::string addedKey;
  if (!changes.added.empty() && !addedGroupKey(graph, changes, owners, readings, addedKey)) return false;

  // The resources in the template's order, those that stay moved over, their
  // references renumbered; the index by logical ID viewing the new places.
  std::vector<SplitResource> resources(changes.members.size());
  for (std::size_t r = 0; r < graph.resources.size(); ++r) {
    if (changes.indexNow[r] != kGone) resources[changes.indexNow[r]] = std::move(graph.resources[r]);
  }
  for (std::size_t a : changes.added) resources[a].id = changes.members[a]->first;
  for (auto& resource : resources) {
    for (auto& target : resource.targets) {
      if (target != kNotAResource) target = changes.indexNow[target];
    }
  }
  graph.resources = std::move(resources);
  graph.byId.clear();
  graph.byId.reserve(graph.resources.size());
  for (std::size_t r = 0; r < graph.resources.size(); ++r) graph.byId.emplace(graph.resources[r].id, r);

  // The groups in key order: those that stay, and the added resources' own.
  std::vector<std::size_t> groupNow(graph.groups.size(), kGone);
  std::vector<ResourceGroup> groups;
  groups.reserve(graph.groups.size() + 1);
  std::size_t addedGroup = kGone;
  for (std::size_t g = 0; g <= graph.groups.size(); ++g) {
    const bool end = g == graph.groups.size();
    if (!changes.added.empty() && addedGroup == kGone && (end || addedKey < graph.groups[g].key)) {
      addedGroup = groups.size();
      ResourceGroup& group = groups.emplace_back();
      group.key = addedKey;
      group.hash = groupHash(addedKey);
      group.members = changes.added;
    }
    if (end) break;
    if (groupGone[g] != 0) continue;
    groupNow[g] = groups.size();
    ResourceGroup& group = groups.emplace_back(std::move(graph.groups[g]));
    for (auto& member : group.members) member = changes.indexNow[member];
  }
  for (std::size_t g = 0; g < groups.size(); ++g) {
    groups[g].depth = 0;
    for (auto& to : groups[g].refersTo) to = groupNow[to];
    for (std::size_t member : groups[g].members) graph.resources[member].group = g;
  }
  graph.groups = std::move(groups);

  // What the added resources refer to, wait for and name absent.
  if (addedGroup != kGone) {
    const auto readingAt = [&](std::size_t index) -> const ResourceReading& { return readings.at(graph.resources[index].id); };
    std::vector<std::size_t> ties;
    for (std::size_t a : changes.added) linkResource(graph, a, readings.at(graph.resources[a].id), readingAt, ties);
    ResourceGroup& group = graph.groups[addedGroup];
    for (std::size_t to : ties) {
      if (graph.resources[to].group != addedGroup) group.refersTo.push_back(graph.resources[to].group);
    }
    std::sort(group.refersTo.begin(), group.refersTo.end());
    group.refersTo.erase(std::unique(group.refersTo.begin(), group.refersTo.end()), group.refersTo.end());
  }
  graph.maxDepth = 0;
  computeDepths(graph);

  // Sizes and bodies anew.
  graph.computed = &policy.computed;
  for (std::size_t r = 0; r < graph.resources.size(); ++r) {
    SplitResource& resource = graph.resources[r];
    resource.body = &changes.members[r]->second;
    resource.bytes = resourceBytes(resource.id, sizes.at(resource.id));
  }
  for (auto& group : graph.groups) {
    group.bytes = 0;
    for (std::size_t member : group.members) group.bytes += graph.resources[member].bytes;
  }
  return true;
}

}  // namespace jaws::emit::split
