#pragma once
// What invokes a function besides its routes: the evaluated `events` of one
// function in one (stage, region), one struct per event kind. The builtins
// that produce them (`sqs(...)`, `stream(...)`, ...) and their option schemas
// are stdlib data (stdlib/events.jaws); each struct reads its record here, so
// an emitter, a rule or a stub generator sees typed fields, never raw values.
//
// Adding a kind: its record and options in stdlib/events.jaws, a struct here
// (and its case in readEvent), one emitter file (emit/cloudformation/events/),
// one rule file (sema/rules/events/), one stub file (stubs/events/).
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "model/Value.h"

namespace jaws::model {

// A source or destination: a `resource` of the project, or an ARN as written
// (a literal or a deploy-time string).
struct EventTarget {
  std::string resource;  // the resource's declaration name, when it is one
  Value arn;             // otherwise
  SourceSpan span;       // where it is written
  bool isResource() const { return !resource.empty(); }
  friend bool operator==(const EventTarget&, const EventTarget&) = default;
};

struct SqsEvent {
  EventTarget queue;
  std::optional<std::int64_t> batchSize;
  std::optional<std::int64_t> windowMs;
  bool reportFailures = false;
  std::optional<std::int64_t> maxConcurrency;
  bool enabled = true;
  std::vector<Value> filters;  // event patterns (objects)
  friend bool operator==(const SqsEvent&, const SqsEvent&) = default;
};

struct StreamEvent {
  EventTarget stream;  // a DynamoDB table (its stream) or a Kinesis stream
  std::string start;   // "TRIM_HORIZON" | "LATEST"; empty when not set (an error)
  std::optional<std::int64_t> batchSize;
  std::optional<std::int64_t> windowMs;
  std::optional<std::int64_t> retries;
  std::optional<std::int64_t> maxAgeMs;
  bool splitOnError = false;
  std::optional<std::int64_t> parallelization;
  std::optional<EventTarget> onFailure;  // a queue or topic
  bool reportFailures = false;
  bool enabled = true;
  std::vector<Value> filters;
  friend bool operator==(const StreamEvent&, const StreamEvent&) = default;
};

struct SnsEvent {
  EventTarget topic;
  std::optional<Value> filter;        // the filter policy (an object)
  bool filterOnBody = false;          // `filterOn = "body"`
  std::optional<EventTarget> deadLetter;  // a queue
  friend bool operator==(const SnsEvent&, const SnsEvent&) = default;
};

struct S3Event {
  EventTarget bucket;             // always a resource of the project
  std::vector<std::string> on;    // "s3:ObjectCreated:*", ...
  std::string prefix, suffix;     // empty: no filter
  friend bool operator==(const S3Event&, const S3Event&) = default;
};

struct RuleEvent {
  Value pattern;                   // an object
  std::optional<EventTarget> bus;  // an event bus resource, or a name or ARN
  std::optional<Value> input;      // an object
  bool enabled = true;
  friend bool operator==(const RuleEvent&, const RuleEvent&) = default;
};

struct ScheduleEvent {
  std::string expression;  // "rate(5 minutes)", "cron(...)"
  SourceSpan expressionSpan;
  std::optional<Value> input;
  bool enabled = true;
  friend bool operator==(const ScheduleEvent&, const ScheduleEvent&) = default;
};

using EventDetail = std::variant<SqsEvent, StreamEvent, SnsEvent, S3Event, RuleEvent, ScheduleEvent>;

struct Event {
  std::string kind;  // the builtin's name: "sqs", "stream", ...
  EventDetail detail;
  Value options;     // the evaluated options object, defaults applied (for the rules' positions)
  SourceSpan span;   // the builtin call
  friend bool operator==(const Event&, const Event&) = default;
};

// The queue, stream, topic or bucket an event comes from; null for rules and
// schedules.
const EventTarget* eventSource(const Event& event);

// The event a builtin's record describes ({ kind, source | pattern |
// expression, options }), or nothing when the record is not one.
std::optional<Event> readEvent(const Value& record);

}  // namespace jaws::model
