// stream(source, { start, ... }): an AWS::Lambda::EventSourceMapping of a
// DynamoDB table's stream or a Kinesis stream; the role reads exactly that
// stream (the actions Lambda's poller calls) and sends to `onFailure`.
#include "emit/cloudformation/CfnValues.h"
#include "emit/cloudformation/events/EventKinds.h"

namespace jaws::emit::events {

namespace {

// What Lambda's poller calls on each kind of stream (AWS Lambda Developer
// Guide, "Execution role permissions" of DynamoDB Streams and Kinesis).
std::vector<std::string> readActions(const std::string& service) {
  if (service == "dynamodb") {
    return {"dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams"};
  }
  return {"kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetRecords", "kinesis:GetShardIterator",
          "kinesis:ListShards"};
}

}  // namespace

std::vector<std::string> streamIds(const std::string& stem) { return {stem + "Mapping"}; }

void emitStream(const EventContext& c, const model::StreamEvent& e, EventOutput& out) {
  const Json stream = targetArn(c, e.stream);
  std::map<std::string, Json> properties;
  if (e.batchSize) properties["BatchSize"] = *e.batchSize;
  if (e.splitOnError) properties["BisectBatchOnFunctionError"] = true;
  if (e.onFailure) properties["DestinationConfig"] = Json{{"OnFailure", Json{{"Destination", targetArn(c, *e.onFailure)}}}};
  if (!e.enabled) properties["Enabled"] = false;
  properties["EventSourceArn"] = stream;
  if (!e.filters.empty()) properties["FilterCriteria"] = filterCriteria(c.stack, e.filters);
  properties["FunctionName"] = refTo(c.functionId());
  if (e.reportFailures) properties["FunctionResponseTypes"] = Json::array({"ReportBatchItemFailures"});
  if (e.windowMs) properties["MaximumBatchingWindowInSeconds"] = seconds(*e.windowMs);
  if (e.maxAgeMs) properties["MaximumRecordAgeInSeconds"] = seconds(*e.maxAgeMs);
  if (e.retries) properties["MaximumRetryAttempts"] = *e.retries;
  if (e.parallelization) properties["ParallelizationFactor"] = *e.parallelization;
  if (!e.start.empty()) properties["StartingPosition"] = e.start;
  out.resources[streamIds(c.stem).front()] =
      Json{{"Type", "AWS::Lambda::EventSourceMapping"}, {"Properties", sortedObject(std::move(properties))}};

  // A deploy-time ARN whose service cannot be read gets the reads of both
  // kinds of stream (docs/events.md); a resource or a literal ARN, its own.
  const std::string service = targetService(c, e.stream);
  for (const char* kind : {"dynamodb", "kinesis"}) {
    if (service.empty() || service == kind) out.statements.push_back(allowStatement(readActions(kind), stream));
  }
  if (e.onFailure) {
    if (auto send = destinationStatement(c, *e.onFailure)) out.statements.push_back(std::move(*send));
  }
}

}  // namespace jaws::emit::events
