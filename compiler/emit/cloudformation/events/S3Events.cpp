// s3(bucket, { on, prefix, suffix }): S3 keeps notifications on the bucket,
// so each bucket's NotificationConfiguration gets one LambdaConfiguration per
// event type, added to what the bucket's declaration writes, and a permission
// per function and bucket lets S3 invoke the function.
//
// The circular dependency is avoided as SAM avoids it: the permission does
// not refer to the bucket (a SourceArn built from the bucket's name when it is
// known, and SourceAccount), and the bucket depends on the permission, which
// S3 checks when it stores the configuration. When the bucket's name is known,
// the functions' own references to the bucket (`uploads.ref`, `uploads.arn`)
// are written by name as well, so a function that reads its bucket does not
// depend on it either; other cycles are reported by the checker (JW4052).
#include <algorithm>
#include <set>
#include <tuple>

#include "emit/cloudformation/CfnNames.h"
#include "emit/cloudformation/CfnValues.h"
#include "emit/cloudformation/events/EventKinds.h"

namespace jaws::emit {

namespace {

using K = model::Value::Kind;

const model::Value* bucketName(const model::Resource& bucket) {
  for (const auto& [key, value] : bucket.properties) {
    if (key == "BucketName") return &value;
  }
  return nullptr;
}

std::string bucketArnSub(const std::string& nameSub) { return "arn:${AWS::Partition}:s3:::" + nameSub; }

// The bucket's name as a template value: a plain string when it is one.
Json nameValue(const model::Resource& bucket, const std::string& nameSub) {
  const model::Value* name = bucketName(bucket);
  if (name != nullptr && name->kind == K::String) return name->string;
  return Json{{"Fn::Sub", nameSub}};
}

void replaceAll(std::string& text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

// Writes every `Ref` to the bucket and its `Arn` attribute in a resource by
// name, in intrinsic functions and inside Fn::Sub strings.
void referByName(Json& node, const std::string& bucketId, const Json& name, const std::string& nameSub) {
  if (node.is_array()) {
    for (auto& item : node) referByName(item, bucketId, name, nameSub);
    return;
  }
  if (!node.is_object()) return;
  if (node.size() == 1) {
    if (auto ref = node.find("Ref"); ref != node.end() && *ref == bucketId) {
      node = name;
      return;
    }
    if (auto att = node.find("Fn::GetAtt"); att != node.end() && *att == Json::array({bucketId, "Arn"})) {
      node = Json{{"Fn::Sub", bucketArnSub(nameSub)}};
      return;
    }
    if (auto sub = node.find("Fn::Sub"); sub != node.end() && sub->is_string()) {
      std::string text = sub->get<std::string>();
      replaceAll(text, "${" + bucketId + ".Arn}", bucketArnSub(nameSub));
      replaceAll(text, "${" + bucketId + "}", nameSub);
      *sub = text;
      return;
    }
  }
  for (auto& [key, value] : node.items()) referByName(value, bucketId, name, nameSub);
}

Json keyFilter(const model::S3Event& e) {
  Json rules = Json::array();
  if (!e.prefix.empty()) rules.push_back(Json{{"Name", "prefix"}, {"Value", e.prefix}});
  if (!e.suffix.empty()) rules.push_back(Json{{"Name", "suffix"}, {"Value", e.suffix}});
  return Json{{"S3Key", Json{{"Rules", rules}}}};
}

}  // namespace

std::optional<std::string> bucketNameSubText(const model::Resource& bucket) {
  const model::Value* name = bucketName(bucket);
  if (name == nullptr) return std::nullopt;
  if (name->kind == K::String) return name->string.empty() ? std::nullopt : std::optional(escapeSubText(name->string));
  if (name->kind != K::Concat) return std::nullopt;
  std::string text;
  for (const auto& part : name->items) {
    if (part.kind == K::String) {
      text += escapeSubText(part.string);
    } else if (part.kind == K::Deploy && part.ref.kind == model::DeployRef::Kind::AccountId) {
      text += "${AWS::AccountId}";
    } else if (part.kind == K::Deploy && part.ref.kind == model::DeployRef::Kind::SsmParameter && !part.ref.secure) {
      text += dynamicReference(part.ref);
    } else {
      return std::nullopt;
    }
  }
  return text;
}

namespace events {

std::vector<std::string> s3Ids(const std::string& stem) { return {stem + "Permission"}; }

void emitS3(const EventContext& c, const model::S3Event& e, EventOutput& out) {
  // One permission per function and bucket: the events of one bucket share a stem.
  const std::string id = s3Ids(c.stem).front();
  if (out.resources.count(id)) return;
  const model::Resource* bucket = c.resources.find(e.bucket.resource);
  Json sourceArn;
  if (bucket != nullptr) {
    if (auto nameSub = bucketNameSubText(*bucket)) sourceArn = Json{{"Fn::Sub", bucketArnSub(*nameSub)}};
  }
  out.resources[id] = invokePermission(c.functionId(), "s3.amazonaws.com", std::move(sourceArn), refTo("AWS::AccountId"));
}

void addBucketNotifications(const model::Stack& stack, const ResourceIndex& index, ResourceMap& resources) {
  struct Entry {
    std::string function;
    std::size_t event, type;
    Json configuration;
  };
  std::map<std::string, std::vector<Entry>> entries;          // by bucket
  std::map<std::string, std::set<std::string>> permissions;  // by bucket
  for (const auto& fn : stack.functions) {
    const auto stems = eventStems(fn);
    for (std::size_t i = 0; i < fn.events.size(); ++i) {
      const auto* s3 = std::get_if<model::S3Event>(&fn.events[i].detail);
      if (!s3 || index.find(s3->bucket.resource) == nullptr) continue;
      for (std::size_t t = 0; t < s3->on.size(); ++t) {
        Json configuration{{"Event", s3->on[t]}};
        if (!s3->prefix.empty() || !s3->suffix.empty()) configuration["Filter"] = keyFilter(*s3);
        configuration["Function"] = getAtt(names::function(fn.name), "Arn");
        entries[s3->bucket.resource].push_back(Entry{fn.name, i, t, std::move(configuration)});
      }
      permissions[s3->bucket.resource].insert(s3Ids(stems[i]).front());
    }
  }
  for (auto& [bucketName, list] : entries) {
    const std::string bucketId = names::resource(bucketName);
    auto found = resources.find(bucketId);
    if (found == resources.end()) continue;
    // By function name, then as written: the order of the declarations does not show.
    std::sort(list.begin(), list.end(), [](const Entry& a, const Entry& b) {
      return std::tie(a.function, a.event, a.type) < std::tie(b.function, b.event, b.type);
    });
    Json& bucket = found->second;
    Json& properties = bucket["Properties"];
    if (!properties.is_object()) properties = Json::object();
    Json& notifications = properties["NotificationConfiguration"];
    if (!notifications.is_object()) notifications = Json::object();
    Json& lambdas = notifications["LambdaConfigurations"];
    if (!lambdas.is_array()) lambdas = Json::array();
    for (auto& entry : list) lambdas.push_back(std::move(entry.configuration));
    // S3 checks that it may invoke each function when it stores the configuration.
    std::set<std::string> dependsOn = permissions[bucketName];
    if (auto existing = bucket.find("DependsOn"); existing != bucket.end()) {
      if (existing->is_string()) dependsOn.insert(existing->get<std::string>());
      if (existing->is_array()) {
        for (const auto& d : *existing) dependsOn.insert(d.get<std::string>());
      }
    }
    Json ordered = Json::object();
    ordered["Type"] = bucket["Type"];
    ordered["DependsOn"] = dependsOn;
    for (auto& [key, value] : bucket.items()) {
      if (key != "Type" && key != "DependsOn") ordered[key] = std::move(value);
    }
    bucket = std::move(ordered);

    const model::Resource* declared = index.find(bucketName);
    const auto nameSub = declared ? bucketNameSubText(*declared) : std::nullopt;
    if (!nameSub) continue;
    const Json name = nameValue(*declared, *nameSub);
    for (const auto& fn : stack.functions) {
      for (const std::string& id : {names::function(fn.name), names::role(fn.name)}) {
        if (auto r = resources.find(id); r != resources.end()) referByName(r->second, bucketId, name, *nameSub);
      }
    }
  }
}

}  // namespace events

}  // namespace jaws::emit
