#pragma once
// What `jaws stubs` knows about each kind of event (stubs/events/<Kind>Stub.cpp):
// the plain function a handler gets for it, how the adapter recognizes the
// event and hands it over (in Node.js and Python), and the Lambda shapes the
// models file declares for it. A schedule (`schedule = ...` or
// `schedule(...)`) is not one of them: it has had its own plain function
// since before events existed (StubHandlers.h).
#include <string_view>
#include <vector>

#include "model/Schema.h"

namespace jaws::stubs {

// A Lambda shape of the models files. A field naming another shape is a Ref
// to "@" + its name; nameModels makes the names unique.
struct EventModel {
  const char* name;  // "JawsSqsMessage"
  const char* description;
  model::Schema schema;
};

struct EventStub {
  const char* kind;          // model::Event::kind: "sqs"
  const char* suffix;        // the plain function's name after the function's: "OnMessage"
  const char* argument;      // the plain function's first parameter: "message"
  const char* argumentType;  // an EventModel name: "JawsSqsMessage"
  const char* expects;       // the handler's doc and error: "SQS messages"
  const char* handles;       // the plain function's doc: "one message of {sources}"
  // Batch sources report failures: the plain function throws until it is
  // implemented, so every record is reported as failed (nothing is lost).
  // Others log that they are not implemented.
  bool batch = false;
  bool records = true;  // the event carries `Records` (all but EventBridge rules)
  std::vector<EventModel> models;
  const char* nodeBranch;    // a branch of jawsDispatch
  const char* pythonBranch;  // a branch of _jaws_dispatch
};

// Every kind, in the order the dispatch tries them.
const std::vector<const EventStub*>& eventStubs();
const EventStub* eventStub(std::string_view kind);

// The shared adapter code the branches call: records of one source, a batch
// with failures, each record of an event; and the last branch, for rules and
// schedules that send a fixed `input` instead of their event.
namespace node {
inline constexpr const char* kEventHelperNames[] = {"jawsRecordsFrom", "jawsBatch", "jawsEach"};
extern const char* const kRecordsFrom;
extern const char* const kBatch;
extern const char* const kEach;
extern const char* const kDispatchFixedInput;
}  // namespace node
namespace python {
inline constexpr const char* kEventHelperNames[] = {"_jaws_records_from", "_jaws_batch", "_jaws_each"};
extern const char* const kRecordsFrom;
extern const char* const kBatch;
extern const char* const kEach;
extern const char* const kDispatchFixedInput;
}  // namespace python

// Schema builders for the shapes.
model::Schema shapeOf(model::Schema::Kind kind);
model::Schema shapeRecord(std::vector<model::SchemaField> fields);
model::Schema shapeList(model::Schema element);
model::Schema shapeMap(model::Schema element);
model::Schema shapeRef(const char* name);  // another EventModel
model::Schema shapeLiteral(const char* text);
model::SchemaField shapeField(const char* name, model::Schema schema, bool optional = false, const char* description = "");

// What a batch handler returns with reportFailures.
extern const char* const kBatchResultModel;  // "JawsBatchResult"
EventModel batchResultModel();

}  // namespace jaws::stubs
