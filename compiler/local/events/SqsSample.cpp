// An SQS batch of two messages (AWS Lambda Developer Guide, "Using Lambda
// with Amazon SQS", example standard queue message event).
#include "local/events/DeclaredSources.h"
#include "local/events/SampleEvents.h"

namespace jaws::local {

EventJson sqsSampleEvent(const SampleContext& context) {
  const std::string& region = context.stack->stage.region;
  // The function's own queue when it declares one (`sqs(jobs)`).
  std::string arn = "arn:aws:sqs:" + region + ":" + context.account + ":" + context.function->functionName + "-queue";
  if (const model::Event* declared = declaredEvent(context, "sqs")) {
    const std::string source = sampleSourceArn(context, std::get<model::SqsEvent>(declared->detail).queue, "sqs", "");
    if (!source.empty()) arn = source;
  }
  auto record = [&](const char* id, const char* body, const char* receipt) {
    return EventJson{
        {"messageId", id},
        {"receiptHandle", receipt},
        {"body", body},
        {"attributes",
         {{"ApproximateReceiveCount", "1"},
          {"SentTimestamp", std::to_string(kSampleEpochMillis)},
          {"SenderId", "AIDAIENQZJOLO23YVJ4VO"},
          {"ApproximateFirstReceiveTimestamp", std::to_string(kSampleEpochMillis + 2)}}},
        {"messageAttributes", EventJson::object()},
        {"md5OfBody", "e4e68fb7bd0e697a0ae8f1bb342846b3"},
        {"eventSource", "aws:sqs"},
        {"eventSourceARN", arn},
        {"awsRegion", region},
    };
  };
  return EventJson{{"Records", EventJson::array({
                                   record("059f36b4-87a3-44ab-83d2-661975830a7d", "{\"hello\":\"from jaws\"}",
                                          "AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a..."),
                                   record("2e1424d4-f796-459a-8184-9c92662be6da", "Test message.",
                                          "AQEBzWwaftRI0KuVm4tP+/7q1rGgNqicHq..."),
                               })}};
}

}  // namespace jaws::local
