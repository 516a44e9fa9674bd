// stream(source, { start, ... }): the source is a DynamoDB table with a
// stream (JW4044) or a Kinesis stream, or the ARN of a stream (not of a
// table, JW4053) in the stack's region; `start` is required (JW4045); the
// batch within Lambda's limits; `onFailure` a queue or a topic. Lint: a
// mapping that retries a failing record until it expires (JW5015).
#include "diag/Builders.h"
#include "sema/rules/events/EventRules.h"

namespace jaws::sema::events {

namespace {

bool isStreamArn(const Arn& arn) {
  if (arn.service == "dynamodb") return arn.resource.rfind("table/", 0) == 0 && arn.resource.find("/stream/") != std::string::npos;
  return arn.resource.rfind("stream/", 0) == 0;  // kinesis
}

}  // namespace

void checkStreamEvent(const EventCheck& check, const model::StreamEvent& e) {
  const Span source = spanOr(e.stream.span, check.event.span);
  if (e.start.empty()) check.c.out.push_back(diag::StreamWithoutStart(source));
  if (const model::Resource* table = check.resource(e.stream);
      table != nullptr && table->type == "AWS::DynamoDB::Table" && property(*table, "StreamSpecification") == nullptr) {
    check.c.out.push_back(diag::TableWithoutStream(source, table->name).note(table->span, note::DeclaredHere()));
  }
  checkTargetArn(check, e.stream, {"dynamodb", "kinesis"}, "the ARN of a DynamoDB stream or a Kinesis stream", true,
                 isStreamArn);
  checkBatching(check, e.batchSize, e.windowMs, "a stream");
  if (e.onFailure) {
    checkDestination(check, *e.onFailure, "onFailure", {"AWS::SQS::Queue", "AWS::SNS::Topic"},
                     "an SQS queue or an SNS topic", {"sqs", "sns"}, "the ARN of an SQS queue or an SNS topic");
  }
  checkFilters(check, e.filters);
  const bool retriesForever = !e.retries || *e.retries < 0;
  if (retriesForever && !e.maxAgeMs) {
    check.c.out.push_back(diag::StreamRetriesUntilExpiry(source, targetLabel(e.stream)).withHelp(note::StreamFailureOptions()));
  }
}

}  // namespace jaws::sema::events
