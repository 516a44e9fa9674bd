// sqs(queue): the plain function handles one message of a batch; the adapter
// reports the ones that fail (batchItemFailures) when every queue of the
// handler has reportFailures, and otherwise fails the batch.
#include "stubs/events/EventStubs.h"

namespace jaws::stubs {

const EventStub& sqsStub() {
  using K = model::Schema::Kind;
  static const EventStub kStub{
      "sqs",
      "OnMessage",
      "message",
      "JawsSqsMessage",
      "SQS messages",
      "one message from {sources}",
      true,
      true,
      {{"JawsSqsMessage", "One SQS message of the batch Lambda delivers.",
        shapeRecord({shapeField("messageId", shapeOf(K::String)), shapeField("receiptHandle", shapeOf(K::String)),
                     shapeField("body", shapeOf(K::String), false, "The body as sent: parse JSON yourself."),
                     shapeField("attributes", shapeMap(shapeOf(K::String))),
                     shapeField("messageAttributes",
                                shapeMap(shapeRecord({shapeField("dataType", shapeOf(K::String)),
                                                      shapeField("stringValue", shapeOf(K::String), true),
                                                      shapeField("binaryValue", shapeOf(K::String), true)}))),
                     shapeField("md5OfBody", shapeOf(K::String)), shapeField("eventSource", shapeLiteral("aws:sqs")),
                     shapeField("eventSourceARN", shapeOf(K::String)), shapeField("awsRegion", shapeOf(K::String))})}},
      R"JS(  // SQS messages, one by one.
  if (triggers.events?.sqs && jawsRecordsFrom(event, "aws:sqs")) {
    return jawsBatch(event.Records, context, triggers.events.sqs, (message) => message.messageId, false);
  }
)JS",
      R"PY(    # SQS messages, one by one.
    if "sqs" in triggers.get("events", {}) and _jaws_records_from(event, "aws:sqs"):
        return _jaws_batch(event["Records"], context, triggers["events"]["sqs"],
                           lambda message: message["messageId"], False)
)PY"};
  return kStub;
}

}  // namespace jaws::stubs
