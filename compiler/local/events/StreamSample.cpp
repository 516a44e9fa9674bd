// A stream batch of one record: DynamoDB Streams (AWS Lambda Developer Guide,
// "Using Lambda with Amazon DynamoDB", example event) when the function's
// declared stream is a table, else Kinesis ("Using Lambda with Kinesis").
#include "local/events/DeclaredSources.h"
#include "local/events/SampleEvents.h"

namespace jaws::local {

namespace {

bool isTable(const SampleContext& context, const model::EventTarget& target) {
  if (!target.isResource()) {
    return target.arn.kind == model::Value::Kind::String && target.arn.string.rfind("arn:aws:dynamodb:", 0) == 0;
  }
  for (const model::Resource& resource : context.stack->resources) {
    if (resource.name == target.resource) return resource.type == "AWS::DynamoDB::Table";
  }
  return false;
}

}  // namespace

EventJson streamSampleEvent(const SampleContext& context) {
  const std::string& region = context.stack->stage.region;
  const model::Event* declared = declaredEvent(context, "stream");
  const model::EventTarget* target = declared ? &std::get<model::StreamEvent>(declared->detail).stream : nullptr;
  if (target != nullptr && isTable(context, *target)) {
    std::string arn = sampleSourceArn(context, *target, "dynamodb", "table/");
    if (target->isResource() || arn.find("/stream/") == std::string::npos) arn += "/stream/2024-01-01T12:00:00.000";
    return EventJson{{"Records", EventJson::array({EventJson{
                                     {"eventID", "c4ca4238a0b923820dcc509a6f75849b"},
                                     {"eventName", "INSERT"},
                                     {"eventVersion", "1.1"},
                                     {"eventSource", "aws:dynamodb"},
                                     {"awsRegion", region},
                                     {"dynamodb",
                                      {{"ApproximateCreationDateTime", kSampleEpochMillis / 1000},
                                       {"Keys", {{"id", {{"S", "101"}}}}},
                                       {"NewImage", {{"id", {{"S", "101"}}}, {"message", {{"S", "New item!"}}}}},
                                       {"SequenceNumber", "4421584500000000017450439091"},
                                       {"SizeBytes", 26},
                                       {"StreamViewType", "NEW_AND_OLD_IMAGES"}}},
                                     {"eventSourceARN", arn},
                                 }})}};
  }
  std::string arn = "arn:aws:kinesis:" + region + ":" + context.account + ":stream/" + context.function->functionName + "-stream";
  if (target != nullptr) {
    if (std::string source = sampleSourceArn(context, *target, "kinesis", "stream/"); !source.empty()) arn = source;
  }
  return EventJson{{"Records", EventJson::array({EventJson{
                                   {"kinesis",
                                    {{"kinesisSchemaVersion", "1.0"},
                                     {"partitionKey", "1"},
                                     {"sequenceNumber", "49590338271490256608559692538361571095921575989136588898"},
                                     {"data", "eyJoZWxsbyI6ImZyb20gamF3cyJ9"},  // {"hello":"from jaws"}
                                     {"approximateArrivalTimestamp", kSampleEpochMillis / 1000.0}}},
                                   {"eventSource", "aws:kinesis"},
                                   {"eventVersion", "1.0"},
                                   {"eventID", "shardId-000000000006:49590338271490256608559692538361571095921575989136588898"},
                                   {"eventName", "aws:kinesis:record"},
                                   {"invokeIdentityArn", "arn:aws:iam::" + context.account + ":role/lambda-role"},
                                   {"awsRegion", region},
                                   {"eventSourceARN", arn},
                               }})}};
}

}  // namespace jaws::local
