// schedule(expression, { ... }): the expression is one EventBridge accepts
// (JW4016, the rule of the `schedule` attribute).
#include "sema/rules/events/EventRules.h"

namespace jaws::sema::events {

void checkScheduleEvent(const EventCheck& check, const model::ScheduleEvent& e) {
  reportInvalidSchedule(check.c, e.expression, spanOr(e.expressionSpan, check.event.span));
}

}  // namespace jaws::sema::events
