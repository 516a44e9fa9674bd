#include "emit/split/SplitWriter.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "emit/JsonObjects.h"
#include "emit/cloudformation/CodeParameters.h"
#include "emit/split/ComputedAttributes.h"

namespace jaws::emit::split {

namespace {

constexpr std::size_t kRoot = 0;

std::string alphanumeric(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c))) out += c;
  }
  return out;
}

std::string valueName(const Reference& ref) { return ref.target + alphanumeric(ref.attribute); }

Json oneOrList(const std::vector<std::string>& names) {
  if (names.size() == 1) return names.front();
  Json out = Json::array();
  for (const auto& name : names) out.push_back(name);
  return out;
}

class Writer {
 public:
  Writer(const Json& cfnTemplate, const SplitPlan& plan, const model::Splitting& policy)
      : template_(cfnTemplate), plan_(plan), graph_(plan.graph), policy_(policy), inputs_(plan.templates.size()),
        outputs_(plan.templates.size()), dependencies_(plan.templates.size()) {}

  WrittenSplit write(const std::function<std::string(const Json&)>& keyOf) {
    collect();
    nameValues();
    WrittenSplit out;
    for (std::size_t t = 1; t < plan_.templates.size(); ++t) {
      Json document = nestedDocument(t);
      const std::string key = keyOf(document);
      out.nested.push_back({plan_.templates[t].name, std::move(document), key});
    }
    out.root = rootDocument(out.nested);
    return out;
  }

 private:
  std::size_t templateOf(const std::string& id) const {
    const SplitResource* resource = graph_.find(id);
    return resource == nullptr ? kRoot : plan_.templateOf[resource->group];
  }
  bool isParameter(const std::string& name) const { return graph_.parameters.count(name) != 0; }
  const std::string& nameOf(std::size_t t) const { return plan_.templates[t].name; }

  // Which values cross templates: each nested template's parameters, each
  // template's outputs, and the stacks each nested stack must wait for.
  void collect() {
    for (const auto& resource : graph_.resources) {
      const std::size_t from = plan_.templateOf[resource.group];
      for (std::size_t i = 0; i < resource.references.size(); ++i) {
        const Reference& ref = resource.references[i];
        if (isParameter(ref.target)) {
          if (from != kRoot) inputs_[from][ref];
          continue;
        }
        const std::size_t to = templateOf(ref.target);
        if (to == from || resource.cut[i]) continue;
        if (from != kRoot) inputs_[from][ref];
        if (to != kRoot) outputs_[to][ref];
      }
      for (const auto& id : resource.order) {
        const std::size_t to = templateOf(id);
        if (to != from && from != kRoot) dependencies_[from].insert(to == kRoot ? id : nameOf(to));
      }
    }
    if (template_.contains("Outputs")) {
      std::vector<Reference> refs;
      collectReferences(template_["Outputs"], refs);
      for (const auto& ref : refs) {
        const std::size_t to = templateOf(ref.target);
        if (graph_.find(ref.target) != nullptr && to != kRoot && !graph_.isCut(ref)) outputs_[to][ref];
      }
    }
  }

  void nameValues() {
    for (std::size_t t = 1; t < plan_.templates.size(); ++t) {
      std::set<std::string> taken(graph_.parameters.begin(), graph_.parameters.end());
      for (std::size_t g : plan_.templates[t].groups) {
        for (std::size_t member : graph_.groups[g].members) taken.insert(graph_.resources[member].id);
      }
      for (auto& [ref, name] : inputs_[t]) {
        if (isParameter(ref.target)) {
          name = ref.target;
          continue;
        }
        name = valueName(ref);
        while (taken.count(name) != 0) name += "Value";
        taken.insert(name);
      }
      std::set<std::string> outputNames;
      for (auto& [ref, name] : outputs_[t]) {
        name = valueName(ref);
        while (outputNames.count(name) != 0) name += "Value";
        outputNames.insert(name);
      }
    }
  }

  Replacement crossing(const Reference& ref, std::size_t from) const {
    if (isPseudoParameter(ref.target) || isParameter(ref.target)) return Replacement::keep();
    const SplitResource* target = graph_.find(ref.target);
    if (target == nullptr) return Replacement::keep();
    const std::size_t to = plan_.templateOf[target->group];
    if (to == from) return Replacement::keep();
    if (auto text = computedAttribute(policy_.computed, *target->body, ref.attribute)) return Replacement::subText(*text);
    if (from != kRoot) return Replacement::ref(inputs_[from].at(ref));
    return Replacement::getAtt(nameOf(to), "Outputs." + outputs_[to].at(ref));
  }

  Json rewritten(const SplitResource& resource, std::size_t in) const {
    Json body = rewriteReferences(*resource.body, [&](const Reference& ref) { return crossing(ref, in); });
    if (resource.order.empty()) return body;
    std::vector<std::string> kept;
    for (const auto& id : resource.order) {
      const std::size_t to = templateOf(id);
      const std::string name = to == in ? id : nameOf(to);
      if (in == kRoot || to == in) {
        if (std::find(kept.begin(), kept.end(), name) == kept.end()) kept.push_back(name);
      }
    }
    if (kept.empty()) {
      body.erase("DependsOn");
    } else {
      body["DependsOn"] = oneOrList(kept);
    }
    return body;
  }

  std::string description(std::size_t t) const {
    const std::string base = template_.value("Description", "");
    return base + ", nested stack " + nameOf(t);
  }

