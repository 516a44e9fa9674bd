// Sources and destinations of events: the stdlib's event tables, ARNs written
// as strings, destination types, and the batch limits every mapping shares.
#include <algorithm>

#include "diag/Builders.h"
#include "sema/rules/events/EventRules.h"

namespace jaws::sema::events {

namespace {

using K = model::Value::Kind;

std::optional<std::int64_t> integerOf(const model::Value* v) {
  if (v == nullptr || (v->kind != K::Int && v->kind != K::Duration && v->kind != K::Size)) return std::nullopt;
  return v->integer;
}

}  // namespace

EventTables::EventTables(const StackRuleContext& c)
    : sources_(c.evaluator.stdlibLet("eventSources")), limits_(c.evaluator.stdlibLet("eventLimits")) {
  for (const auto& r : c.stack.resources) resources_.emplace(r.name, &r);
  if (auto matchers = c.evaluator.stdlibLet("eventPatternMatchers"); matchers && matchers->kind == K::List) {
    for (const auto& m : matchers->items) {
      if (m.kind == K::String) matchers_.push_back(m.string);
    }
  }
}

const model::Resource* EventTables::resource(std::string_view name) const {
  auto it = resources_.find(name);
  return it == resources_.end() ? nullptr : it->second;
}

std::optional<std::int64_t> EventTables::sourceLimit(std::string_view kind, std::string_view key) const {
  const model::Value* entry = sources_ ? sources_->field(kind) : nullptr;
  return integerOf(entry ? entry->field(key) : nullptr);
}

std::optional<std::int64_t> EventTables::limit(std::string_view key) const {
  return integerOf(limits_ ? limits_->field(key) : nullptr);
}

Span EventCheck::optionSpan(std::string_view key) const {
  const model::Value* v = event.options.field(key);
  return v != nullptr && v->origin.valid() ? v->origin : event.span;
}

std::optional<Arn> parseArn(std::string_view text) {
  if (text.rfind("arn:", 0) != 0) return std::nullopt;
  Arn arn;
  std::string* parts[] = {&arn.partition, &arn.service, &arn.region, &arn.account};
  std::size_t at = 4;
  for (std::string* part : parts) {
    const std::size_t colon = text.find(':', at);
    if (colon == std::string_view::npos) return std::nullopt;
    *part = std::string(text.substr(at, colon - at));
    at = colon + 1;
  }
  arn.resource = std::string(text.substr(at));
  if (arn.partition.empty() || arn.service.empty() || arn.resource.empty()) return std::nullopt;
  return arn;
}

std::string targetLabel(const model::EventTarget& target) {
  if (target.isResource()) return "`" + target.resource + "`";
  return model::describe(target.arn);
}

std::optional<Arn> checkTargetArn(const EventCheck& check, const model::EventTarget& target,
                                  const std::vector<std::string_view>& services, std::string_view expected,
                                  bool sameRegion, bool (*accepts)(const Arn&)) {
  if (target.isResource() || target.arn.kind != K::String) return std::nullopt;
  const Span at = spanOr(target.span, check.event.span);
  const auto arn = parseArn(target.arn.string);
  const bool ok = arn && std::find(services.begin(), services.end(), arn->service) != services.end() &&
                  (accepts == nullptr || accepts(*arn));
  if (!ok) {
    check.c.out.push_back(diag::InvalidEventSourceArn(at, target.arn.string, expected));
    return std::nullopt;
  }
  const std::string& region = check.c.stack.stage.region;
  if (sameRegion && !arn->region.empty() && !region.empty() && arn->region != region) {
    check.c.out.push_back(diag::EventSourceInOtherRegion(at, target.arn.string, arn->region, region));
    return std::nullopt;
  }
  return arn;
}

void checkDestination(const EventCheck& check, const model::EventTarget& target, std::string_view option,
                      const std::vector<std::string_view>& types, std::string_view expected,
                      const std::vector<std::string_view>& services, std::string_view expectedArn) {
  if (const model::Resource* r = check.resource(target)) {
    if (std::find(types.begin(), types.end(), r->type) == types.end()) {
      check.c.out.push_back(diag::EventDestinationWrongType(spanOr(target.span, check.event.span), option, expected, r->name)
                                .note(r->span, note::ResourceDeclaredAs(r->name, r->type)));
    }
    return;
  }
  checkTargetArn(check, target, services, expectedArn, false);
}

const model::Value* property(const model::Resource& resource, std::string_view key) {
  for (const auto& [name, value] : resource.properties) {
    if (name == key) return value.kind == K::Null ? nullptr : &value;
  }
  return nullptr;
}

void checkBatching(const EventCheck& check, std::optional<std::int64_t> batchSize, std::optional<std::int64_t> windowMs,
                   std::string_view sourceLabel) {
  const std::string& kind = check.event.kind;
  if (auto limit = check.tables.sourceLimit(kind, "maxBatchSize"); limit && batchSize && *batchSize > *limit) {
    check.c.out.push_back(diag::BatchSizeOutOfRange(check.optionSpan("batchSize"), std::to_string(*batchSize),
                                                    std::string(sourceLabel), std::to_string(*limit)));
  }
  if (!windowMs) return;
  const model::Value window = model::Value::ofDuration(*windowMs);
  if (auto limit = check.tables.sourceLimit(kind, "maxWindow"); limit && *windowMs > *limit) {
    check.c.out.push_back(
        diag::BatchWindowOutOfRange(check.optionSpan("window"), model::describe(window), model::describe(model::Value::ofDuration(*limit))));
  } else if (*windowMs % 1000 != 0) {
    check.c.out.push_back(diag::BatchWindowNotWholeSeconds(check.optionSpan("window"), model::describe(window)));
  }
}

}  // namespace jaws::sema::events
