// s3(bucket, ...), per bucket over the whole stack: no two notifications of a
// bucket overlap (JW4047), the `s3(...)` events of every function and the
// configurations the bucket's declaration writes alike; and no function the
// bucket notifies depends on the bucket (JW4052), which CloudFormation
// refuses as a circular dependency. When the bucket's name is known, the
// emitter writes the functions' own references to it by name
// (emit/cloudformation/events/S3Events.cpp), so only other paths remain.
#include <deque>
#include <functional>
#include <set>

#include "diag/Builders.h"
#include "emit/cloudformation/events/EventResources.h"
#include "sema/rules/events/EventRules.h"

namespace jaws::sema::events {

namespace {

using K = model::Value::Kind;

// ---- overlapping notifications ------------------------------------------------

struct Notification {
  std::vector<std::string> types;
  std::string prefix, suffix;
  Span at;
};

bool typesOverlap(const std::string& a, const std::string& b) {
  auto includes = [](const std::string& wide, const std::string& narrow) {
    return wide.ends_with(":*") && narrow.starts_with(wide.substr(0, wide.size() - 1));
  };
  return a == b || includes(a, b) || includes(b, a);
}

bool anyTypesOverlap(const Notification& a, const Notification& b) {
  for (const auto& x : a.types) {
    for (const auto& y : b.types) {
      if (typesOverlap(x, y)) return true;
    }
  }
  return false;
}

bool overlap(const Notification& a, const Notification& b) {
  const bool prefixes = a.prefix.starts_with(b.prefix) || b.prefix.starts_with(a.prefix);
  const bool suffixes = a.suffix.ends_with(b.suffix) || b.suffix.ends_with(a.suffix);
  return prefixes && suffixes && anyTypesOverlap(a, b);
}

std::string stringAt(const model::Value& object, std::string_view key) {
  const model::Value* v = object.field(key);
  return v != nullptr && v->kind == K::String ? v->string : "";
}

// The Lambda, queue and topic configurations written in the bucket's own
// NotificationConfiguration.
std::vector<Notification> declaredNotifications(const model::Resource& bucket) {
  std::vector<Notification> out;
  const model::Value* config = property(bucket, "NotificationConfiguration");
  if (config == nullptr || config->kind != K::Object) return out;
  for (const char* key : {"LambdaConfigurations", "QueueConfigurations", "TopicConfigurations"}) {
    const model::Value* list = config->field(key);
    if (list == nullptr || list->kind != K::List) continue;
    for (const auto& entry : list->items) {
      if (entry.kind != K::Object || stringAt(entry, "Event").empty()) continue;
      Notification n{{stringAt(entry, "Event")}, "", "", spanOr(entry.origin, bucket.span)};
      const model::Value* filter = entry.field("Filter");
      const model::Value* key3 = filter ? filter->field("S3Key") : nullptr;
      const model::Value* rules = key3 ? key3->field("Rules") : nullptr;
      if (rules != nullptr && rules->kind == K::List) {
        for (const auto& rule : rules->items) {
          const std::string name = stringAt(rule, "Name");
          if (name == "prefix" || name == "Prefix") n.prefix = stringAt(rule, "Value");
          if (name == "suffix" || name == "Suffix") n.suffix = stringAt(rule, "Value");
        }
      }
      out.push_back(std::move(n));
    }
  }
  return out;
}

void checkOverlaps(const StackRuleContext& c, const model::Resource& bucket, std::vector<Notification> notifications) {
  for (std::size_t j = 0; j < notifications.size(); ++j) {
    const Notification& later = notifications[j];
    bool reported = false;
    // Within one event: `on = ["s3:ObjectCreated:*", "s3:ObjectCreated:Put"]`.
    for (std::size_t a = 0; a < later.types.size() && !reported; ++a) {
      for (std::size_t b = a + 1; b < later.types.size() && !reported; ++b) {
        if (!typesOverlap(later.types[a], later.types[b])) continue;
        c.out.push_back(diag::OverlappingS3Notifications(later.at, bucket.name));
        reported = true;
      }
    }
    for (std::size_t i = 0; i < j && !reported; ++i) {
      if (!overlap(notifications[i], later)) continue;
      c.out.push_back(diag::OverlappingS3Notifications(later.at, bucket.name).note(notifications[i].at, note::OtherNotificationHere()));
      reported = true;
    }
  }
}

// ---- functions that depend on the bucket that notifies them -----------------------

// Who refers to whom: functions (with their roles) and resources, through
// the deploy-time values they hold.
class Dependencies {
 public:
  struct Edge {
    std::string to;  // a function's or a resource's name
    Span at;         // where the reference is written
    std::string shown;
    model::DeployRef ref;
  };

