#include "local/events/SampleEvents.h"

namespace jaws::local {

const std::vector<std::string>& sampleEventKinds() {
  static const std::vector<std::string> kKinds = {"sqs", "sns", "s3", "stream", "rule", "schedule", "http"};
  return kKinds;
}

std::optional<EventJson> sampleEvent(std::string_view kind, const SampleContext& context) {
  if (kind == "sqs") return sqsSampleEvent(context);
  if (kind == "sns") return snsSampleEvent(context);
  if (kind == "s3") return s3SampleEvent(context);
  if (kind == "stream") return streamSampleEvent(context);
  if (kind == "rule") return ruleSampleEvent(context);
  if (kind == "schedule") return scheduleSampleEvent(context);
  if (kind == "http") return httpSampleEvent(context);
  return std::nullopt;
}

}  // namespace jaws::local
