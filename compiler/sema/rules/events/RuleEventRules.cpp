// rule(pattern, { bus, ... }): the pattern is one EventBridge accepts
// (JW4048), and `bus` an event bus resource, a bus name or an event bus ARN.
#include "sema/rules/events/EventRules.h"

namespace jaws::sema::events {

namespace {

bool isEventBusArn(const Arn& arn) { return arn.resource.rfind("event-bus/", 0) == 0; }

}  // namespace

void checkRuleEvent(const EventCheck& check, const model::RuleEvent& e) {
  checkPattern(check, e.pattern, "the rule's pattern");
  if (!e.bus) return;
  if (e.bus->isResource()) {
    checkDestination(check, *e.bus, "bus", {"AWS::Events::EventBus"}, "an AWS::Events::EventBus", {}, "");
  } else if (e.bus->arn.kind == model::Value::Kind::String && e.bus->arn.string.rfind("arn:", 0) == 0) {
    // A plain string is a bus name; only an ARN has a shape to check.
    checkTargetArn(check, *e.bus, {"events"}, "an event bus ARN", false, isEventBusArn);
  }
}

}  // namespace jaws::sema::events
