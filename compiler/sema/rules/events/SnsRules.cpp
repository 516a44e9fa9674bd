// sns(topic, { ... }): the topic is an SNS topic ARN, not a FIFO topic
// (JW4057); the filter policy is a valid pattern (JW4048) within SNS's limits
// (JW4049); the dead-letter queue is a queue whose policy Jaws may write
// (JW4055).
#include "diag/Builders.h"
#include "sema/rules/events/EventRules.h"

namespace jaws::sema::events {

namespace {

using K = model::Value::Kind;

bool isFifoTopic(const EventCheck& check, const model::EventTarget& topic) {
  if (const model::Resource* r = check.resource(topic)) {
    const model::Value* fifo = property(*r, "FifoTopic");
    const model::Value* name = property(*r, "TopicName");
    return (fifo && fifo->kind == K::Bool && fifo->boolean) ||
           (name && name->kind == K::String && name->string.size() > 5 && name->string.ends_with(".fifo"));
  }
  return topic.arn.kind == K::String && topic.arn.string.ends_with(".fifo");
}

// Whether a QueuePolicy of the program lists the queue (`Queues = [q.ref]`).
const model::Resource* policyOfQueue(const model::Stack& stack, const std::string& queue) {
  for (const auto& r : stack.resources) {
    if (r.type != "AWS::SQS::QueuePolicy") continue;
    const model::Value* queues = property(r, "Queues");
    if (queues == nullptr || queues->kind != K::List) continue;
    for (const auto& q : queues->items) {
      if (q.kind == K::Deploy && q.ref.target == queue) return &r;
    }
  }
  return nullptr;
}

}  // namespace

void checkSnsEvent(const EventCheck& check, const model::SnsEvent& e) {
  // A subscription may cross regions (CloudFormation's `Region` says where the topic is).
  checkTargetArn(check, e.topic, {"sns"}, "an SNS topic ARN", false);
  if (isFifoTopic(check, e.topic)) check.c.out.push_back(diag::FifoTopicToFunction(spanOr(e.topic.span, check.event.span), targetLabel(e.topic)));
  if (e.filter && checkPattern(check, *e.filter, "the filter policy")) checkSnsFilterLimits(check, *e.filter, e.filterOnBody);
  if (!e.deadLetter) return;
  checkDestination(check, *e.deadLetter, "deadLetter", {"AWS::SQS::Queue"}, "an SQS queue", {"sqs"}, "an SQS queue ARN");
  const model::Resource* queue = check.resource(*e.deadLetter);
  if (queue == nullptr || queue->type != "AWS::SQS::Queue") return;
  if (const model::Resource* policy = policyOfQueue(check.c.stack, queue->name)) {
    check.c.out.push_back(diag::DeadLetterQueueHasPolicy(spanOr(e.deadLetter->span, check.event.span), queue->name)
                              .note(policy->span, note::DeclaredHere()));
  }
}

}  // namespace jaws::sema::events
