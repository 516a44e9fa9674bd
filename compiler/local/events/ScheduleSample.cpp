// An EventBridge scheduled event (Amazon EventBridge User Guide, "Creating a
// rule that runs on a schedule"; AWS Lambda Developer Guide, "Invoking a
// Lambda function on a schedule").
#include "local/events/DeclaredSources.h"
#include "local/events/SampleEvents.h"

namespace jaws::local {

EventJson scheduleSampleEvent(const SampleContext& context) {
  // A schedule with a fixed `input` sends that input instead of the event.
  if (const model::Event* declared = declaredEvent(context, "schedule")) {
    const auto& schedule = std::get<model::ScheduleEvent>(declared->detail);
    if (schedule.input) return valueJson(*schedule.input);
  }
  const std::string& region = context.stack->stage.region;
  const std::string rule = "arn:aws:events:" + region + ":" + context.account + ":rule/" + context.function->functionName + "-schedule";
  return EventJson{
      {"version", "0"},
      {"id", "53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa"},
      {"detail-type", "Scheduled Event"},
      {"source", "aws.events"},
      {"account", context.account},
      {"time", "2024-01-01T12:00:00Z"},
      {"region", region},
      {"resources", EventJson::array({rule})},
      {"detail", EventJson::object()},
  };
}

}  // namespace jaws::local
