#pragma once
// The CloudFormation of every function's `events` (docs/events.md): event
// source mappings, SNS subscriptions, EventBridge rules, invoke permissions
// scoped to their source, the statements the function's role needs (each
// poller's reads on exactly its source, each destination's send), S3 bucket
// notifications and SNS dead-letter queue policies. One file per event kind
// in this folder; this is their entry point.
#include <optional>
#include <string>
#include <vector>

#include "emit/cloudformation/TemplateResources.h"

namespace jaws::emit {

// Adds the resources of every function's events and their statements to the
// functions' roles. Runs after the functions and the `resource` declarations
// were added: bucket notifications go into the buckets as written.
void addEventResources(const model::Stack& stack, ResourceMap& resources);

// The logical IDs the events of one function add (for the checker's
// collision and resource-count rules), and those that belong to no one
// function (dead-letter queue policies), each with the resource it belongs to.
std::vector<std::string> eventLogicalIds(const model::Function& fn);
std::vector<std::pair<std::string, std::string>> stackEventLogicalIds(const model::Stack& stack);

// An EventBridge rule invoking a function and its permission: a `schedule`
// (the attribute or `schedule(...)`) or an event pattern (`rule(...)`).
struct RuleTarget {
  std::string ruleId, permissionId, functionId;
  std::optional<std::string> scheduleExpression;
  std::optional<Json> pattern, eventBusName, input;
  bool enabled = true;
};
void addRuleResources(const RuleTarget& rule, ResourceMap& resources);

// The text of a bucket's name for Fn::Sub (a literal escaped, or made of
// literal text, `${AWS::AccountId}` and SSM dynamic references), when it is
// known without referring to another resource; nothing otherwise. A bucket
// with such a name can be referred to by name, which breaks the circular
// dependency between a bucket and the functions it notifies.
std::optional<std::string> bucketNameSubText(const model::Resource& bucket);

}  // namespace jaws::emit
