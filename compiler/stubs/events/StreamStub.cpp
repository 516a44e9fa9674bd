// stream(source): the plain function handles one record of a DynamoDB or
// Kinesis stream, in order; the adapter reports the first failure and every
// later record (Lambda resumes from it) when every stream of the handler has
// reportFailures, and otherwise fails the batch.
#include "stubs/events/EventStubs.h"

namespace jaws::stubs {

const EventStub& streamStub() {
  using K = model::Schema::Kind;
  model::Schema source = shapeOf(K::Union);
  source.members = {shapeLiteral("aws:dynamodb"), shapeLiteral("aws:kinesis")};
  static const EventStub kStub{
      "stream",
      "OnRecord",
      "record",
      "JawsStreamRecord",
      "DynamoDB or Kinesis stream records",
      "one record from {sources}",
      true,
      true,
      {{"JawsStreamRecord",
        "One record of a DynamoDB stream (`dynamodb`) or a Kinesis stream (`kinesis`, its data base64-encoded).",
        shapeRecord(
            {shapeField("eventID", shapeOf(K::String)),
             shapeField("eventName", shapeOf(K::String), false, "INSERT, MODIFY or REMOVE for DynamoDB"),
             shapeField("eventSource", source), shapeField("eventSourceARN", shapeOf(K::String)),
             shapeField("awsRegion", shapeOf(K::String)),
             shapeField("dynamodb",
                        shapeRecord({shapeField("Keys", shapeMap(shapeOf(K::Any))),
                                     shapeField("NewImage", shapeMap(shapeOf(K::Any)), true),
                                     shapeField("OldImage", shapeMap(shapeOf(K::Any)), true),
                                     shapeField("SequenceNumber", shapeOf(K::String)),
                                     shapeField("SizeBytes", shapeOf(K::Number)),
                                     shapeField("StreamViewType", shapeOf(K::String))}),
                        true, "A DynamoDB stream record; images in DynamoDB's attribute-value JSON"),
             shapeField("kinesis",
                        shapeRecord({shapeField("data", shapeOf(K::String), false, "base64"),
                                     shapeField("partitionKey", shapeOf(K::String)),
                                     shapeField("sequenceNumber", shapeOf(K::String)),
                                     shapeField("approximateArrivalTimestamp", shapeOf(K::Number)),
                                     shapeField("kinesisSchemaVersion", shapeOf(K::String))}),
                        true, "A Kinesis record")})}},
      R"JS(  // DynamoDB or Kinesis stream records, in order.
  if (triggers.events?.stream && (jawsRecordsFrom(event, "aws:dynamodb") || jawsRecordsFrom(event, "aws:kinesis"))) {
    return jawsBatch(event.Records, context, triggers.events.stream,
                     (record) => record.dynamodb?.SequenceNumber ?? record.kinesis?.sequenceNumber, true);
  }
)JS",
      R"PY(    # DynamoDB or Kinesis stream records, in order.
    if "stream" in triggers.get("events", {}) and (_jaws_records_from(event, "aws:dynamodb")
                                                  or _jaws_records_from(event, "aws:kinesis")):
        return _jaws_batch(event["Records"], context, triggers["events"]["stream"],
                           lambda record: ((record.get("dynamodb") or {}).get("SequenceNumber")
                                           or (record.get("kinesis") or {}).get("sequenceNumber")), True)
)PY"};
  return kStub;
}

}  // namespace jaws::stubs
