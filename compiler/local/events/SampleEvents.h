#pragma once
// Sample events for `jaws invoke --event KIND`: realistic shapes, as AWS
// documents them, filled with the function's region, account and names. One
// file each: SqsSample.cpp, SnsSample.cpp, S3Sample.cpp, StreamSample.cpp,
// RuleSample.cpp, ScheduleSample.cpp, HttpSample.cpp. A function's declared
// event source of the kind (`events = [sqs(jobs)]`) gives the sample its
// source ARN, bucket, pattern or fixed input (DeclaredSources.h). They are
// deterministic (fixed ids and times), so a run can be repeated and compared.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "local/events/ApiEvents.h"
#include "model/Model.h"

namespace jaws::local {

struct SampleContext {
  const model::Stack* stack = nullptr;
  const model::Function* function = nullptr;
  std::string account;
};

// "sqs", "sns", "s3", "stream", "rule", "schedule", "http".
const std::vector<std::string>& sampleEventKinds();
std::optional<EventJson> sampleEvent(std::string_view kind, const SampleContext& context);

EventJson sqsSampleEvent(const SampleContext& context);
EventJson snsSampleEvent(const SampleContext& context);
EventJson s3SampleEvent(const SampleContext& context);
EventJson streamSampleEvent(const SampleContext& context);
EventJson ruleSampleEvent(const SampleContext& context);
EventJson scheduleSampleEvent(const SampleContext& context);
EventJson httpSampleEvent(const SampleContext& context);

// The fixed time samples carry: 2024-01-01T12:00:00Z.
inline constexpr long long kSampleEpochMillis = 1704110400000LL;
inline constexpr const char* kSampleTime = "2024-01-01T12:00:00.000Z";

}  // namespace jaws::local