  explicit Dependencies(const model::Stack& stack) {
    for (const auto& fn : stack.functions) {
      auto& edges = edges_[fn.name];
      for (const auto& [name, value] : fn.environment) add(edges, value, fn.span);
      for (const auto& permission : fn.permissions) {
        for (const auto& resource : permission.resources) add(edges, resource, permission.span);
      }
      for (const auto& layer : fn.layers) add(edges, layer, fn.span);
      // The role reads a mapping's source and sends to its destination.
      for (const auto& event : fn.events) {
        std::vector<const model::EventTarget*> targets;
        if (const auto* e = std::get_if<model::SqsEvent>(&event.detail)) targets = {&e->queue};
        if (const auto* e = std::get_if<model::StreamEvent>(&event.detail)) {
          targets = {&e->stream};
          if (e->onFailure) targets.push_back(&*e->onFailure);
        }
        for (const auto* t : targets) {
          if (t->isResource()) {
            edges.push_back(Edge{t->resource, spanOr(t->span, event.span), "`" + t->resource + "`",
                                 model::DeployRef{model::DeployRef::Kind::ResourceRef, t->resource, "", "", "", false}});
          }
        }
      }
    }
    for (const auto& r : stack.resources) {
      auto& edges = edges_[r.name];
      for (const auto& [key, value] : r.properties) add(edges, value, r.span);
    }
  }

  const std::vector<Edge>& from(const std::string& node) const {
    static const std::vector<Edge> kNone;
    auto it = edges_.find(node);
    return it == edges_.end() ? kNone : it->second;
  }

 private:
  static void refs(const model::Value& v, const std::function<void(const model::DeployRef&)>& visit) {
    if (v.kind == K::Deploy) visit(v.ref);
    for (const auto& item : v.items) refs(item, visit);
    for (const auto& [key, field] : v.fields) refs(field, visit);
  }
  static void add(std::vector<Edge>& edges, const model::Value& value, Span fallback) {
    refs(value, [&](const model::DeployRef& ref) {
      using RK = model::DeployRef::Kind;
      const bool named = ref.kind == RK::ResourceRef || ref.kind == RK::ResourceAttr || ref.kind == RK::FunctionArn ||
                         ref.kind == RK::FunctionName;
      if (named) edges.push_back(Edge{ref.target, spanOr(value.origin, fallback), model::describe(value), ref});
    });
  }

  std::map<std::string, std::vector<Edge>, std::less<>> edges_;
};

// A function's own reference to the bucket by Ref or by its Arn is written by
// name when the bucket's name is known: no dependency.
bool writtenByName(const Dependencies::Edge& edge, bool isFunction, bool bucketNamed) {
  using RK = model::DeployRef::Kind;
  return isFunction && bucketNamed &&
         (edge.ref.kind == RK::ResourceRef || (edge.ref.kind == RK::ResourceAttr && edge.ref.attribute == "Arn"));
}

void checkCycle(const StackRuleContext& c, const Dependencies& graph, const std::set<std::string>& functions,
                const model::Function& fn, const model::Resource& bucket, Span eventSpan) {
  const bool named = emit::bucketNameSubText(bucket).has_value();
  // Breadth-first from the function: the first edge taken from it, and the
  // edge that reaches the bucket.
  struct Step {
    std::string node;
    const Dependencies::Edge* first;
  };
  std::deque<Step> queue{{fn.name, nullptr}};
  std::set<std::string> seen{fn.name};
  while (!queue.empty()) {
    const Step step = queue.front();
    queue.pop_front();
    for (const auto& edge : graph.from(step.node)) {
      const bool isFunction = functions.count(step.node) != 0;
      if (edge.to == bucket.name && writtenByName(edge, isFunction, named)) continue;
      const Dependencies::Edge* first = step.first ? step.first : &edge;
      if (edge.to == bucket.name) {
        Diagnostic d = diag::S3NotificationCycle(spanOr(first->at, eventSpan), bucket.name, fn.name, first->shown);
        if (first != &edge) d.note(edge.at, note::RefersToBucketHere("`" + step.node + "`"));
        if (!named) d.withHelp(note::GiveBucketAName());
        c.out.push_back(std::move(d));
        return;
      }
      if (seen.insert(edge.to).second) queue.push_back(Step{edge.to, first});
    }
  }
}

}  // namespace

void checkS3Notifications(const StackRuleContext& c, const EventTables& tables) {
  std::map<std::string, std::vector<Notification>> byBucket;
  std::vector<std::tuple<const model::Function*, const model::Resource*, Span>> notified;
  for (const auto& fn : c.stack.functions) {
    for (const auto& event : fn.events) {
      const auto* s3 = std::get_if<model::S3Event>(&event.detail);
      const model::Resource* bucket = s3 ? tables.resource(s3->bucket.resource) : nullptr;
      if (bucket == nullptr) continue;
      auto [it, inserted] = byBucket.try_emplace(bucket->name);
      if (inserted) it->second = declaredNotifications(*bucket);
      it->second.push_back(Notification{s3->on, s3->prefix, s3->suffix, event.span});
      notified.emplace_back(&fn, bucket, event.span);
    }
  }
  if (notified.empty()) return;
  for (auto& [name, notifications] : byBucket) checkOverlaps(c, *tables.resource(name), std::move(notifications));

  const Dependencies graph(c.stack);
  std::set<std::string> functions;
  for (const auto& fn : c.stack.functions) functions.insert(fn.name);
  std::set<std::pair<std::string, std::string>> checked;  // (function, bucket)
  for (const auto& [fn, bucket, at] : notified) {
    if (checked.emplace(fn->name, bucket->name).second) checkCycle(c, graph, functions, *fn, *bucket, at);
  }
}

}  // namespace jaws::sema::events