  Json nestedDocument(std::size_t t) const {
    Json doc = Json::object();
    doc["AWSTemplateFormatVersion"] = template_.value("AWSTemplateFormatVersion", "2010-09-09");
    doc["Description"] = description(t);
    std::map<std::string, Json> parameters;
    for (const auto& [ref, name] : inputs_[t]) {
      if (isParameter(ref.target)) {
        Json definition = template_["Parameters"][ref.target];
        definition.erase("Default");  // the root passes its value
        parameters[name] = definition;
        continue;
      }
      const std::size_t from = templateOf(ref.target);
      const std::string source = from == kRoot ? "the root stack" : "nested stack " + nameOf(from);
      const std::string what = ref.attribute.empty() ? "Ref " + ref.target : ref.target + "." + ref.attribute;
      parameters[name] = Json{{"Type", "String"}, {"Description", what + ", from " + source}};
    }
    if (!parameters.empty()) {
      Json section = Json::object();
      for (auto& [name, definition] : parameters) appendMember(section, name, std::move(definition));
      doc["Parameters"] = std::move(section);
    }
    std::map<std::string, Json> resources;
    for (std::size_t g : plan_.templates[t].groups) {
      for (std::size_t member : graph_.groups[g].members) {
        resources[graph_.resources[member].id] = rewritten(graph_.resources[member], t);
      }
    }
    Json section = Json::object();
    for (auto& [id, body] : resources) appendMember(section, id, std::move(body));
    doc["Resources"] = std::move(section);
    if (!outputs_[t].empty()) {
      std::map<std::string, Json> outputs;
      for (const auto& [ref, name] : outputs_[t]) {
        const Json value = ref.attribute.empty() ? Json{{"Ref", ref.target}}
                                                 : Json{{"Fn::GetAtt", Json::array({ref.target, ref.attribute})}};
        outputs[name] = Json{{"Value", value}};
      }
      Json out = Json::object();
      for (auto& [name, output] : outputs) appendMember(out, name, std::move(output));
      doc["Outputs"] = std::move(out);
    }
    return doc;
  }

  Json nestedStack(std::size_t t, const std::string& key) const {
    std::map<std::string, Json> parameters;
    std::set<std::string> implied;
    for (const auto& [ref, name] : inputs_[t]) {
      if (isParameter(ref.target)) {
        parameters[name] = Json{{"Ref", ref.target}};
        continue;
      }
      const std::size_t from = templateOf(ref.target);
      if (from == kRoot) {
        parameters[name] = ref.attribute.empty() ? Json{{"Ref", ref.target}}
                                                 : Json{{"Fn::GetAtt", Json::array({ref.target, ref.attribute})}};
        implied.insert(ref.target);
      } else {
        parameters[name] = Json{{"Fn::GetAtt", Json::array({nameOf(from), "Outputs." + outputs_[from].at(ref)})}};
        implied.insert(nameOf(from));
      }
    }
    Json stack = Json{{"Type", "AWS::CloudFormation::Stack"}};
    std::vector<std::string> waits;
    for (const auto& name : dependencies_[t]) {
      if (implied.count(name) == 0) waits.push_back(name);
    }
    if (!waits.empty()) stack["DependsOn"] = oneOrList(waits);
    Json properties = Json::object();
    if (!parameters.empty()) {
      Json values = Json::object();
      for (auto& [name, value] : parameters) appendMember(values, name, std::move(value));
      properties["Parameters"] = std::move(values);
    }
    properties["TemplateURL"] = templateUrl(key);
    stack["Properties"] = std::move(properties);
    return stack;
  }

  Json rootDocument(const std::vector<WrittenNested>& nested) const {
    Json doc = Json::object();
    for (const auto& item : template_.items()) {
      if (item.key() != "Resources" && item.key() != "Outputs") doc[item.key()] = item.value();
    }
    std::map<std::string, Json> resources;
    for (std::size_t g : plan_.templates[kRoot].groups) {
      for (std::size_t member : graph_.groups[g].members) {
        resources[graph_.resources[member].id] = rewritten(graph_.resources[member], kRoot);
      }
    }
    for (std::size_t t = 1; t < plan_.templates.size(); ++t) resources[nameOf(t)] = nestedStack(t, nested[t - 1].key);
    Json section = Json::object();
    for (auto& [id, body] : resources) appendMember(section, id, std::move(body));
    doc["Resources"] = std::move(section);
    if (template_.contains("Outputs")) {
      doc["Outputs"] = rewriteReferences(template_["Outputs"], [&](const Reference& ref) { return crossing(ref, kRoot); });
    }
    return doc;
  }

  const Json& template_;
  const SplitPlan& plan_;
  const ResourceGraph& graph_;
  const model::Splitting& policy_;
  std::vector<std::map<Reference, std::string>> inputs_;   // per nested template: value -> parameter name
  std::vector<std::map<Reference, std::string>> outputs_;  // per template: value -> output name
  std::vector<std::set<std::string>> dependencies_;        // per nested template: what it waits for
};

}  // namespace

Json templateUrl(const std::string& key) {
  return Json{{"Fn::Sub", "https://${" + std::string(kCodeBucketParameter) + "}.s3.${AWS::Region}.${AWS::URLSuffix}/" + key}};
}

WrittenSplit writeSplit(const Json& cfnTemplate, const SplitPlan& plan, const model::Splitting& policy,
                        const std::function<std::string(const Json&)>& keyOf) {
  return Writer(cfnTemplate, plan, policy).write(keyOf);
}

}  // namespace jaws::emit::split
