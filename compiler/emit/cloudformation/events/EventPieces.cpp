// What the event kinds share: the stack's resources by name, the ARN of a
// source or destination by its resource type, role statements, invoke
// permissions and filter criteria.
#include "emit/cloudformation/CfnNames.h"
#include "emit/cloudformation/CfnValues.h"
#include "emit/cloudformation/events/EventKinds.h"

namespace jaws::emit::events {

namespace {

// The service of the resource types that are event sources or destinations.
// Their ARN is the model's (model::Resource::arn, `res.arn`); a table's
// events come from its stream.
struct ServiceOf {
  const char* type;
  const char* service;
};
constexpr ServiceOf kServices[] = {
    {"AWS::SQS::Queue", "sqs"},           {"AWS::SNS::Topic", "sns"}, {"AWS::DynamoDB::Table", "dynamodb"},
    {"AWS::Kinesis::Stream", "kinesis"}, {"AWS::S3::Bucket", "s3"},  {"AWS::Events::EventBus", "events"},
};

const ServiceOf* serviceOf(const std::string& type) {
  for (const auto& a : kServices) {
    if (type == a.type) return &a;
  }
  return nullptr;
}

// The service of an ARN that is a literal or holds one (`arn:aws:sqs:...`
// with a deploy-time account): the text between the second and third colon.
std::string serviceOfArn(const model::Value& arn) {
  std::string text;
  if (arn.kind == model::Value::Kind::String) text = arn.string;
  if (arn.kind == model::Value::Kind::Concat && !arn.items.empty() && arn.items.front().kind == model::Value::Kind::String) {
    text = arn.items.front().string;
  }
  if (text.rfind("arn:", 0) != 0) return "";
  const std::size_t second = text.find(':', 4);
  if (second == std::string::npos) return "";
  const std::size_t third = text.find(':', second + 1);
  return third == std::string::npos ? "" : text.substr(second + 1, third - second - 1);
}

}  // namespace

ResourceIndex::ResourceIndex(const model::Stack& stack) {
  for (const auto& r : stack.resources) byName_.emplace(r.name, &r);
}

const model::Resource* ResourceIndex::find(const std::string& name) const {
  auto it = byName_.find(name);
  return it == byName_.end() ? nullptr : it->second;
}

std::string EventContext::functionId() const { return names::function(fn.name); }

std::string EventContext::typeOf(const model::EventTarget& target) const {
  const model::Resource* r = target.isResource() ? resources.find(target.resource) : nullptr;
  return r ? r->type : "";
}

Json targetArn(const EventContext& c, const model::EventTarget& target) {
  if (!target.isResource()) return cfnValue(target.arn, c.stack);
  const std::string id = names::resource(target.resource);
  const model::Resource* r = c.resources.find(target.resource);
  if (r == nullptr) return getAtt(id, "Arn");
  if (r->type == "AWS::DynamoDB::Table") return getAtt(id, "StreamArn");
  return r->arn.kind == model::Value::Kind::Null ? getAtt(id, "Arn") : cfnValue(r->arn, c.stack);
}

std::string targetService(const EventContext& c, const model::EventTarget& target) {
  if (!target.isResource()) return serviceOfArn(target.arn);
  const ServiceOf* a = serviceOf(c.typeOf(target));
  return a ? a->service : "";
}

Json allowStatement(std::vector<std::string> actions, Json resource) {
  return Json{{"Effect", "Allow"}, {"Action", std::move(actions)}, {"Resource", std::move(resource)}};
}

Json filterCriteria(const model::Stack& stack, const std::vector<model::Value>& filters) {
  Json list = Json::array();
  for (const auto& pattern : filters) list.push_back(Json{{"Pattern", cfnString(pattern, stack)}});
  return Json{{"Filters", std::move(list)}};
}

std::optional<Json> destinationStatement(const EventContext& c, const model::EventTarget& target) {
  const std::string service = targetService(c, target);
  if (service == "sqs") return allowStatement({"sqs:SendMessage"}, targetArn(c, target));
  if (service == "sns") return allowStatement({"sns:Publish"}, targetArn(c, target));
  return std::nullopt;
}

}  // namespace jaws::emit::events
