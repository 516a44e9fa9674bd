#include "emit/split/RootOrdering.h"

#include <algorithm>
#include <map>
#include <set>

#include "emit/split/TemplateReferences.h"

namespace jaws::emit::split {

namespace {

class RootGraph {
 public:
  explicit RootGraph(const Json& root) {
    for (const auto& item : root["Resources"].items()) {
      std::vector<Reference> refs;
      collectReferences(item.value(), refs);
      std::set<std::string>& deps = dependsOn_[item.key()];
      for (const auto& ref : refs) deps.insert(ref.target);
      for (const auto& id : dependsOn(item.value())) deps.insert(id);
      if (item.value().value("Type", "") == "AWS::CloudFormation::Stack") stacks_.insert(item.key());
    }
    for (const auto& [id, deps] : dependsOn_) {
      for (const auto& dep : deps) {
        if (dependsOn_.count(dep) != 0) dependents_[dep].insert(id);
      }
    }
  }

  bool isStack(const std::string& id) const { return stacks_.count(id) != 0; }
  const std::set<std::string>& dependents(const std::string& id) const {
    static const std::set<std::string> none;
    auto it = dependents_.find(id);
    return it == dependents_.end() ? none : it->second;
  }
  // Whether `from` waits, directly or not, for `to`.
  bool waitsFor(const std::string& from, const std::string& to) const {
    std::set<std::string> seen;
    std::vector<std::string> stack{from};
    while (!stack.empty()) {
      const std::string id = stack.back();
      stack.pop_back();
      if (id == to) return true;
      if (!seen.insert(id).second) continue;
      auto it = dependsOn_.find(id);
      if (it == dependsOn_.end()) continue;
      for (const auto& dep : it->second) {
        if (dependsOn_.count(dep) != 0) stack.push_back(dep);
      }
    }
    return false;
  }
  void addWait(const std::string& from, const std::string& to) {
    dependsOn_[from].insert(to);
    dependents_[to].insert(from);
  }

 private:
  std::map<std::string, std::set<std::string>> dependsOn_, dependents_;
  std::set<std::string> stacks_;
};

}  // namespace

void keepOrder(Json& root, const std::vector<std::pair<std::string, std::string>>& orders) {
  if (orders.empty() || !root.contains("Resources")) return;
  RootGraph graph(root);
  std::map<std::string, std::set<std::string>> added;  // resource -> nested stacks it now waits for
  for (const auto& [referrer, stack] : orders) {
    std::set<std::string> seen;
    std::vector<std::string> pending(graph.dependents(referrer).begin(), graph.dependents(referrer).end());
    while (!pending.empty()) {
      const std::string id = pending.front();
      pending.erase(pending.begin());
      if (graph.isStack(id) || !seen.insert(id).second) continue;
      if (graph.waitsFor(id, stack)) continue;  // already waits
      if (graph.waitsFor(stack, id)) {         // would close a cycle: its dependents wait instead
        for (const auto& next : graph.dependents(id)) pending.push_back(next);
        continue;
      }
      graph.addWait(id, stack);
      added[id].insert(stack);
    }
  }
  Json& resources = root["Resources"];
  for (auto& item : resources.items()) {
    auto it = added.find(item.key());
    if (it == added.end()) continue;
    std::vector<std::string> names = dependsOn(item.value());
    for (const auto& stack : it->second) {
      if (std::find(names.begin(), names.end(), stack) == names.end()) names.push_back(stack);
    }
    std::sort(names.begin(), names.end());
    Json value = names.size() == 1 ? Json(names.front()) : Json(names);
    // DependsOn goes after Type, where the emitter writes it.
    Json resource = Json::object();
    for (auto& member : item.value().items()) {
      if (member.key() == "DependsOn") continue;
      resource[member.key()] = std::move(member.value());
      if (member.key() == "Type") resource["DependsOn"] = value;
    }
    item.value() = std::move(resource);
  }
}

}  // namespace jaws::emit::split
