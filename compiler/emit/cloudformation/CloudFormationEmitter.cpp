#include "emit/cloudformation/CloudFormationEmitter.h"

#include <iterator>

#include <fmt/format.h>

#include "emit/JsonObjects.h"
#include "emit/JsonText.h"
#include "emit/cloudformation/CfnNames.h"
#include "emit/cloudformation/CfnValues.h"
#include "emit/cloudformation/CodeParameters.h"
#include "emit/cloudformation/TemplateResources.h"
#include "emit/cloudformation/events/EventResources.h"
#include "source/ParallelFor.h"

namespace jaws::emit {

namespace {

std::string templateDescription(const model::Stack& stack) {
  const std::string where = fmt::format("stage {}, region {}", stack.stage.name, stack.stage.region);
  if (stack.project.description.empty()) return fmt::format("{} ({})", stack.project.name, where);
  return fmt::format("{} ({})", stack.project.description, where);
}

Json parameters(const std::vector<CodeParameter>& code) {
  Json out = Json::object();
  if (code.empty()) return out;  // an unused parameter is a lint warning
  out[kCodeBucketParameter] = codeBucketParameter();
  for (const auto& parameter : code) {
    Json entry = Json{{"Type", "String"}};
    if (parameter.key) entry["Default"] = *parameter.key;
    entry["Description"] = fmt::format("S3 key of the code package of source folder {}", parameter.source);
    out[parameter.name] = entry;
  }
  return out;
}

Json outputs(const model::Stack& stack) {
  std::map<std::string, Json> sorted;
  for (const auto& output : stack.outputs) {
    Json entry = Json::object();
    if (!output.description.empty()) entry["Description"] = output.description;
    entry["Value"] = cfnString(output.value, stack);
    if (output.exportName) entry["Export"] = Json{{"Name", *output.exportName}};
    sorted[names::output(output.name)] = entry;
  }
  return sortedObject(std::move(sorted));
}

// Stacks with fewer functions are emitted on one thread: sharing the work
// costs more than it saves.
constexpr std::size_t kFunctionsWorthSharing = 100;

// Moves the resources one declaration emitted into the template's, and
// records that declaration as their owner. The one place that says who owns
// what: a loop over a new kind of declaration emits through this too, and a
// resource nobody claims is kept apart by the splitter.
//
// `emitted` comes in key order, and one declaration's resources mostly sit
// side by side among all of them (Fn1Function, Fn1LogGroup, Fn1Role): each
// is inserted with the place after the previous one as its hint, which the
// map confirms in two comparisons instead of a search from the root (a
// wrong hint only costs those two).
void claim(ResourceMap& emitted, const std::string& owner, ResourceMap& resources, std::map<std::string, std::string>& owners) {
  auto resourceHint = resources.end();
  auto ownerHint = owners.end();
  while (!emitted.empty()) {
    auto node = emitted.extract(emitted.begin());  // moved whole: no key or value copied
    const auto position = resources.insert(resourceHint, std::move(node));
    if (!node.empty()) position->second = std::move(node.mapped());  // not inserted: the later one wins
    resourceHint = std::next(position);
    // Not insert_or_assign: with a hint, libstdc++'s looks for the place twice.
    const auto owned = owners.emplace_hint(ownerHint, position->first, owner);
    if (owned->second != owner) owned->second = owner;  // claimed before: the later one wins
    ownerHint = std::next(owned);
  }
}

// Takes the resources emitted before for `owner` into `emitted`, if there
// are any.
bool takeEmitted(std::map<std::string, ResourceMap>* before, const std::string& owner, ResourceMap& emitted) {
  if (before == nullptr) return false;
  auto it = before->find(owner);
  if (it == before->end()) return false;
  emitted = std::move(it->second);
  before->erase(it);
  return true;
}

}  // namespace

Json emitCloudFormation(const model::Stack& stack, const std::map<std::string, std::string>& codeKeys) {
  return emitTemplate(stack, codeKeys).document;
}

EmittedTemplate emitTemplate(const model::Stack& stack, const std::map<std::string, std::string>& codeKeys,
                             ContentHashes hashes, std::map<std::string, ResourceMap>* before) {
  EmittedTemplate out;
  const auto code = codeParameters(stack, codeKeys);
  auto emitFunctions = [&](ResourceMap& resources, std::map<std::string, std::string>& owners) {
    ResourceMap emitted;
    for (const auto& fn : stack.functions) {
      const std::string owner = "function:" + fn.name;
      if (!takeEmitted(before, owner, emitted)) {
        std::string parameter;
        for (const auto& candidate : code) {
          if (candidate.source == fn.source) parameter = candidate.name;
        }
        addFunctionResources(stack, fn, parameter, emitted);
        addFunctionUrlResources(stack, fn, emitted);
      }
      claim(emitted, owner, resources, owners);
    }
  };
  auto emitApisAndResources = [&](ResourceMap& resources, std::map<std::string, std::string>& owners) {
    ResourceMap emitted;
    for (const auto& api : stack.apis) {
      const std::string owner = "api:" + api.name;
      if (!takeEmitted(before, owner, emitted)) {
        if (api.kind == model::ApiKind::Http) {
          addHttpApiResources(stack, api, emitted);
        } else {
          addApiResources(stack, api, emitted, hashes);
        }
      }
      claim(emitted, owner, resources, owners);
    }
    for (const auto& resource : stack.resources) {
      const std::string owner = "resource:" + resource.name;
      if (!takeEmitted(before, owner, emitted)) addRawResource(stack, resource, emitted);
      claim(emitted, owner, resources, owners);
    }
  };
  ResourceMap resources;
  if (before == nullptr && stack.functions.size() >= kFunctionsWorthSharing && !stack.apis.empty()) {
    // The functions, and the APIs and resources, are emitted apart: a thread
    // of the check or build with nothing left to do takes one part
    // (SharedWork). Claimed after the functions, as when emitted in turn,
    // the second part's logical IDs win over the same IDs of the first.
    std::map<std::string, std::string> laterOwners;
    ResourceMap later;
    SharedWork functions([&] { emitFunctions(resources, out.owners); });
    emitApisAndResources(later, laterOwners);
    functions.join();
    resources.merge(later);  // moves the nodes; an ID both parts have stays in `later`
    for (auto& [id, body] : later) resources[id] = std::move(body);
    out.owners.merge(laterOwners);
    for (auto& [id, owner] : laterOwners) out.owners[id] = std::move(owner);
  } else {
    emitFunctions(resources, out.owners);
    emitApisAndResources(resources, out.owners);
  }
  // Event sources also change resources already emitted (a function's role, a
  // bucket's notifications), so they work on the whole map; what they add
  // stays with the function it invokes, and a dead-letter queue's policy with
  // the queue, when a stack is split.
  addEventResources(stack, resources);
  for (const auto& fn : stack.functions) {
    for (const auto& id : eventLogicalIds(fn)) {
      if (resources.contains(id)) out.owners.emplace(id, "function:" + fn.name);
    }
  }
  for (const auto& [id, queue] : stackEventLogicalIds(stack)) {
    if (resources.contains(id)) out.owners.emplace(id, "resource:" + queue);
  }

  Json doc = Json::object();
  reserveMembers(doc, 5);  // growing would copy the resources
  doc["AWSTemplateFormatVersion"] = "2010-09-09";
  doc["Description"] = templateDescription(stack);
  Json params = parameters(code);
  if (!params.empty()) doc["Parameters"] = params;
  doc["Resources"] = sortedObject(std::move(resources));
  Json outs = outputs(stack);
  if (!outs.empty()) doc["Outputs"] = outs;
  out.document = std::move(doc);
  return out;
}

std::string serializeJson(const Json& document) {
  // What dump(2, ' ', false, replace) writes, faster (JsonText.h). Invalid
  // UTF-8 cannot reach here (sources are validated); it is replaced rather
  // than thrown if it ever does.
  std::string text;
  appendIndentedJson(document, text);
  text += '\n';
  return text;
}

}  // namespace jaws::emit
