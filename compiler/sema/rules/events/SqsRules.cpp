// sqs(queue, { ... }): the queue is an SQS queue ARN of the stack's region;
// its visibility timeout covers the function's timeout (JW4038; six times,
// AWS's advice, JW5014); batches above 10 messages have a window (JW4039);
// a FIFO queue takes neither a window nor more than 10 (JW4040); batch size,
// window and filters within Lambda's limits.
#include "diag/Builders.h"
#include "sema/rules/events/EventRules.h"

namespace jaws::sema::events {

namespace {

using K = model::Value::Kind;

bool endsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool isFifo(const EventCheck& check, const model::SqsEvent& e) {
  if (const model::Resource* queue = check.resource(e.queue)) {
    const model::Value* fifo = property(*queue, "FifoQueue");
    const model::Value* name = property(*queue, "QueueName");
    return (fifo && fifo->kind == K::Bool && fifo->boolean) ||
           (fifo && fifo->kind == K::String && fifo->string == "true") ||
           (name && name->kind == K::String && endsWith(name->string, ".fifo"));
  }
  return e.queue.arn.kind == K::String && endsWith(e.queue.arn.string, ".fifo");
}

// The queue's VisibilityTimeout in milliseconds: SQS's default when it is not
// set, nothing when it is known only at deploy time. CloudFormation takes
// seconds; a duration (`2m`) is emitted as seconds too.
std::optional<std::int64_t> visibilityTimeout(const EventCheck& check, const model::Resource& queue) {
  const model::Value* v = property(queue, "VisibilityTimeout");
  if (v == nullptr) return check.tables.limit("sqsDefaultVisibilityTimeout");
  if (v->kind == K::Int) return v->integer * 1000;
  if (v->kind == K::Duration) return v->integer;
  if (v->kind == K::String && !v->string.empty() &&
      v->string.find_first_not_of("0123456789") == std::string::npos && v->string.size() < 10) {
    return std::stoll(v->string) * 1000;
  }
  return std::nullopt;
}

void checkVisibility(const EventCheck& check, const model::SqsEvent& e) {
  const model::Resource* queue = check.resource(e.queue);
  if (queue == nullptr) return;
  const auto visibility = visibilityTimeout(check, *queue);
  if (!visibility) return;
  const std::int64_t timeout = check.fn.timeoutSeconds * 1000;
  const std::string shown = model::describe(model::Value::ofDuration(*visibility));
  const std::string timeoutShown = model::describe(model::Value::ofDuration(timeout));
  const Span at = spanOr(e.queue.span, check.event.span);
  const model::Value* written = property(*queue, "VisibilityTimeout");
  const Span declared = written && written->origin.valid() ? written->origin : queue->span;
  if (*visibility < timeout) {
    check.c.out.push_back(diag::QueueVisibilityTimeoutTooShort(at, shown, timeoutShown)
                              .note(declared, note::ResourceDeclaredAs(queue->name, queue->type)));
    return;
  }
  const auto factor = check.tables.limit("visibilityTimeoutFactor");
  if (!factor) return;
  const std::int64_t advised = *factor * timeout + e.windowMs.value_or(0);
  if (*visibility < advised) {
    check.c.out.push_back(diag::VisibilityTimeoutBelowAdvice(at, shown, timeoutShown,
                                                             model::describe(model::Value::ofDuration(advised)))
                              .note(declared, note::ResourceDeclaredAs(queue->name, queue->type)));
  }
}

void checkBatchShape(const EventCheck& check, const model::SqsEvent& e) {
  const std::string label = isFifo(check, e) ? "a FIFO queue" : "an SQS queue";
  if (isFifo(check, e)) {
    const auto limit = check.tables.sourceLimit("sqs", "fifoMaxBatchSize");
    if (e.windowMs && *e.windowMs > 0) {
      check.c.out.push_back(diag::FifoQueueBatching(check.optionSpan("window"), targetLabel(e.queue),
                                                    std::to_string(limit.value_or(10)))
                                .withHelp(note::FifoQueueWindow()));
    } else if (limit && e.batchSize && *e.batchSize > *limit) {
      check.c.out.push_back(diag::FifoQueueBatching(check.optionSpan("batchSize"), targetLabel(e.queue), std::to_string(*limit)));
    }
    return;
  }
  checkBatching(check, e.batchSize, e.windowMs, label);
  const auto withoutWindow = check.tables.sourceLimit("sqs", "batchSizeWithoutWindow");
  const auto maxBatch = check.tables.sourceLimit("sqs", "maxBatchSize");
  const bool inRange = !maxBatch || !e.batchSize || *e.batchSize <= *maxBatch;
  if (withoutWindow && inRange && e.batchSize && *e.batchSize > *withoutWindow && e.windowMs.value_or(0) == 0) {
    check.c.out.push_back(diag::BatchNeedsWindow(check.optionSpan("batchSize"), std::to_string(*e.batchSize),
                                                 std::to_string(*withoutWindow))
                              .withHelp(note::AddBatchingWindow()));
  }
}

}  // namespace

void checkSqsEvent(const EventCheck& check, const model::SqsEvent& e) {
  checkTargetArn(check, e.queue, {"sqs"}, "an SQS queue ARN", true);
  checkVisibility(check, e);
  checkBatchShape(check, e);
  checkFilters(check, e.filters);
}

}  // namespace jaws::sema::events
