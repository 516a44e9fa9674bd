// s3(bucket): the plain function handles one S3 notification record.
#include "stubs/events/EventStubs.h"

namespace jaws::stubs {

const EventStub& s3Stub() {
  using K = model::Schema::Kind;
  static const EventStub kStub{
      "s3",
      "OnObject",
      "record",
      "JawsS3Record",
      "S3 notifications",
      "one S3 notification from {sources}",
      false,
      true,
      {{"JawsS3Record", "One S3 notification record.",
        shapeRecord(
            {shapeField("eventName", shapeOf(K::String), false, "e.g. ObjectCreated:Put"),
             shapeField("eventTime", shapeOf(K::String)), shapeField("awsRegion", shapeOf(K::String)),
             shapeField("s3",
                        shapeRecord({shapeField("bucket", shapeRecord({shapeField("name", shapeOf(K::String)),
                                                                       shapeField("arn", shapeOf(K::String))})),
                                     shapeField("object",
                                                shapeRecord({shapeField("key", shapeOf(K::String), false,
                                                                        "URL-encoded, a space as +: decode it before use"),
                                                             shapeField("size", shapeOf(K::Integer), true),
                                                             shapeField("eTag", shapeOf(K::String), true),
                                                             shapeField("versionId", shapeOf(K::String), true),
                                                             shapeField("sequencer", shapeOf(K::String))}))}))})}},
      R"JS(  // S3 notifications.
  if (triggers.events?.s3 && jawsRecordsFrom(event, "aws:s3")) {
    return jawsEach(event.Records, context, triggers.events.s3);
  }
)JS",
      R"PY(    # S3 notifications.
    if "s3" in triggers.get("events", {}) and _jaws_records_from(event, "aws:s3"):
        return _jaws_each(event["Records"], context, triggers["events"]["s3"])
)PY"};
  return kStub;
}

}  // namespace jaws::stubs
