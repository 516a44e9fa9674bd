// An API Gateway proxy request to the function's first route (a REST API's
// payload 1.0, an HTTP API's payload 2.0): path parameters, required query parameters and headers, and a body
// that satisfies the route's `body` type, all with sample values.
#include "local/events/SampleEvents.h"

#include <functional>

namespace jaws::local {

namespace {

using model::Schema;

class SchemaSampler {
 public:
  explicit SchemaSampler(const model::Stack& stack) : stack_(stack) {}

  EventJson sample(const Schema& schema, int depth = 0) const {
    if (depth > 8) return nullptr;
    const model::Constraints& c = schema.constraints;
    if (c.example) return valueJson(*c.example);
    switch (schema.kind) {
      case Schema::Kind::String: return text(c);
      case Schema::Kind::Integer: return static_cast<std::int64_t>(c.minimum.value_or(1));
      case Schema::Kind::Number: return c.minimum.value_or(1.5);
      case Schema::Kind::Boolean: return true;
      case Schema::Kind::Null: return nullptr;
      case Schema::Kind::Any: return "example";
      case Schema::Kind::Literal: return valueJson(schema.literal);
      case Schema::Kind::Union: return schema.members.empty() ? EventJson(nullptr) : sample(schema.members.front(), depth + 1);
      case Schema::Kind::Array: {
        EventJson out = EventJson::array();
        const std::int64_t count = std::max<std::int64_t>(1, c.minItems.value_or(1));
        for (std::int64_t i = 0; i < count && schema.element; ++i) out.push_back(sample(*schema.element, depth + 1));
        return out;
      }
      case Schema::Kind::Map: return EventJson{{"key", schema.element ? sample(*schema.element, depth + 1) : EventJson("x")}};
      case Schema::Kind::Object: {
        EventJson out = EventJson::object();
        for (const auto& field : schema.fields) {
          if (!field.optional) out[field.name] = sample(field.schema, depth + 1);
        }
        return out;
      }
      case Schema::Kind::Ref:
        for (const auto& type : stack_.types) {
          if (type.name == schema.refName) return sample(type.schema, depth + 1);
        }
        return nullptr;
    }
    return nullptr;
  }

  static EventJson valueJson(const model::Value& value) {
    switch (value.kind) {
      case model::Value::Kind::Bool: return value.boolean;
      case model::Value::Kind::Int: return value.integer;
      case model::Value::Kind::Number: return value.number;
      case model::Value::Kind::String: return value.string;
      default: return nullptr;
    }
  }

  static std::string text(const model::Constraints& c) {
    const std::string format = c.format.value_or("");
    if (format == "uuid") return "3f2b8e1c-5d4a-4c6b-9e7f-1a2b3c4d5e6f";
    if (format == "date-time") return kSampleTime;
    if (format == "date") return "2024-01-01";
    if (format == "email") return "someone@example.com";
    if (format == "uri" || format == "url") return "https://example.com/";
    std::string out = "example";
    const std::int64_t min = c.minLength.value_or(0), max = c.maxLength.value_or(1 << 20);
    while (static_cast<std::int64_t>(out.size()) < min) out += "x";
    if (static_cast<std::int64_t>(out.size()) > max) out.resize(static_cast<std::size_t>(std::max<std::int64_t>(max, 0)));
    return out;
  }

 private:
  const model::Stack& stack_;
};

std::string scalarText(const EventJson& value) { return value.is_string() ? value.get<std::string>() : value.dump(); }

}  // namespace

EventJson httpSampleEvent(const SampleContext& context) {
  const model::Stack& stack = *context.stack;
  const model::Api* api = nullptr;
  const model::Route* route = nullptr;
  for (const auto& a : stack.apis) {
    for (const auto& r : a.routes) {
      if (route == nullptr && r.function == context.function->name) api = &a, route = &r;
    }
  }
  HttpRequest request;
  ApiEventContext apiContext;
  apiContext.stage = stack.stage.name;
  apiContext.accountId = context.account;
  apiContext.requestId = "c6af9ac6-7b61-11e6-9a41-93e8deadbeef";
  apiContext.epochMillis = kSampleEpochMillis;
  request.method = "GET";
  request.path = "/";
  apiContext.resourcePath = "/";
  request.headers = {{"Host", "localhost:3000"}, {"User-Agent", "jaws-invoke"}, {"Accept", "application/json"}};
  if (route != nullptr) {
    const SchemaSampler sampler(stack);
    request.method = route->method == model::HttpMethod::Any ? "GET" : model::httpMethodName(route->method);
    apiContext.resourcePath = route->path;
    apiContext.binaryMediaTypes = api->binaryMediaTypes;
    std::string path = route->path, query;
    for (const auto& p : route->parameters) {
      const std::string value = scalarText(sampler.sample(p.schema));
      if (p.where == model::ParamLocation::Path) {
        std::string name = p.name;
        const bool greedy = !name.empty() && name.back() == '+';
        if (greedy) name.pop_back();
        const std::string placeholder = "{" + p.name + "}";
        if (auto at = path.find(placeholder); at != std::string::npos) path.replace(at, placeholder.size(), value);
        apiContext.pathParameters.emplace_back(name, value);
      } else if (p.required && p.where == model::ParamLocation::Query) {
        query += (query.empty() ? "" : "&") + p.name + "=" + value;
      } else if (p.required && p.where == model::ParamLocation::Header) {
        request.headers.emplace_back(p.name, value);
      }
    }
    request.path = path;
    request.query = query;
    if (route->body) {
      request.headers.emplace_back("Content-Type", "application/json");
      request.body = sampler.sample(*route->body).dump();
    }
  }
  apiContext.routeMethod = route != nullptr ? model::httpMethodName(route->method) : "GET";
  // An HTTP API's route gets the payload 2.0 event it would in AWS.
  if (api != nullptr && api->kind == model::ApiKind::Http) return httpApiEvent(request, apiContext);
  return restProxyEvent(request, apiContext);
}

}  // namespace jaws::local
