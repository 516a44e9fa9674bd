#pragma once
// Internal to emit/cloudformation/events/: what the file of each event kind
// provides (the logical IDs it adds below its event's stem, and its
// resources and role statements) and the pieces they share.
#include <map>
#include <string>
#include <vector>

#include "emit/cloudformation/CfnValues.h"
#include "emit/cloudformation/TemplateResources.h"
#include "emit/cloudformation/events/EventResources.h"

namespace jaws::emit::events {

// The stack's `resource` declarations by name.
class ResourceIndex {
 public:
  explicit ResourceIndex(const model::Stack& stack);
  const model::Resource* find(const std::string& name) const;

 private:
  std::map<std::string, const model::Resource*, std::less<>> byName_;
};

struct EventContext {
  const model::Stack& stack;
  const ResourceIndex& resources;
  const model::Function& fn;
  const model::Event& event;
  std::string stem;  // the event's logical-ID stem: WorkerJobs, WorkerSqs2, WorkerSchedule3, ...

  std::string functionId() const;
  // The type of the resource a target names, or empty for an ARN.
  std::string typeOf(const model::EventTarget& target) const;
};

struct EventOutput {
  ResourceMap& resources;
  std::vector<Json>& statements;  // added to the function's role
};

// The logical-ID stem of each of a function's events, in order
// (EventResources.cpp): `<Fn><Resource>` for a resource source (one per
// bucket for S3), `<Fn><Kind><N>` for an ARN or a rule, `<Fn>Schedule<N>`
// continuing the `schedule` attribute's numbering; unique within the function.
std::vector<std::string> eventStems(const model::Function& fn);

// ---- per kind (one file each) --------------------------------------------------
std::vector<std::string> sqsIds(const std::string& stem);
void emitSqs(const EventContext& c, const model::SqsEvent& e, EventOutput& out);
std::vector<std::string> streamIds(const std::string& stem);
void emitStream(const EventContext& c, const model::StreamEvent& e, EventOutput& out);
std::vector<std::string> snsIds(const std::string& stem);
void emitSns(const EventContext& c, const model::SnsEvent& e, EventOutput& out);
std::vector<std::string> s3Ids(const std::string& stem);
void emitS3(const EventContext& c, const model::S3Event& e, EventOutput& out);
std::vector<std::string> ruleIds(const std::string& stem);
void emitRule(const EventContext& c, const model::RuleEvent& e, EventOutput& out);
std::vector<std::string> scheduleIds(const std::string& stem);
void emitSchedule(const EventContext& c, const model::ScheduleEvent& e, EventOutput& out);

// Stack-wide: every bucket's notifications (S3Events.cpp), every SNS
// dead-letter queue's policy (SnsEvents.cpp).
void addBucketNotifications(const model::Stack& stack, const ResourceIndex& index, ResourceMap& resources);
void addDeadLetterPolicies(const model::Stack& stack, const ResourceIndex& index, ResourceMap& resources);
std::vector<std::pair<std::string, std::string>> deadLetterPolicyIds(const model::Stack& stack);

// ---- shared (EventPieces.cpp) ---------------------------------------------------
// A target's ARN: by the type of its resource (a queue's Arn, a topic's Ref,
// a table's StreamArn, ...), or the ARN as written.
Json targetArn(const EventContext& c, const model::EventTarget& target);
// The service a target belongs to ("sqs", "sns", "dynamodb", "kinesis",
// ...), from its resource type or its ARN; empty when unknown.
std::string targetService(const EventContext& c, const model::EventTarget& target);
Json allowStatement(std::vector<std::string> actions, Json resource);
// `filter` patterns as FilterCriteria (each pattern as JSON text).
Json filterCriteria(const model::Stack& stack, const std::vector<model::Value>& filters);
// The send statement of a destination (an SQS queue or an SNS topic).
std::optional<Json> destinationStatement(const EventContext& c, const model::EventTarget& target);

}  // namespace jaws::emit::events
