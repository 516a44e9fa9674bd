// sns(topic): the plain function handles one SNS message (the record's `Sns`).
#include "stubs/events/EventStubs.h"

namespace jaws::stubs {

const EventStub& snsStub() {
  using K = model::Schema::Kind;
  model::Schema subject = shapeOf(K::Union);
  subject.members = {shapeOf(K::String), shapeOf(K::Null)};
  static const EventStub kStub{
      "sns",
      "OnNotification",
      "message",
      "JawsSnsMessage",
      "SNS messages",
      "one message from {sources}",
      false,
      true,
      {{"JawsSnsMessage", "One SNS message (the `Sns` of a record).",
        shapeRecord({shapeField("Type", shapeOf(K::String)), shapeField("MessageId", shapeOf(K::String)),
                     shapeField("TopicArn", shapeOf(K::String)), shapeField("Subject", subject, true),
                     shapeField("Message", shapeOf(K::String), false, "The message as published: parse JSON yourself."),
                     shapeField("Timestamp", shapeOf(K::String)),
                     shapeField("MessageAttributes",
                                shapeMap(shapeRecord({shapeField("Type", shapeOf(K::String)),
                                                      shapeField("Value", shapeOf(K::String))})))})}},
      R"JS(  // SNS messages.
  if (triggers.events?.sns && jawsRecordsFrom(event, "aws:sns")) {
    return jawsEach(event.Records.map((/** @type {any} */ record) => record.Sns), context, triggers.events.sns);
  }
)JS",
      R"PY(    # SNS messages.
    if "sns" in triggers.get("events", {}) and _jaws_records_from(event, "aws:sns"):
        return _jaws_each([record["Sns"] for record in event["Records"]], context, triggers["events"]["sns"])
)PY"};
  return kStub;
}

}  // namespace jaws::stubs
