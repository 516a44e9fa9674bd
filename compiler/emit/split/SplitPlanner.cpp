#include "emit/split/SplitPlanner.h"

#include <algorithm>
#include <limits>
#include <unordered_map>

namespace jaws::emit::split {

namespace {

constexpr std::size_t kRoot = std::numeric_limits<std::size_t>::max();
// Estimated bytes of what a split adds around the resources: a template's
// header, a parameter, an output, a nested stack resource and one of its
// parameters. Every written template is measured exactly afterwards.
constexpr std::size_t kHeaderBytes = 400;
constexpr std::size_t kParameterBytes = 80;
constexpr std::size_t kOutputBytes = 160;
constexpr std::size_t kNestedStackBytes = 400;

// Who refers to a resource's attribute from another group (the root's outputs
// are kRoot): what a template must output when that group is elsewhere.
struct Incoming {
  std::size_t referrer;
  std::size_t value;  // a resource's attribute, numbered (ValueNumbers)
};

// What a group's template takes as a parameter when it lacks it: a template
// parameter, or another group's attribute, numbered (ValueNumbers).
struct Input {
  std::size_t value;
  std::size_t group;  // kRoot for a template parameter: never in the same template
};

// Numbers for the values templates pass each other, so that a template's
// distinct ones are counted with marks: a template parameter by name, a
// resource's attribute by the resource's index and the attribute (kept per
// resource: no "Id.Attribute" string is built per reference). The names are
// views: what they view must outlive this.
class ValueNumbers {
 public:
  explicit ValueNumbers(std::size_t resources) : attributes_(resources) {}

  std::size_t parameter(std::string_view name) {
    const auto [it, added] = parameters_.try_emplace(name, count_);
    if (added) ++count_;
    return it->second;
  }
  std::size_t attribute(std::size_t resource, std::string_view attribute) {
    auto& known = attributes_[resource];
    for (const auto& [name, value] : known) {
      if (name == attribute) return value;
    }
    known.emplace_back(attribute, count_);
    return count_++;
  }
  std::size_t count() const { return count_; }

 private:
  std::unordered_map<std::string_view, std::size_t> parameters_;
  std::vector<std::vector<std::pair<std::string_view, std::size_t>>> attributes_;  // per resource
  std::size_t count_ = 0;
};

// Whether a template parameter has a resource's name (a template that could
// not deploy, but planned all the same).
bool parameterShadowsResource(const ResourceGraph& graph) {
  for (const auto& name : graph.parameters) {
    if (graph.find(name) != nullptr) return true;
  }
  return false;
}

class Planner {
 public:
  Planner(ResourceGraph graph, const Json& cfnTemplate, const model::Splitting& policy)
      : graph_(std::move(graph)),
        policy_(policy),
        inSet_(graph_.groups.size(), 0),
        incoming_(graph_.groups.size()),
        inputs_(graph_.groups.size()) {
    // Declared before `values`, whose names view its references' attributes.
    std::vector<Reference> outputRefs;
    ValueNumbers values(graph_.resources.size());
    const bool shadowed = parameterShadowsResource(graph_);
    for (const auto& resource : graph_.resources) {
      for (std::size_t i = 0; i < resource.references.size(); ++i) {
        const Reference& ref = resource.references[i];
        const std::size_t to = resource.targets[i];
        // A parameter first: the graph found it among the resources only if
        // one has its name too (`shadowed`), which is then asked as before.
        if (to == kNotAResource || (shadowed && graph_.parameters.count(ref.target) != 0)) {
          inputs_[resource.group].push_back({values.parameter(ref.target), kRoot});
          continue;
        }
        const std::size_t group = graph_.resources[to].group;
        if (group == resource.group || resource.cut[i]) continue;
        const std::size_t value = values.attribute(to, ref.attribute);
        inputs_[resource.group].push_back({value, group});
        incoming_[group].push_back({resource.group, value});
      }
    }
    if (cfnTemplate.contains("Outputs")) {
      collectReferences(cfnTemplate["Outputs"], outputRefs);
      for (const auto& ref : outputRefs) {
        const auto target = graph_.byId.find(ref.target);
        if (target != graph_.byId.end() && !graph_.isCut(ref)) {
          incoming_[graph_.resources[target->second].group].push_back({kRoot, values.attribute(target->second, ref.attribute)});
        }
      }
      rootOutputs_ = cfnTemplate["Outputs"].size();
    }
    inputSeen_.assign(values.count(), 0);
    outputSeen_.assign(values.count(), 0);
    rootParameters_ = graph_.parameters.size() + (graph_.parameters.count("CodeBucket") ? 0 : 1);
  }

