// sqs(queue, { ... }): an AWS::Lambda::EventSourceMapping, and the role's
// read of exactly that queue (what AWS's AWSLambdaSQSQueueExecutionRole
// grants on every queue).
#include "emit/cloudformation/CfnValues.h"
#include "emit/cloudformation/events/EventKinds.h"

namespace jaws::emit::events {

std::vector<std::string> sqsIds(const std::string& stem) { return {stem + "Mapping"}; }

void emitSqs(const EventContext& c, const model::SqsEvent& e, EventOutput& out) {
  const Json queue = targetArn(c, e.queue);
  std::map<std::string, Json> properties;
  if (e.batchSize) properties["BatchSize"] = *e.batchSize;
  if (!e.enabled) properties["Enabled"] = false;
  properties["EventSourceArn"] = queue;
  if (!e.filters.empty()) properties["FilterCriteria"] = filterCriteria(c.stack, e.filters);
  properties["FunctionName"] = refTo(c.functionId());
  if (e.reportFailures) properties["FunctionResponseTypes"] = Json::array({"ReportBatchItemFailures"});
  if (e.windowMs) properties["MaximumBatchingWindowInSeconds"] = seconds(*e.windowMs);
  if (e.maxConcurrency) properties["ScalingConfig"] = Json{{"MaximumConcurrency", *e.maxConcurrency}};
  out.resources[sqsIds(c.stem).front()] =
      Json{{"Type", "AWS::Lambda::EventSourceMapping"}, {"Properties", sortedObject(std::move(properties))}};
  out.statements.push_back(allowStatement({"sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"}, queue));
}

}  // namespace jaws::emit::events
