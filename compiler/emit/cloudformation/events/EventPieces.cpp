// What the event kinds share: the stack's resources by name, the ARN of a
// source or destination by its resource type, role statements, invoke
// permissions and filter criteria.
#include "emit/cloudformation/CfnNames.h"
#include "emit/cloudformation/CfnValues.h"
#include "emit/cloudformation/events/EventKinds.h"

namespace jaws::emit::events {

namespace {

// What `Fn::GetAtt` gives a resource's ARN by; Ref where the type returns
// its ARN that way (an SNS topic).
struct ArnOf {
  const char* type;
  const char* service;
  const char* attribute;  // null: Ref
};
constexpr ArnOf kArns[] = {
    {"AWS::SQS::Queue", "sqs", "Arn"},         {"AWS::SNS::Topic", "sns", nullptr},
    {"AWS::DynamoDB::Table", "dynamodb", "StreamArn"}, {"AWS::Kinesis::Stream", "kinesis", "Arn"},
    {"AWS::S3::Bucket", "s3", "Arn"},          {"AWS::Events::EventBus", "events", "Arn"},
};

const ArnOf* arnOf(const std::string& type) {
  for (const auto& a : kArns) {
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
  const ArnOf* a = arnOf(c.typeOf(target));
  if (a == nullptr || a->attribute == nullptr) return a ? refTo(id) : getAtt(id, "Arn");
  return getAtt(id, a->attribute);
}

std::string targetService(const EventContext& c, const model::EventTarget& target) {
  if (!target.isResource()) return serviceOfArn(target.arn);
  const ArnOf* a = arnOf(c.typeOf(target));
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
