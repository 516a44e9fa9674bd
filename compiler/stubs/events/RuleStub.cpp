// rule(pattern): the plain function handles one EventBridge event (or the
// rule's fixed `input`, which the dispatch's last branch hands over).
#include "stubs/events/EventStubs.h"

namespace jaws::stubs {

const EventStub& ruleStub() {
  using K = model::Schema::Kind;
  static const EventStub kStub{
      "rule",
      "OnEvent",
      "event",
      "JawsEventBridgeEvent",
      "EventBridge events",
      "an EventBridge event matched by {sources}",
      false,
      false,
      {{"JawsEventBridgeEvent", "An event an EventBridge rule matched.",
        shapeRecord({shapeField("version", shapeOf(K::String)), shapeField("id", shapeOf(K::String)),
                     shapeField("detail-type", shapeOf(K::String)), shapeField("source", shapeOf(K::String)),
                     shapeField("account", shapeOf(K::String)),
                     shapeField("time", shapeOf(K::String), false, "ISO 8601, e.g. 2024-01-01T12:00:00Z"),
                     shapeField("region", shapeOf(K::String)), shapeField("resources", shapeList(shapeOf(K::String))),
                     shapeField("detail", shapeMap(shapeOf(K::Any)))})}},
      R"JS(  // An EventBridge event a rule matched.
  if (triggers.events?.rule && isObject && typeof event["detail-type"] === "string" && typeof event.source === "string") {
    return triggers.events.rule.handle(event, context);
  }
)JS",
      R"PY(    # An EventBridge event a rule matched.
    if ("rule" in triggers.get("events", {}) and is_dict and _b.isinstance(event.get("detail-type"), _b.str)
            and _b.isinstance(event.get("source"), _b.str)):
        return triggers["events"]["rule"]["handle"](event, context)
)PY"};
  return kStub;
}

}  // namespace jaws::stubs
