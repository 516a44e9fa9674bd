#pragma once
// The rules of event sources (internal to sema/rules/events/): what a
// function's `events` would make AWS refuse or run wrongly. One file per event
// kind (SqsRules.cpp, StreamRules.cpp, ...), the event patterns
// (EventPatterns.cpp), the sources and destinations (EventTargets.cpp), and
// the checks that look at a whole stack (EventRules.cpp: duplicates,
// throttled functions; S3Rules.cpp: overlapping notifications, cycles).
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sema/rules/RuleContext.h"

namespace jaws::sema::events {

// What the rules of one stack share: its resources by name and the stdlib's
// event tables (stdlib/events.jaws). A limit the stdlib does not define is
// nullopt and its rule does not run.
class EventTables {
 public:
  explicit EventTables(const StackRuleContext& c);
  const model::Resource* resource(std::string_view name) const;
  // eventSources.<kind>.<key>: integers as they are, durations in milliseconds.
  std::optional<std::int64_t> sourceLimit(std::string_view kind, std::string_view key) const;
  // eventLimits.<key>, likewise.
  std::optional<std::int64_t> limit(std::string_view key) const;
  const std::vector<std::string>& matchers() const { return matchers_; }

 private:
  std::map<std::string, const model::Resource*, std::less<>> resources_;
  std::optional<model::Value> sources_, limits_;
  std::vector<std::string> matchers_;
};

// One event of one function, being checked.
struct EventCheck {
  const StackRuleContext& c;
  const EventTables& tables;
  const model::Function& fn;
  const model::Event& event;

  // Where an option is written (its value), else the builtin call.
  Span optionSpan(std::string_view key) const;
  const model::Resource* resource(const model::EventTarget& target) const {
    return target.isResource() ? tables.resource(target.resource) : nullptr;
  }
};

// ---- per kind (one file each) ------------------------------------------------
void checkSqsEvent(const EventCheck& check, const model::SqsEvent& event);
void checkStreamEvent(const EventCheck& check, const model::StreamEvent& event);
void checkSnsEvent(const EventCheck& check, const model::SnsEvent& event);
void checkRuleEvent(const EventCheck& check, const model::RuleEvent& event);
void checkScheduleEvent(const EventCheck& check, const model::ScheduleEvent& event);

// S3 notifications are checked per bucket, over the whole stack: overlapping
// notifications, and notifications whose function depends on its bucket
// (S3Rules.cpp).
void checkS3Notifications(const StackRuleContext& c, const EventTables& tables);

// ---- sources and destinations (EventTargets.cpp) -------------------------------
struct Arn {
  std::string partition, service, region, account, resource;
};
// `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`, or nothing.
std::optional<Arn> parseArn(std::string_view text);

// How a source is named in messages: "`jobs`", or the ARN in quotes.
std::string targetLabel(const model::EventTarget& target);

// A literal ARN target: its service must be one of `services` and `accepts`
// its resource part (JW4053, saying `expected`); a mapping's source must also
// be in the stack's region (JW4056). Deploy-time ARNs are left to AWS.
// Returns the parsed ARN when it passed.
std::optional<Arn> checkTargetArn(const EventCheck& check, const model::EventTarget& target,
                                  const std::vector<std::string_view>& services, std::string_view expected,
                                  bool sameRegion, bool (*accepts)(const Arn&) = nullptr);

// An option naming a destination (`onFailure`, `deadLetter`, `bus`): a
// resource of one of `types` (JW3033), or an ARN (checkTargetArn).
void checkDestination(const EventCheck& check, const model::EventTarget& target, std::string_view option,
                      const std::vector<std::string_view>& types, std::string_view expected,
                      const std::vector<std::string_view>& services, std::string_view expectedArn);

// A resource's property, when set.
const model::Value* property(const model::Resource& resource, std::string_view key);

// Batch size and window of a mapping against the source's limits
// (JW4041-JW4043); `kind` selects the `eventSources` entry.
void checkBatching(const EventCheck& check, std::optional<std::int64_t> batchSize, std::optional<std::int64_t> windowMs,
                   std::string_view sourceLabel);

// ---- event patterns (EventPatterns.cpp) ----------------------------------------
// JW4048 for an event pattern or filter policy; `what` names it in the message.
bool checkPattern(const EventCheck& check, const model::Value& pattern, std::string_view what);
// A mapping's `filter`: at most `eventLimits.filters` patterns (JW4054), each valid.
void checkFilters(const EventCheck& check, const std::vector<model::Value>& filters);
// SNS's own limits on a filter policy (JW4049).
void checkSnsFilterLimits(const EventCheck& check, const model::Value& policy, bool onBody);

}  // namespace jaws::sema::events