  SplitPlan run() {
    SplitPlan plan;
    const std::size_t deepest = graph_.maxDepth + 1;
    for (std::size_t tiers = 1; tiers <= deepest; ++tiers) {
      plan = SplitPlan{};
      plan.templates.push_back(PlannedTemplate{});
      std::vector<std::size_t> rootGroups;
      for (std::size_t tier = 0; tier < tiers; ++tier) {
        std::vector<std::size_t> groups;
        for (std::size_t g = 0; g < graph_.groups.size(); ++g) {
          if (graph_.groups[g].depth == tier) groups.push_back(g);
        }
        std::sort(groups.begin(), groups.end(), [&](std::size_t a, std::size_t b) {
          return graph_.groups[a].hash != graph_.groups[b].hash ? graph_.groups[a].hash < graph_.groups[b].hash
                                                                : graph_.groups[a].key < graph_.groups[b].key;
        });
        partition(tier, groups, 0, groups.size(), 0, "", plan);
      }
      for (std::size_t g = 0; g < graph_.groups.size(); ++g) {
        if (graph_.groups[g].depth >= tiers) rootGroups.push_back(g);
      }
      plan.templates[0].groups = rootGroups;
      plan.templates[0].predicted = rootCost(rootGroups, plan.templates.size() - 1);
      if (fits(plan.templates[0].predicted) || tiers == deepest) {
        if (!fits(plan.templates[0].predicted)) {
          plan.problems.push_back({SplitProblem::Kind::RootTooLarge, "", {}, amount(plan.templates[0].predicted),
                                   limitText(plan.templates[0].predicted)});
        }
        break;
      }
    }
    std::sort(plan.templates.begin() + 1, plan.templates.end(),
              [](const PlannedTemplate& a, const PlannedTemplate& b) { return a.name < b.name; });
    plan.templateOf.assign(graph_.groups.size(), 0);
    for (std::size_t t = 0; t < plan.templates.size(); ++t) {
      for (std::size_t g : plan.templates[t].groups) plan.templateOf[g] = t;
    }
    plan.graph = std::move(graph_);
    return plan;
  }

 private:
  bool fits(const TemplateCounts& c) const {
    const auto& t = policy_.targets;
    auto within = [](std::size_t value, const std::optional<std::int64_t>& limit) {
      return !limit || static_cast<std::int64_t>(value) <= *limit;
    };
    return within(c.resources, t.resources) && within(c.bytes, t.bytes) && within(c.parameters, t.parameters) &&
           within(c.outputs, t.outputs);
  }

  // The first amount over its target, for a message: "520 resources".
  std::string amount(const TemplateCounts& c) const { return overTarget(c).first; }
  std::string limitText(const TemplateCounts& c) const { return overTarget(c).second; }
  std::pair<std::string, std::string> overTarget(const TemplateCounts& c) const {
    return firstOverBound(c, policy_.targets).value_or(std::pair<std::string, std::string>{});
  }

  // The counts of a nested stack holding `groups`.
  TemplateCounts cost(const std::vector<std::size_t>& groups, std::size_t begin, std::size_t end) {
    TemplateCounts c;
    for (std::size_t i = begin; i < end; ++i) inSet_[groups[i]] = 1;
    // Distinct values counted with marks stamped by this call's generation:
    // no set is built or cleared per call (the trie asks for every tier's
    // groups at every depth).
    ++generation_;
    std::size_t inputs = 0, outputs = 0;
    for (std::size_t i = begin; i < end; ++i) {
      const ResourceGroup& group = graph_.groups[groups[i]];
      c.resources += group.members.size();
      c.bytes += group.bytes;
      for (const Input& in : inputs_[groups[i]]) {
        if (in.group != kRoot && inSet_[in.group]) continue;
        if (inputSeen_[in.value] != generation_) {
          inputSeen_[in.value] = generation_;
          ++inputs;
        }
      }
      for (const auto& in : incoming_[groups[i]]) {
        if (in.referrer != kRoot && inSet_[in.referrer]) continue;
        if (outputSeen_[in.value] != generation_) {
          outputSeen_[in.value] = generation_;
          ++outputs;
        }
      }
    }
    for (std::size_t i = begin; i < end; ++i) inSet_[groups[i]] = 0;
    c.parameters = inputs;
    c.outputs = outputs;
    c.bytes += kHeaderBytes + c.parameters * kParameterBytes + c.outputs * kOutputBytes;
    return c;
  }

