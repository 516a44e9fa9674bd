#include "emit/split/ResourceGroups.h"

#include <algorithm>
#include <deque>
#include <unordered_set>

#include "emit/JsonSize.h"
#include "emit/StableHash.h"
#include "emit/split/ComputedAttributes.h"
#include "source/ParallelFor.h"

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
    std::vector<std::size_t>::const_iterator edge;
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

// What ties each resource to others, as resource indices (tiesOf), read
// again whenever the groups change (mergeCycles).
struct Edges {
  std::vector<std::size_t> begin;    // per resource, where its targets start; one more at the end
  std::vector<std::size_t> targets;
};

// Each group's refersTo from `edges`: sorted, distinct, its own group left out.
void addEdges(ResourceGraph& graph, const Edges& edges) {
  for (auto& group : graph.groups) group.refersTo.clear();
  for (std::size_t r = 0; r < graph.resources.size(); ++r) {
    const std::size_t from = graph.resources[r].group;
    for (std::size_t e = edges.begin[r]; e < edges.begin[r + 1]; ++e) {
      const std::size_t to = graph.resources[edges.targets[e]].group;
      if (to != from) graph.groups[from].refersTo.push_back(to);
    }
  }
  for (auto& group : graph.groups) {
    std::sort(group.refersTo.begin(), group.refersTo.end());
    group.refersTo.erase(std::unique(group.refersTo.begin(), group.refersTo.end()), group.refersTo.end());
  }
}

// Groups in one cycle of references cannot be split apart: merge them.
void mergeCycles(ResourceGraph& graph, const Edges& edges) {
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
    group.hash = groupHash(group.key);
    group.merged.assign(keys.begin() + 1, keys.end());
    merged.push_back(std::move(group));
  }
  std::sort(merged.begin(), merged.end(), [](const ResourceGroup& a, const ResourceGroup& b) { return a.key < b.key; });
  graph.groups = std::move(merged);
  for (std::size_t g = 0; g < graph.groups.size(); ++g) {
    for (std::size_t member : graph.groups[g].members) graph.resources[member].group = g;
  }
  addEdges(graph, edges);
}

// The template's resources, sorted by logical ID, and the index by logical ID.
void collectResources(const Json& resources, ResourceGraph& graph) {
  const auto& members = resources.get_ref<const Json::object_t&>();
  std::vector<std::pair<std::string_view, const Json*>> sorted;
  sorted.reserve(members.size());
  for (const auto& [id, body] : members) sorted.emplace_back(id, &body);
  // The emitter writes Resources sorted already: then there is nothing to sort.
  auto byLogicalId = [](const auto& a, const auto& b) { return a.first < b.first; };
  if (!std::is_sorted(sorted.begin(), sorted.end(), byLogicalId)) std::sort(sorted.begin(), sorted.end(), byLogicalId);
  // Reserved first: byId's keys view the IDs where they stay.
  graph.resources.reserve(sorted.size());
  graph.byId.reserve(sorted.size());
  for (const auto& [id, body] : sorted) {
    const std::size_t index = graph.resources.size();
    SplitResource& resource = graph.resources.emplace_back();
    resource.id = std::string(id);
    resource.body = body;
    graph.byId.emplace(resource.id, index);
  }
}

// Links resources[r], read as `reading`, to the template (SplitResource):
// what it refers to, waits for and follows, by index, and what it names that
// the template lacks. `readingAt(index)`: the reading of a resource.
template <typename ReadingAt>
void linkResource(ResourceGraph& graph, std::size_t r, const ResourceReading& reading, const ReadingAt& readingAt) {
  SplitResource& resource = graph.resources[r];
  resource.references.clear();
  resource.cut.clear();
  resource.targets.clear();
  resource.waitsFor.clear();
  resource.unresolved.clear();
  resource.follows = kNotAResource;
  resource.references.reserve(reading.references.size());
  resource.cut.reserve(reading.references.size());
  resource.targets.reserve(reading.references.size());
  for (const auto& ref : reading.references) {
    const auto target = graph.byId.find(ref.target);
    if (target == graph.byId.end()) {
      if (graph.parameters.count(ref.target) == 0) {
        resource.unresolved.push_back(ref.target);
        continue;
      }
      resource.cut.push_back(false);  // a parameter has no attribute to compute
      resource.targets.push_back(kNotAResource);
    } else {
      resource.cut.push_back(isCutAttribute(readingAt(target->second), ref.attribute));
      resource.targets.push_back(target->second);
    }
    resource.references.push_back(ref);
  }
  resource.order = reading.order;
  for (const auto& id : resource.order) {
    const auto target = graph.byId.find(id);
    if (target != graph.byId.end()) {
      resource.waitsFor.push_back(target->second);
    } else {
      resource.unresolved.push_back(id);
    }
  }
  // The first its affinity rules' properties name that the template holds,
  // unless that is itself.
  for (const auto& name : reading.affinity) {
    const auto target = graph.byId.find(name);
    if (target == graph.byId.end()) {
      resource.unresolved.push_back(name);
      continue;
    }
    if (target->second != r) resource.follows = target->second;
    break;
  }
}

