#pragma once
// What the samples take from a function's declared event sources (`events`):
// the first source of a kind, the ARN it would have (a literal ARN as
// written; a resource of the project by its declaration name, since its
// physical name exists only once deployed), and a fixed `input` as JSON.
#include <optional>
#include <string>
#include <string_view>

#include "local/events/ApiEvents.h"
#include "model/Events.h"

namespace jaws::local {

struct SampleContext;

// The function's first event of `kind` ("sqs", "stream", ...), or null.
const model::Event* declaredEvent(const SampleContext& context, std::string_view kind);

// `arn:aws:<service>:<region>:<account>:<prefix><name>` for a resource, or
// the literal ARN; empty when the ARN is only known at deploy time.
std::string sampleSourceArn(const SampleContext& context, const model::EventTarget& target, std::string_view service,
                            std::string_view prefix);

// A compile-time value as JSON (a rule's or schedule's fixed `input`).
EventJson valueJson(const model::Value& value);

}  // namespace jaws::local