  TemplateCounts rootCost(const std::vector<std::size_t>& groups, std::size_t nested) const {
    TemplateCounts c;
    for (std::size_t g : groups) {
      c.resources += graph_.groups[g].members.size();
      c.bytes += graph_.groups[g].bytes;
    }
    c.resources += nested;
    c.parameters = rootParameters_;
    c.outputs = rootOutputs_;
    c.bytes += kHeaderBytes + c.parameters * kParameterBytes + c.outputs * kOutputBytes + nested * kNestedStackBytes;
    return c;
  }

  void partition(std::size_t tier, const std::vector<std::size_t>& groups, std::size_t begin, std::size_t end,
                 std::size_t bit, const std::string& bits, SplitPlan& plan) {
    if (begin == end) return;
    const TemplateCounts c = cost(groups, begin, end);
    if (!fits(c) && end - begin > 1 && bit < 64) {
      const std::uint64_t mask = std::uint64_t{1} << (63 - bit);
      std::size_t middle = begin;
      while (middle < end && (graph_.groups[groups[middle]].hash & mask) == 0) ++middle;
      partition(tier, groups, begin, middle, bit + 1, bits + "0", plan);
      partition(tier, groups, middle, end, bit + 1, bits + "1", plan);
      return;
    }
    if (!fits(c)) {
      const ResourceGroup& group = graph_.groups[groups[begin]];
      plan.problems.push_back({SplitProblem::Kind::GroupTooLarge, group.key, group.merged, amount(c), limitText(c)});
    }
    PlannedTemplate nested;
    nested.name = nestedStackName(tier, bits);
    while (taken(nested.name)) nested.name += "Nested";
    nested.tier = tier;
    nested.groups.assign(groups.begin() + static_cast<std::ptrdiff_t>(begin), groups.begin() + static_cast<std::ptrdiff_t>(end));
    std::sort(nested.groups.begin(), nested.groups.end());
    nested.predicted = c;
    plan.templates.push_back(std::move(nested));
  }

  // Whether the template has a resource or parameter of that name already:
  // asked of the graph's indexes rather than of a set of every name built
  // per plan (a nested stack's name almost never clashes).
  bool taken(const std::string& name) const {
    return graph_.find(name) != nullptr || graph_.parameters.count(name) != 0;
  }

  ResourceGraph graph_;
  const model::Splitting& policy_;
  std::vector<char> inSet_;
  std::vector<std::vector<Incoming>> incoming_;  // per group
  std::vector<std::vector<Input>> inputs_;       // per group: its members' references, in member order
  std::vector<std::size_t> inputSeen_, outputSeen_;  // per value (ValueNumbers): the generation that counted it
  std::size_t generation_ = 0;
  std::size_t rootParameters_ = 0, rootOutputs_ = 0;
};

}  // namespace

std::optional<std::pair<std::string, std::string>> firstOverBound(const TemplateCounts& c, const model::TemplateQuota& bounds) {
  const std::pair<std::size_t, const std::optional<std::int64_t>*> amounts[] = {
      {c.resources, &bounds.resources}, {c.bytes, &bounds.bytes}, {c.parameters, &bounds.parameters}, {c.outputs, &bounds.outputs}};
  const char* units[] = {"resources", "bytes", "parameters", "outputs"};
  for (std::size_t i = 0; i < 4; ++i) {
    const auto& limit = *amounts[i].second;
    if (limit && static_cast<std::int64_t>(amounts[i].first) > *limit) {
      return std::make_pair(std::to_string(amounts[i].first) + " " + units[i], std::to_string(*limit) + " " + units[i]);
    }
  }
  return std::nullopt;
}

std::string nestedStackName(std::size_t tier, const std::string& bits) {
  std::string kept = bits;
  while (!kept.empty() && kept.back() == '0') kept.pop_back();
  return (tier == 0 ? std::string() : "Tier" + std::to_string(tier)) + "Part" + kept;
}

SplitPlan planSplit(const Json& cfnTemplate, const std::map<std::string, std::string>& owners,
                    const model::Splitting& policy, const ResourceSizes& sizes, const ResourceReadings& readings) {
  return planSplit(buildResourceGraph(cfnTemplate, owners, policy, sizes, readings), cfnTemplate, policy);
}

SplitPlan planSplit(ResourceGraph graph, const Json& cfnTemplate, const model::Splitting& policy) {
  return Planner(std::move(graph), cfnTemplate, policy).run();
}

SplitPlan planSplit(const Json& cfnTemplate, const std::map<std::string, std::string>& owners,
                    const model::Splitting& policy) {
  ResourceReadings readings;
  readResources(cfnTemplate, policy, readings);
  return planSplit(cfnTemplate, owners, policy, measureResources(cfnTemplate), readings);
}

}  // namespace jaws::emit::split