// What ties each resource to others: its references that are not cut, and
// its DependsOn.
Edges tiesOf(const ResourceGraph& graph) {
  Edges edges;
  edges.begin.reserve(graph.resources.size() + 1);
  for (const auto& resource : graph.resources) {
    edges.begin.push_back(edges.targets.size());
    for (std::size_t i = 0; i < resource.targets.size(); ++i) {
      if (resource.targets[i] != kNotAResource && !resource.cut[i]) edges.targets.push_back(resource.targets[i]);
    }
    edges.targets.insert(edges.targets.end(), resource.waitsFor.begin(), resource.waitsFor.end());
  }
  edges.begin.push_back(edges.targets.size());
  return edges;
}

// Each resource's group key: its owner, then affinity (a resource follows
// what its rule's property names, through chains of such rules, bounded: a
// loop keeps the last owner). A resource without an owner is keyed by its
// logical ID, kept in `logicalKeys`, which the views point into.
std::vector<std::string_view> groupKeys(const ResourceGraph& graph, const std::map<std::string, std::string>& owners,
                                        std::vector<std::string>& logicalKeys) {
  const std::size_t n = graph.resources.size();
  // Both are sorted by logical ID: walk them together rather than search.
  logicalKeys.assign(n, std::string());
  std::vector<std::string_view> ownerOf(n);
  auto owner = owners.begin();
  std::size_t following = 0;
  for (std::size_t r = 0; r < n; ++r) {
    const std::string& id = graph.resources[r].id;
    while (owner != owners.end() && owner->first < id) ++owner;
    if (owner != owners.end() && owner->first == id) {
      ownerOf[r] = owner->second;
    } else {
      logicalKeys[r] = "logical:" + id;
      ownerOf[r] = logicalKeys[r];
    }
    if (graph.resources[r].follows != kNotAResource) ++following;
  }
  std::vector<std::string_view> keyOf(n);
  for (std::size_t r = 0; r < n; ++r) {
    std::size_t at = r;
    for (std::size_t hops = 0; hops <= following && graph.resources[at].follows != kNotAResource; ++hops) {
      at = graph.resources[at].follows;
    }
    keyOf[r] = ownerOf[at];
  }
  return keyOf;
}

