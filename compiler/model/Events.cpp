// Reading an event builtin's record into its struct. The evaluator has
// checked the record against its stdlib type (stdlib/events.jaws) and applied
// the options' defaults, so a field of the wrong type only happens for a
// record written by hand, and reads as unset.
#include "model/Events.h"

namespace jaws::model {

namespace {

using K = Value::Kind;

std::optional<std::int64_t> integer(const Value& options, std::string_view key) {
  const Value* v = options.field(key);
  if (v == nullptr || (v->kind != K::Int && v->kind != K::Duration && v->kind != K::Size)) return std::nullopt;
  return v->integer;
}

bool flag(const Value& options, std::string_view key, bool fallback) {
  const Value* v = options.field(key);
  return v != nullptr && v->kind == K::Bool ? v->boolean : fallback;
}

std::string text(const Value& options, std::string_view key) {
  const Value* v = options.field(key);
  return v != nullptr && v->kind == K::String ? v->string : "";
}

std::optional<Value> object(const Value& options, std::string_view key) {
  const Value* v = options.field(key);
  if (v == nullptr || v->kind != K::Object) return std::nullopt;
  return *v;
}

// A resource of the project is a reference to it (`jobs`, `jobs.arn`,
// `orders.StreamArn`); anything else is an ARN.
EventTarget target(const Value& value) {
  EventTarget out;
  out.span = value.origin;
  if (value.kind == K::Deploy &&
      (value.ref.kind == DeployRef::Kind::ResourceRef || value.ref.kind == DeployRef::Kind::ResourceAttr)) {
    out.resource = value.ref.target;
  } else {
    out.arn = value;
  }
  return out;
}

std::optional<EventTarget> optionalTarget(const Value& options, std::string_view key) {
  const Value* v = options.field(key);
  if (v == nullptr || v->kind == K::Null) return std::nullopt;
  return target(*v);
}

// `filter`: one pattern or a list of them.
std::vector<Value> patterns(const Value& options) {
  const Value* v = options.field("filter");
  if (v == nullptr) return {};
  if (v->kind == K::Object) return {*v};
  std::vector<Value> out;
  if (v->kind == K::List) {
    for (const auto& item : v->items) out.push_back(item);
  }
  return out;
}

SqsEvent readSqs(const Value& source, const Value& o) {
  SqsEvent e;
  e.queue = target(source);
  e.batchSize = integer(o, "batchSize");
  e.windowMs = integer(o, "window");
  e.reportFailures = flag(o, "reportFailures", false);
  e.maxConcurrency = integer(o, "maxConcurrency");
  e.enabled = flag(o, "enabled", true);
  e.filters = patterns(o);
  return e;
}

StreamEvent readStream(const Value& source, const Value& o) {
  StreamEvent e;
  e.stream = target(source);
  e.start = text(o, "start");
  e.batchSize = integer(o, "batchSize");
  e.windowMs = integer(o, "window");
  e.retries = integer(o, "retries");
  e.maxAgeMs = integer(o, "maxAge");
  e.splitOnError = flag(o, "splitOnError", false);
  e.parallelization = integer(o, "parallelization");
  e.onFailure = optionalTarget(o, "onFailure");
  e.reportFailures = flag(o, "reportFailures", false);
  e.enabled = flag(o, "enabled", true);
  e.filters = patterns(o);
  return e;
}

SnsEvent readSns(const Value& source, const Value& o) {
  SnsEvent e;
  e.topic = target(source);
  e.filter = object(o, "filter");
  e.filterOnBody = text(o, "filterOn") == "body";
  e.deadLetter = optionalTarget(o, "deadLetter");
  return e;
}

S3Event readS3(const Value& source, const Value& o) {
  S3Event e;
  e.bucket = target(source);
  if (const Value* on = o.field("on"); on != nullptr && on->kind == K::List) {
    for (const auto& item : on->items) {
      if (item.kind == K::String) e.on.push_back(item.string);
    }
  }
  if (e.on.empty()) e.on.push_back("s3:ObjectCreated:*");
  e.prefix = text(o, "prefix");
  e.suffix = text(o, "suffix");
  return e;
}

RuleEvent readRule(const Value& pattern, const Value& o) {
  RuleEvent e;
  e.pattern = pattern;
  e.bus = optionalTarget(o, "bus");
  e.input = object(o, "input");
  e.enabled = flag(o, "enabled", true);
  return e;
}

ScheduleEvent readSchedule(const Value& expression, const Value& o) {
  ScheduleEvent e;
  e.expression = expression.kind == K::String ? expression.string : "";
  e.expressionSpan = expression.origin;
  e.input = object(o, "input");
  e.enabled = flag(o, "enabled", true);
  return e;
}

}  // namespace

const EventTarget* eventSource(const Event& event) {
  if (const auto* e = std::get_if<SqsEvent>(&event.detail)) return &e->queue;
  if (const auto* e = std::get_if<StreamEvent>(&event.detail)) return &e->stream;
  if (const auto* e = std::get_if<SnsEvent>(&event.detail)) return &e->topic;
  if (const auto* e = std::get_if<S3Event>(&event.detail)) return &e->bucket;
  return nullptr;
}

std::optional<Event> readEvent(const Value& record) {
  if (record.kind != K::Object) return std::nullopt;
  const Value* kind = record.field("kind");
  if (kind == nullptr || kind->kind != K::String) return std::nullopt;
  static const Value kNoOptions = Value::object({});
  const Value* options = record.field("options");
  if (options == nullptr || options->kind != K::Object) options = &kNoOptions;
  const Value* source = record.field("source");
  const Value* pattern = record.field("pattern");
  const Value* expression = record.field("expression");

  Event event;
  event.kind = kind->string;
  event.options = *options;
  event.span = record.origin;
  if (source != nullptr && kind->string == "sqs") {
    event.detail = readSqs(*source, *options);
  } else if (source != nullptr && kind->string == "stream") {
    event.detail = readStream(*source, *options);
  } else if (source != nullptr && kind->string == "sns") {
    event.detail = readSns(*source, *options);
  } else if (source != nullptr && kind->string == "s3") {
    event.detail = readS3(*source, *options);
  } else if (pattern != nullptr && kind->string == "rule") {
    event.detail = readRule(*pattern, *options);
  } else if (expression != nullptr && kind->string == "schedule") {
    event.detail = readSchedule(*expression, *options);
  } else {
    return std::nullopt;
  }
  return event;
}

}  // namespace jaws::model
