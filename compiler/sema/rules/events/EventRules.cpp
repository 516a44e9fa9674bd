// The entry point of the event rules: each function's events, by kind (one
// file each), then what concerns a function's events together (one source
// twice, JW4046; a function turned off, JW4050) and the buckets of the stack
// (S3Rules.cpp).
#include <map>

#include "diag/Builders.h"
#include "sema/rules/events/EventRules.h"

namespace jaws::sema {

namespace {

using namespace events;

template <typename... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <typename... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

void checkEvent(const EventCheck& check) {
  std::visit(Overloaded{[&](const model::SqsEvent& e) { checkSqsEvent(check, e); },
                        [&](const model::StreamEvent& e) { checkStreamEvent(check, e); },
                        [&](const model::SnsEvent& e) { checkSnsEvent(check, e); },
                        [&](const model::S3Event&) {},  // per bucket, in checkS3Notifications
                        [&](const model::RuleEvent& e) { checkRuleEvent(check, e); },
                        [&](const model::ScheduleEvent& e) { checkScheduleEvent(check, e); }},
             check.event.detail);
}

// Lambda keeps one mapping per queue or stream and function, SNS one
// subscription per topic and endpoint: a second one of the same source fails
// or silently merges with the first.
void checkDuplicateSources(const StackRuleContext& c, const model::Function& fn) {
  std::map<std::pair<std::string, std::string>, const model::Event*> seen;  // (kind, source) -> first
  for (const auto& event : fn.events) {
    if (std::holds_alternative<model::S3Event>(event.detail)) continue;  // several notifications per bucket are fine
    const model::EventTarget* source = model::eventSource(event);
    if (source == nullptr) continue;
    std::string key = source->isResource() ? source->resource : "";
    if (!source->isResource()) {
      if (source->arn.kind != model::Value::Kind::String) continue;  // deploy-time: unknown
      key = "\"" + source->arn.string;
    }
    auto [it, inserted] = seen.try_emplace({event.kind, key}, &event);
    if (inserted) continue;
    c.out.push_back(diag::DuplicateEventSource(spanOr(source->span, event.span), targetLabel(*source), fn.name)
                        .note(it->second->span, note::FirstEventHere()));
  }
}

}  // namespace

void checkEventRules(const StackRuleContext& c) {
  bool any = false;
  for (const auto& fn : c.stack.functions) any = any || !fn.events.empty();
  if (!any) return;
  const EventTables tables(c);
  for (const auto& fn : c.stack.functions) {
    for (const auto& event : fn.events) {
      checkEvent(EventCheck{c, tables, fn, event});
      if (fn.reservedConcurrency && *fn.reservedConcurrency == 0) {
        const model::EventTarget* source = model::eventSource(event);
        const std::string label = source ? targetLabel(*source) : "`" + event.kind + "(...)`";
        c.out.push_back(diag::EventToThrottledFunction(event.span, fn.name, label));
      }
    }
    checkDuplicateSources(c, fn);
  }
  checkS3Notifications(c, tables);
}

}  // namespace jaws::sema