// One group per distinct key, sorted by key; members in logical-ID order.
void formGroups(ResourceGraph& graph, const std::vector<std::string_view>& keyOf) {
  // Number the keys as they come, then in key order: hashing each resource's
  // key once is cheaper than sorting the resources by it.
  std::unordered_map<std::string_view, std::size_t> firstSeen;
  std::vector<std::string_view> keys;
  std::vector<std::size_t> seenOf(keyOf.size());
  for (std::size_t r = 0; r < keyOf.size(); ++r) {
    // One declaration's resources mostly sit side by side: the key just seen
    // is compared before any is hashed.
    if (r > 0 && keyOf[r] == keyOf[r - 1]) {
      seenOf[r] = seenOf[r - 1];
      continue;
    }
    const auto [it, added] = firstSeen.try_emplace(keyOf[r], keys.size());
    if (added) keys.push_back(keyOf[r]);
    seenOf[r] = it->second;
  }
  std::vector<std::size_t> byKey(keys.size());
  for (std::size_t k = 0; k < byKey.size(); ++k) byKey[k] = k;
  std::sort(byKey.begin(), byKey.end(), [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
  std::vector<std::size_t> groupOf(keys.size());
  graph.groups.assign(keys.size(), ResourceGroup{});
  for (std::size_t g = 0; g < byKey.size(); ++g) {
    groupOf[byKey[g]] = g;
    graph.groups[g].key = std::string(keys[byKey[g]]);
    graph.groups[g].hash = groupHash(graph.groups[g].key);
  }
  for (std::size_t r = 0; r < keyOf.size(); ++r) {
    const std::size_t g = groupOf[seenOf[r]];
    graph.resources[r].group = g;
    graph.groups[g].members.push_back(r);
    graph.groups[g].bytes += graph.resources[r].bytes;
  }
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

std::uint64_t groupHash(std::string_view key) { return spread(fnv1a64(key)); }

// Whether a reference to `attribute` of the resource read as `target` is cut
// (ResourceGraph::isCut), from what the reading found computable.
bool isCutAttribute(const ResourceReading& target, const std::string& attribute) {
  const std::string_view wanted = attribute.empty() ? std::string_view("Ref") : std::string_view(attribute);
  return std::find(target.computed.begin(), target.computed.end(), wanted) != target.computed.end();
}

bool ResourceGraph::isCut(const Reference& ref) const {
  const SplitResource* target = find(ref.target);
  return target != nullptr && computed != nullptr && hasComputedAttribute(*computed, *target->body, ref.attribute);
}

std::size_t resourceBytes(const std::string& id, const JsonSize& size) {
  // `    "Id": ` + the value four spaces deeper + `,\n`
  return 4 + id.size() + 4 + size.bytes + 4 * size.lines + 2;
}

ResourceSizes measureResources(const Json& cfnTemplate, ResourceSizes known) {
  // What is known is kept where it is: most of a template, in the language server.
  ResourceSizes sizes = std::move(known);
  if (!cfnTemplate.contains("Resources")) {
    sizes.clear();
    return sizes;
  }
  const auto& resources = cfnTemplate["Resources"].get_ref<const Json::object_t&>();
  sizes.reserve(resources.size());
  if (sizes.empty() && resources.size() >= kResourcesWorthSharing) {
    // A template measured from scratch: its second half by a thread with
    // nothing else to do, if there is one (SharedWork).
    const auto half = resources.begin() + static_cast<std::ptrdiff_t>(resources.size() / 2);
    ResourceSizes second;
    second.reserve(static_cast<std::size_t>(resources.end() - half));
    SharedWork secondHalf([&] {
      for (auto it = half; it != resources.end(); ++it) second.emplace(it->first, measureJson(it->second));
    });
    for (auto it = resources.begin(); it != half; ++it) sizes.emplace(it->first, measureJson(it->second));
    secondHalf.join();
    sizes.merge(second);  // the IDs of an object are distinct
    return sizes;
  }
  for (const auto& [id, resource] : resources) {
    if (sizes.find(id) == sizes.end()) sizes.emplace(id, measureJson(resource));
  }
  // A known size of a resource the template no longer has goes.
  if (sizes.size() != resources.size()) {
    std::unordered_set<std::string_view> ids;
    for (const auto& [id, resource] : resources) ids.insert(id);
    std::erase_if(sizes, [&](const auto& entry) { return ids.count(entry.first) == 0; });
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
  out.computed = computedAttributes(policy.computed, resource);
  return out;
}

std::vector<std::string_view> readResources(const Json& cfnTemplate, const model::Splitting& policy,
                                            ResourceReadings& readings) {
  std::vector<std::string_view> read;
  if (!cfnTemplate.contains("Resources")) return read;
  const Json& resources = cfnTemplate["Resources"];
  readings.reserve(resources.size());
  const auto& members = resources.get_ref<const Json::object_t&>();
  if (readings.empty() && members.size() >= kResourcesWorthSharing) {
    // Every resource read, the second half by a thread with nothing else to
    // do, if there is one (SharedWork); the IDs in the template's order.
    const auto half = members.begin() + static_cast<std::ptrdiff_t>(members.size() / 2);
    ResourceReadings second;
    second.reserve(static_cast<std::size_t>(members.end() - half));
    SharedWork secondHalf([&] {
      for (auto it = half; it != members.end(); ++it) second.emplace(it->first, readResource(it->second, policy));
    });
    for (auto it = members.begin(); it != half; ++it) readings.emplace(it->first, readResource(it->second, policy));
    secondHalf.join();
    readings.merge(second);  // the IDs of an object are distinct
    read.reserve(members.size());
    for (const auto& member : members) read.emplace_back(member.first);
    return read;
  }
  for (const auto& [id, resource] : members) {
    if (readings.count(id) == 0) {
      readings.emplace(id, readResource(resource, policy));
      read.emplace_back(id);
    }
  }
  return read;
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
  collectResources(cfnTemplate["Resources"], graph);
  std::vector<const ResourceReading*> readingOf;
  readingOf.reserve(graph.resources.size());
  for (const auto& resource : graph.resources) readingOf.push_back(&readings.at(resource.id));
  completeResourceGraph(graph, owners, policy, sizes, readings, std::vector<char>(graph.resources.size(), 1), readingOf);
  return graph;
}

void completeResourceGraph(ResourceGraph& graph, const std::map<std::string, std::string>& owners,
                           const model::Splitting& policy, const ResourceSizes& sizes, const ResourceReadings& readings,
                           const std::vector<char>& relink, std::vector<const ResourceReading*>& readingOf) {
  graph.computed = &policy.computed;
  const auto readingAt = [&](std::size_t index) -> const ResourceReading& {
    if (readingOf[index] == nullptr) readingOf[index] = &readings.at(graph.resources[index].id);
    return *readingOf[index];
  };
  for (std::size_t r = 0; r < graph.resources.size(); ++r) {
    SplitResource& resource = graph.resources[r];
    resource.bytes = resourceBytes(resource.id, sizes.at(resource.id));
    if (relink[r] != 0) linkResource(graph, r, readingAt(r), readingAt);
  }
  const Edges edges = tiesOf(graph);
  std::vector<std::string> logicalKeys;
  formGroups(graph, groupKeys(graph, owners, logicalKeys));
  addEdges(graph, edges);
  mergeCycles(graph, edges);
  graph.maxDepth = 0;
  computeDepths(graph);
}

}  // namespace jaws::emit::split
