// rule(pattern, { bus, input, enabled }): an AWS::Events::Rule whose target
// is the function, and the permission letting exactly that rule invoke it.
// Schedules (ScheduleEvents.cpp) are rules too and share addRuleResources.
#include "emit/cloudformation/CfnNames.h"
#include "emit/cloudformation/CfnValues.h"
#include "emit/cloudformation/events/EventKinds.h"

namespace jaws::emit {

void addRuleResources(const RuleTarget& rule, ResourceMap& resources) {
  Json target{{"Arn", getAtt(rule.functionId, "Arn")}, {"Id", "Function"}};
  if (rule.input) target["Input"] = *rule.input;
  std::map<std::string, Json> properties;
  if (rule.eventBusName) properties["EventBusName"] = *rule.eventBusName;
  if (rule.pattern) properties["EventPattern"] = *rule.pattern;
  if (rule.scheduleExpression) properties["ScheduleExpression"] = *rule.scheduleExpression;
  properties["State"] = rule.enabled ? "ENABLED" : "DISABLED";
  properties["Targets"] = Json::array({target});
  resources[rule.ruleId] = Json{{"Type", "AWS::Events::Rule"}, {"Properties", sortedObject(std::move(properties))}};
  resources[rule.permissionId] =
      invokePermission(rule.functionId, "events.amazonaws.com", getAtt(rule.ruleId, "Arn"));
}

namespace events {

std::vector<std::string> ruleIds(const std::string& stem) { return {stem, stem + "Permission"}; }

void emitRule(const EventContext& c, const model::RuleEvent& e, EventOutput& out) {
  const auto ids = ruleIds(c.stem);
  RuleTarget rule{ids[0], ids[1], c.functionId(), std::nullopt, cfnValue(e.pattern, c.stack), std::nullopt, std::nullopt,
                  e.enabled};
  // EventBusName takes a bus's name or ARN: a bus of the project by Ref (its name).
  if (e.bus) rule.eventBusName = e.bus->isResource() ? refTo(names::resource(e.bus->resource)) : cfnValue(e.bus->arn, c.stack);
  if (e.input) rule.input = cfnString(*e.input, c.stack);
  addRuleResources(rule, out.resources);
}

}  // namespace events

}  // namespace jaws::emit
