// An EventBridge event that the function's declared rule matches (Amazon
// EventBridge User Guide, "Amazon EventBridge events"): the first `source`
// and `detail-type` its pattern lists; a rule with a fixed `input` sends that
// input instead.
#include "local/events/DeclaredSources.h"
#include "local/events/SampleEvents.h"

namespace jaws::local {

namespace {

// The first plain string a pattern lists under `key` (`source = ["aws.ec2"]`).
std::string firstListed(const model::Value& pattern, const char* key, const char* otherwise) {
  const model::Value* values = pattern.field(key);
  if (values != nullptr && values->kind == model::Value::Kind::List) {
    for (const model::Value& value : values->items) {
      if (value.kind == model::Value::Kind::String) return value.string;
    }
  }
  return otherwise;
}

}  // namespace

EventJson ruleSampleEvent(const SampleContext& context) {
  const std::string& region = context.stack->stage.region;
  std::string source = "jaws.local", detailType = "Example Event";
  if (const model::Event* declared = declaredEvent(context, "rule")) {
    const auto& rule = std::get<model::RuleEvent>(declared->detail);
    if (rule.input) return valueJson(*rule.input);
    source = firstListed(rule.pattern, "source", "jaws.local");
    detailType = firstListed(rule.pattern, "detail-type", "Example Event");
  }
  return EventJson{
      {"version", "0"},
      {"id", "7bf73129-1428-4cd3-a780-95db273d1602"},
      {"detail-type", detailType},
      {"source", source},
      {"account", context.account},
      {"time", "2024-01-01T12:00:00Z"},
      {"region", region},
      {"resources", EventJson::array()},
      {"detail", EventJson::object()},
  };
}

}  // namespace jaws::local
