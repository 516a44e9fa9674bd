#include "emit/split/ResourceGroups.h"

#include <algorithm>
#include <deque>

#include "emit/JsonSize.h"
#include "emit/StableHash.h"
#include "emit/split/ComputedAttributes.h"

namespace jaws::emit::split {

namespace {

// FNV-1a spreads short, similar keys (`function:fn1`, `function:fn2`) poorly
// over its high bits, which choose the nested stack: finish with SplitMix64's
// mixer.
std::uint64_t spread(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// The resource an affinity rule sends a resource to (the first its rules'
// properties name that the template holds), or "".
std::string affinityTarget(const ResourceReading& reading, const ResourceGraph& graph) {
  for (const auto& target : reading.affinity) {
    if (graph.byId.count(target) != 0) return target;
  }
  return "";
}

// Tarjan's strongly connected components, without recursion (a chain of
// thousands of groups must not exhaust the stack). Returns a component per group.
std::vector<std::size_t> components(const std::vector<ResourceGroup>& groups, std::size_t& count) {
  const std::size_t n = groups.size();
  constexpr std::size_t kUnvisited = static_cast<std::size_t>(-1);
  std::vector<std::size_t> index(n, kUnvisited), low(n, 0), component(n, kUnvisited);
  std::vector<bool> onStack(n, false);
  std::vector<std::size_t> stack;
  std::size_t next = 0;
  count = 0;
  struct Frame {
    std::size_t node;
    std::set<std::size_t>::const_iterator edge;
  };
  for (std::size_t root = 0; root < n; ++root) {
    if (index[root] != kUnvisited) continue;
    std::vector<Frame> frames{{root, groups[root].refersTo.begin()}};
    index[root] = low[root] = next++;
    stack.push_back(root);
    onStack[root] = true;
    while (!frames.empty()) {
      Frame& frame = frames.back();
      if (frame.edge != groups[frame.node].refersTo.end()) {
        const std::size_t to = *frame.edge++;
        if (index[to] == kUnvisited) {
          index[to] = low[to] = next++;
          stack.push_back(to);
          onStack[to] = true;
          frames.push_back({to, groups[to].refersTo.begin()});
        } else if (onStack[to]) {
          low[frame.node] = std::min(low[frame.node], index[to]);
        }
        continue;
      }
      const std::size_t node = frame.node;
      frames.pop_back();
      if (!frames.empty()) low[frames.back().node] = std::min(low[frames.back().node], low[node]);
      if (low[node] != index[node]) continue;
      std::size_t member = 0;
      do {
        member = stack.back();
        stack.pop_back();
        onStack[member] = false;
        component[member] = count;
      } while (member != node);
      ++count;
    }
  }
  return component;
}

void addEdges(ResourceGraph& graph) {
  for (auto& group : graph.groups) group.refersTo.clear();
  for (const auto& resource : graph.resources) {
    ResourceGroup& from = graph.groups[resource.group];
    for (std::size_t i = 0; i < resource.references.size(); ++i) {
      const SplitResource* target = graph.find(resource.references[i].target);
      if (target == nullptr || target->group == resource.group || resource.cut[i]) continue;
      from.refersTo.insert(target->group);
    }
    for (const auto& id : resource.order) {
      const SplitResource* target = graph.find(id);
      if (target != nullptr && target->group != resource.group) from.refersTo.insert(target->group);
    }
  }
}

// Groups in one cycle of references cannot be split apart: merge them.
void mergeCycles(ResourceGraph& graph) {
  std::size_t count = 0;
  const auto component = components(graph.groups, count);
  if (count == graph.groups.size()) return;
  std::vector<std::vector<std::size_t>> byComponent(count);
  for (std::size_t g = 0; g < graph.groups.size(); ++g) byComponent[component[g]].push_back(g);
  std::vector<ResourceGroup> merged;
  for (const auto& parts : byComponent) {
    ResourceGroup group;
    std::vector<std::string> keys;
    for (std::size_t g : parts) {
      keys.push_back(graph.groups[g].key);
      group.members.insert(group.members.end(), graph.groups[g].members.begin(), graph.groups[g].members.end());
      group.bytes += graph.groups[g].bytes;
    }
    std::sort(keys.begin(), keys.end());
    std::sort(group.members.begin(), group.members.end());
    group.key = keys.front();
    group.hash = spread(fnv1a64(group.key));
    group.merged.assign(keys.begin() + 1, keys.end());
    merged.push_back(std::move(group));
  }
  std::sort(merged.begin(), merged.end(), [](const ResourceGroup& a, const ResourceGroup& b) { return a.key < b.key; });
  graph.groups = std::move(merged);
  for (std::size_t g = 0; g < graph.groups.size(); ++g) {
    for (std::size_t member : graph.groups[g].members) graph.resources[member].group = g;
  }
  addEdges(graph);
}

// Depth: the longest chain of referrers above a group (Kahn's order over a DAG).
void computeDepths(ResourceGraph& graph) {
  std::vector<std::size_t> referrers(graph.groups.size(), 0);
  for (const auto& group : graph.groups) {
    for (std::size_t to : group.refersTo) ++referrers[to];
  }
  std::deque<std::size_t> ready;
  for (std::size_t g = 0; g < graph.groups.size(); ++g) {
    if (referrers[g] == 0) ready.push_back(g);
  }
  while (!ready.empty()) {
    const std::size_t g = ready.front();
    ready.pop_front();
    graph.maxDepth = std::max(graph.maxDepth, graph.groups[g].depth);
    for (std::size_t to : graph.groups[g].refersTo) {
      graph.groups[to].depth = std::max(graph.groups[to].depth, graph.groups[g].depth + 1);
      if (--referrers[to] == 0) ready.push_back(to);
    }
  }
}

}  // namespace

bool ResourceGraph::isCut(const Reference& ref) const {
  const SplitResource* target = find(ref.target);
  return target != nullptr && computed != nullptr && hasComputedAttribute(*computed, *target->body, ref.attribute);
}

std::size_t resourceBytes(const std::string& id, const JsonSize& size) {
  // `    "Id": ` + the value four spaces deeper + `,\n`
  return 4 + id.size() + 4 + size.bytes + 4 * size.lines + 2;
}

ResourceSizes measureResources(const Json& cfnTemplate, const ResourceSizes* known) {
  ResourceSizes sizes;
  if (!cfnTemplate.contains("Resources")) return sizes;
  const Json& resources = cfnTemplate["Resources"];
  sizes.reserve(resources.size());
  for (const auto& [id, resource] : resources.get_ref<const Json::object_t&>()) {
    const auto before = known != nullptr ? known->find(id) : ResourceSizes::const_iterator{};
    sizes.emplace(id, known != nullptr && before != known->end() ? before->second : measureJson(resource));
  }
  return sizes;
}

ResourceReading readResource(const Json& resource, const model::Splitting& policy) {
  ResourceReading out;
  collectReferences(resource, out.references);
  std::sort(out.references.begin(), out.references.end());
  out.references.erase(std::unique(out.references.begin(), out.references.end()), out.references.end());
  out.order = dependsOn(resource);
  const std::string type = resource.value("Type", "");
  for (const auto& rule : policy.affinity) {
    if (rule.type != type || !resource.contains("Properties") || !resource["Properties"].contains(rule.property)) continue;
    std::vector<Reference> refs;
    collectReferences(resource["Properties"][rule.property], refs);
    for (auto& ref : refs) out.affinity.push_back(std::move(ref.target));
  }
  return out;
}

void readResources(const Json& cfnTemplate, const model::Splitting& policy, ResourceReadings& readings) {
  if (!cfnTemplate.contains("Resources")) return;
  const Json& resources = cfnTemplate["Resources"];
  readings.reserve(resources.size());
  for (const auto& [id, resource] : resources.get_ref<const Json::object_t&>()) {
    if (readings.count(id) == 0) readings.emplace(id, readResource(resource, policy));
  }
}

JsonSize measureTemplate(const Json& cfnTemplate, const ResourceSizes& sizes) {
  std::vector<std::pair<std::string_view, JsonSize>> sections;
  for (const auto& [key, section] : cfnTemplate.get_ref<const Json::object_t&>()) {
    if (key != "Resources" || !section.is_object()) {
      sections.emplace_back(key, measureJson(section));
      continue;
    }
    std::vector<std::pair<std::string_view, JsonSize>> resources;
    resources.reserve(section.size());
    for (const auto& [id, resource] : section.get_ref<const Json::object_t&>()) resources.emplace_back(id, sizes.at(id));
    sections.emplace_back(key, measureObject(resources));
  }
  return measureObject(sections);
}

ResourceGraph buildResourceGraph(const Json& cfnTemplate, const std::map<std::string, std::string>& owners,
                                 const model::Splitting& policy, const ResourceSizes& sizes,
                                 const ResourceReadings& readings) {
  ResourceGraph graph;
  graph.computed = &policy.computed;
  if (cfnTemplate.contains("Parameters")) {
    for (const auto& item : cfnTemplate["Parameters"].items()) graph.parameters.insert(item.key());
  }
  if (!cfnTemplate.contains("Resources")) return graph;
  graph.resources.reserve(cfnTemplate["Resources"].size());
  graph.byId.reserve(cfnTemplate["Resources"].size());
  for (const auto& item : cfnTemplate["Resources"].items()) {
    SplitResource resource;
    resource.id = item.key();
    resource.body = &item.value();
    graph.resources.push_back(std::move(resource));
  }
  // The emitter writes Resources sorted already: then there is nothing to sort.
  auto byLogicalId = [](const SplitResource& a, const SplitResource& b) { return a.id < b.id; };
  if (!std::is_sorted(graph.resources.begin(), graph.resources.end(), byLogicalId)) {
    std::sort(graph.resources.begin(), graph.resources.end(), byLogicalId);
  }
  for (std::size_t r = 0; r < graph.resources.size(); ++r) {
    SplitResource& resource = graph.resources[r];
    resource.bytes = resourceBytes(resource.id, sizes.at(resource.id));
    resource.order = readings.at(resource.id).order;
    graph.byId[resource.id] = r;
  }
  for (auto& resource : graph.resources) {
    for (const auto& ref : readings.at(resource.id).references) {
      if (graph.byId.count(ref.target) != 0 || graph.parameters.count(ref.target) != 0) {
        resource.cut.push_back(graph.isCut(ref));
        resource.references.push_back(ref);
      }
    }
  }

  // Owners, then affinity: a resource follows what its rule's property names,
  // through chains of such rules (bounded: a loop keeps the last owner).
  auto ownerOf = [&](const std::string& id) {
    auto it = owners.find(id);
    return it != owners.end() ? it->second : "logical:" + id;
  };
  std::map<std::string, std::string> follows;
  for (const auto& resource : graph.resources) {
    std::string target = affinityTarget(readings.at(resource.id), graph);
    if (!target.empty() && target != resource.id) follows[resource.id] = target;
  }
  std::map<std::string, std::size_t> groupOfKey;
  std::vector<std::string> keyOf(graph.resources.size());
  for (std::size_t r = 0; r < graph.resources.size(); ++r) {
    std::string id = graph.resources[r].id;
    for (std::size_t hops = 0; hops <= follows.size() && follows.count(id) != 0; ++hops) id = follows.at(id);
    keyOf[r] = ownerOf(id);
    groupOfKey.try_emplace(keyOf[r], 0);
  }
  for (auto& [key, index] : groupOfKey) {
    index = graph.groups.size();
    ResourceGroup group;
    group.key = key;
    group.hash = spread(fnv1a64(key));
    graph.groups.push_back(std::move(group));
  }
  for (std::size_t r = 0; r < graph.resources.size(); ++r) {
    const std::size_t g = groupOfKey.at(keyOf[r]);
    graph.resources[r].group = g;
    graph.groups[g].members.push_back(r);
    graph.groups[g].bytes += graph.resources[r].bytes;
  }
  addEdges(graph);
  mergeCycles(graph);
  computeDepths(graph);
  return graph;
}

}  // namespace jaws::emit::split
