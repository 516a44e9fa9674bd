#include "local/events/DeclaredSources.h"

#include "local/events/SampleEvents.h"

namespace jaws::local {

const model::Event* declaredEvent(const SampleContext& context, std::string_view kind) {
  for (const model::Event& event : context.function->events) {
    if (event.kind == kind) return &event;
  }
  return nullptr;
}

std::string sampleSourceArn(const SampleContext& context, const model::EventTarget& target, std::string_view service,
                            std::string_view prefix) {
  if (!target.isResource()) return target.arn.kind == model::Value::Kind::String ? target.arn.string : std::string();
  return "arn:aws:" + std::string(service) + ":" + context.stack->stage.region + ":" + context.account + ":" +
         std::string(prefix) + target.resource;
}

EventJson valueJson(const model::Value& value) {
  using K = model::Value::Kind;
  switch (value.kind) {
    case K::Bool: return value.boolean;
    case K::Int:
    case K::Size:
    case K::Duration: return value.integer;
    case K::Number: return value.number;
    case K::String: return value.string;
    case K::List: {
      EventJson out = EventJson::array();
      for (const auto& item : value.items) out.push_back(valueJson(item));
      return out;
    }
    case K::Object: {
      EventJson out = EventJson::object();
      for (const auto& [key, field] : value.fields) out[key] = valueJson(field);
      return out;
    }
    case K::Null:
    case K::Deploy:
    case K::Concat: break;
  }
  return nullptr;
}

}  // namespace jaws::local
