// The entry point of the events' CloudFormation: each function's events in
// order, by kind (one file each), their role statements added to the
// function's role, then what belongs to a whole stack (bucket notifications,
// dead-letter queue policies).
#include <set>

#include "emit/cloudformation/CfnNames.h"
#include "emit/cloudformation/events/EventKinds.h"
#include "model/LogicalIds.h"

namespace jaws::emit {

namespace {

template <typename... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <typename... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

std::vector<std::string> idsOf(const model::Event& event, const std::string& stem) {
  using namespace events;
  return std::visit(Overloaded{[&](const model::SqsEvent&) { return sqsIds(stem); },
                               [&](const model::StreamEvent&) { return streamIds(stem); },
                               [&](const model::SnsEvent&) { return snsIds(stem); },
                               [&](const model::S3Event&) { return s3Ids(stem); },
                               [&](const model::RuleEvent&) { return ruleIds(stem); },
                               [&](const model::ScheduleEvent&) { return scheduleIds(stem); }},
                    event.detail);
}

void emitEvent(const events::EventContext& c, events::EventOutput& out) {
  using namespace events;
  std::visit(Overloaded{[&](const model::SqsEvent& e) { emitSqs(c, e, out); },
                        [&](const model::StreamEvent& e) { emitStream(c, e, out); },
                        [&](const model::SnsEvent& e) { emitSns(c, e, out); },
                        [&](const model::S3Event& e) { emitS3(c, e, out); },
                        [&](const model::RuleEvent& e) { emitRule(c, e, out); },
                        [&](const model::ScheduleEvent& e) { emitSchedule(c, e, out); }},
             c.event.detail);
}

// The function's role (FunctionResources.cpp) holds one inline policy; the
// events' statements follow its own, each once.
void addRoleStatements(const model::Function& fn, const std::vector<Json>& statements, ResourceMap& resources) {
  auto role = resources.find(names::role(fn.name));
  if (statements.empty() || role == resources.end()) return;
  Json& list = role->second["Properties"]["Policies"][0]["PolicyDocument"]["Statement"];
  std::set<std::string> seen;
  for (const auto& s : list) seen.insert(s.dump());
  for (const auto& s : statements) {
    if (seen.insert(s.dump()).second) list.push_back(s);
  }
}

}  // namespace

namespace events {

std::vector<std::string> eventStems(const model::Function& fn) {
  std::set<std::string> used;
  for (std::size_t i = 0; i < fn.schedules.size(); ++i) used.insert(names::scheduleStem(fn.name, i));
  std::size_t schedules = fn.schedules.size();
  std::map<std::string, std::size_t> unnamed;      // per kind
  std::map<std::string, std::string> bucketStems;  // one per bucket
  std::vector<std::string> stems;
  for (const auto& event : fn.events) {
    const model::EventTarget* source = model::eventSource(event);
    const bool bucket = std::holds_alternative<model::S3Event>(event.detail);
    if (bucket && bucketStems.count(source->resource)) {
      stems.push_back(bucketStems[source->resource]);
      continue;
    }
    std::string stem;
    if (std::holds_alternative<model::ScheduleEvent>(event.detail)) {
      stem = names::scheduleStem(fn.name, schedules++);
    } else if (source != nullptr && source->isResource()) {
      stem = model::logicalId(fn.name, model::pascalCase(source->resource));
    } else {
      const std::size_t n = ++unnamed[event.kind];
      stem = model::logicalId(fn.name, model::pascalCase(event.kind) + (n > 1 ? std::to_string(n) : ""));
    }
    std::string unique = stem;
    for (int n = 2; used.count(unique); ++n) unique = stem + std::to_string(n);
    used.insert(unique);
    if (bucket) bucketStems[source->resource] = unique;
    stems.push_back(unique);
  }
  return stems;
}

}  // namespace events

void addEventResources(const model::Stack& stack, ResourceMap& resources) {
  const events::ResourceIndex index(stack);
  for (const auto& fn : stack.functions) {
    if (fn.events.empty()) continue;
    const auto stems = events::eventStems(fn);
    std::vector<Json> statements;
    events::EventOutput out{resources, statements};
    for (std::size_t i = 0; i < fn.events.size(); ++i) {
      emitEvent(events::EventContext{stack, index, fn, fn.events[i], stems[i]}, out);
    }
    addRoleStatements(fn, statements, resources);
  }
  events::addBucketNotifications(stack, index, resources);
  events::addDeadLetterPolicies(stack, index, resources);
}

std::vector<std::string> eventLogicalIds(const model::Function& fn) {
  const auto stems = events::eventStems(fn);
  std::vector<std::string> ids;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < fn.events.size(); ++i) {
    for (auto& id : idsOf(fn.events[i], stems[i])) {
      if (seen.insert(id).second) ids.push_back(std::move(id));
    }
  }
  return ids;
}

std::vector<std::pair<std::string, std::string>> stackEventLogicalIds(const model::Stack& stack) {
  return events::deadLetterPolicyIds(stack);
}

}  // namespace jaws::emit
