// The registry of event stubs and the adapter code their branches share.
#include "stubs/events/EventStubs.h"

#include <algorithm>

namespace jaws::stubs {

const EventStub& sqsStub();
const EventStub& streamStub();
const EventStub& snsStub();
const EventStub& s3Stub();
const EventStub& ruleStub();

const std::vector<const EventStub*>& eventStubs() {
  static const std::vector<const EventStub*> kStubs = {&sqsStub(), &streamStub(), &snsStub(), &s3Stub(), &ruleStub()};
  return kStubs;
}

const EventStub* eventStub(std::string_view kind) {
  const auto& stubs = eventStubs();
  auto it = std::find_if(stubs.begin(), stubs.end(), [&](const EventStub* s) { return kind == s->kind; });
  return it == stubs.end() ? nullptr : *it;
}

model::Schema shapeOf(model::Schema::Kind kind) {
  model::Schema s;
  s.kind = kind;
  return s;
}

model::Schema shapeRecord(std::vector<model::SchemaField> fields) {
  model::Schema s = shapeOf(model::Schema::Kind::Object);
  s.fields = std::move(fields);
  return s;
}

model::Schema shapeList(model::Schema element) {
  model::Schema s = shapeOf(model::Schema::Kind::Array);
  s.element = std::make_shared<model::Schema>(std::move(element));
  return s;
}

model::Schema shapeMap(model::Schema element) {
  model::Schema s = shapeOf(model::Schema::Kind::Map);
  s.element = std::make_shared<model::Schema>(std::move(element));
  return s;
}

model::Schema shapeRef(const char* name) {
  model::Schema s = shapeOf(model::Schema::Kind::Ref);
  s.refName = std::string("@") + name;
  return s;
}

model::Schema shapeLiteral(const char* text) {
  model::Schema s = shapeOf(model::Schema::Kind::Literal);
  s.literal = model::Value::ofString(text);
  return s;
}

model::SchemaField shapeField(const char* name, model::Schema schema, bool optional, const char* description) {
  model::SchemaField f;
  f.name = name;
  f.schema = std::move(schema);
  f.optional = optional;
  f.description = description;
  return f;
}

const char* const kBatchResultModel = "JawsBatchResult";

EventModel batchResultModel() {
  using K = model::Schema::Kind;
  return {kBatchResultModel,
          "What a batch handler returns: the records that failed, which Lambda delivers again (reportFailures).",
          shapeRecord({shapeField("batchItemFailures",
                                  shapeList(shapeRecord({shapeField("itemIdentifier", shapeOf(K::String))})))})};
}

namespace node {

const char* const kRecordsFrom = R"JS(// Whether an event holds records of one source ("aws:sqs", "aws:s3", ...).
/**
 * @param {any} event
 * @param {string} source
 */
function jawsRecordsFrom(event, source) {
  const first = Array.isArray(event?.Records) ? event.Records[0] : undefined;
  return first !== null && typeof first === "object" && (first.eventSource ?? first.EventSource) === source;
}
)JS";

const char* const kBatch = R"JS(// Runs the plain function on each record of a batch. With reportFailures, a
// record whose function throws is reported in batchItemFailures and delivered
// again; for a stream (inOrder), the first failure also reports every later
// record, as Lambda resumes from it. Without reportFailures, the error fails
// the whole batch, which is then delivered again.
/**
 * @param {any[]} records
 * @param {any} context
 * @param {JawsEventTrigger} trigger
 * @param {(record: any) => string} idOf
 * @param {boolean} inOrder
 */
async function jawsBatch(records, context, trigger, idOf, inOrder) {
  /** @type {{ itemIdentifier: string }[]} */
  const batchItemFailures = [];
  for (let i = 0; i < records.length; i++) {
    try {
      await trigger.handle(records[i], context);
    } catch (error) {
      if (!trigger.reportFailures) throw error;
      console.error(`Record ${idOf(records[i])} failed:`, error);
      const failed = inOrder ? records.slice(i) : [records[i]];
      for (const record of failed) batchItemFailures.push({ itemIdentifier: idOf(record) });
      if (inOrder) break;
    }
  }
  return { batchItemFailures };
}
)JS";

const char* const kEach = R"JS(// Runs the plain function on each record of an event, one after the other.
/**
 * @param {any[]} records
 * @param {any} context
 * @param {JawsEventTrigger} trigger
 */
async function jawsEach(records, context, trigger) {
  for (const record of records) await trigger.handle(record, context);
  return null;
}
)JS";

const char* const kDispatchFixedInput = R"JS(  // A rule or schedule that sends a fixed `input` instead of its event.
  const fixedInput = Object.values(triggers.events ?? {}).find((trigger) => trigger.anyEvent);
  if (fixedInput) return fixedInput.handle(event, context);
)JS";

}  // namespace node

namespace python {

const char* const kRecordsFrom = R"PY(def _jaws_records_from(event, source):
    """Whether an event holds records of one source ("aws:sqs", "aws:s3", ...)."""
    records = event.get("Records") if _b.isinstance(event, _b.dict) else None
    if not _b.isinstance(records, _b.list) or not records or not _b.isinstance(records[0], _b.dict):
        return False
    return records[0].get("eventSource", records[0].get("EventSource")) == source
)PY";

const char* const kBatch = R"PY(def _jaws_batch(records, context, trigger, id_of, in_order):
    """Runs the plain function on each record of a batch. With reportFailures, a
    record whose function raises is reported in batchItemFailures and delivered
    again; for a stream (in_order), the first failure also reports every later
    record, as Lambda resumes from it. Without reportFailures, the error fails
    the whole batch, which is then delivered again."""
    failures = []
    for index, record in _b.enumerate(records):
        try:
            trigger["handle"](record, context)
        except _b.Exception as error:
            if not trigger["reportFailures"]:
                raise
            _b.print(f"Record {id_of(record)} failed: {error!r}")
            failed = records[index:] if in_order else [record]
            failures.extend({"itemIdentifier": id_of(item)} for item in failed)
            if in_order:
                break
    return {"batchItemFailures": failures}
)PY";

const char* const kEach = R"PY(def _jaws_each(records, context, trigger):
    """Runs the plain function on each record of an event, one after the other."""
    for record in records:
        trigger["handle"](record, context)
    return None
)PY";

const char* const kDispatchFixedInput = R"PY(    # A rule or schedule that sends a fixed `input` instead of its event.
    fixed_input = _b.next((t for t in triggers.get("events", {}).values() if t["anyEvent"]), None)
    if fixed_input is not None:
        return fixed_input["handle"](event, context)
)PY";

}  // namespace python

}  // namespace jaws::stubs
