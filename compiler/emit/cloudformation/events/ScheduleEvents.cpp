// schedule(expression, { input, enabled }): a scheduled AWS::Events::Rule and
// its permission, named like the `schedule` attribute's (which it continues
// to number: <Fn>Schedule<N>Rule).
#include "emit/cloudformation/CfnValues.h"
#include "emit/cloudformation/events/EventKinds.h"

namespace jaws::emit::events {

std::vector<std::string> scheduleIds(const std::string& stem) { return {stem + "Rule", stem + "Permission"}; }

void emitSchedule(const EventContext& c, const model::ScheduleEvent& e, EventOutput& out) {
  const auto ids = scheduleIds(c.stem);
  RuleTarget rule{ids[0], ids[1], c.functionId(), e.expression, std::nullopt, std::nullopt, std::nullopt, e.enabled};
  if (e.input) rule.input = cfnString(*e.input, c.stack);
  addRuleResources(rule, out.resources);
}

}  // namespace jaws::emit::events
