// An S3 object-created notification (Amazon S3 User Guide, "Event message
// structure", version 2.1).
#include "local/events/DeclaredSources.h"
#include "local/events/SampleEvents.h"

namespace jaws::local {

EventJson s3SampleEvent(const SampleContext& context) {
  const std::string& region = context.stack->stage.region;
  // The function's own bucket when it declares one (`s3(uploads, { prefix, suffix })`):
  // its declaration name, and a key its filter accepts.
  std::string bucket = context.stack->stackName + "-uploads";
  std::string key = "incoming/example.jpg";
  if (const model::Event* declared = declaredEvent(context, "s3")) {
    const auto& s3 = std::get<model::S3Event>(declared->detail);
    bucket = s3.bucket.resource;
    key = s3.prefix + "example" + (s3.suffix.empty() ? ".jpg" : s3.suffix);
  }
  const EventJson s3 = {
      {"s3SchemaVersion", "1.0"},
      {"configurationId", "jaws-local"},
      {"bucket",
       {{"name", bucket}, {"ownerIdentity", {{"principalId", "A3NL1KOZZKExample"}}}, {"arn", "arn:aws:s3:::" + bucket}}},
      {"object",
       {{"key", key},
        {"size", 1024},
        {"eTag", "d41d8cd98f00b204e9800998ecf8427e"},
        {"sequencer", "0055AED6DCD90281E5"}}},
  };
  return EventJson{{"Records", EventJson::array({EventJson{
                                   {"eventVersion", "2.1"},
                                   {"eventSource", "aws:s3"},
                                   {"awsRegion", region},
                                   {"eventTime", kSampleTime},
                                   {"eventName", "ObjectCreated:Put"},
                                   {"userIdentity", {{"principalId", "AWS:AIDAINPONIXQXHT3IKHL2"}}},
                                   {"requestParameters", {{"sourceIPAddress", "127.0.0.1"}}},
                                   {"responseElements",
                                    {{"x-amz-request-id", "C3D13FE58DE4C810"},
                                     {"x-amz-id-2", "FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD"}}},
                                   {"s3", s3},
                               }})}};
}

}  // namespace jaws::local
