// sns(topic, { ... }): an AWS::SNS::Subscription of the function and the
// permission letting that topic invoke it. A dead-letter queue of the project
// gets one AWS::SQS::QueuePolicy letting its topics send to it (a queue has
// one policy, so one per queue, for every subscription of the stack).
#include <algorithm>
#include <set>
#include <tuple>

#include "emit/cloudformation/CfnNames.h"
#include "emit/cloudformation/CfnValues.h"
#include "emit/cloudformation/events/EventKinds.h"

namespace jaws::emit::events {

namespace {

std::string deadLetterPolicyId(const std::string& queue) { return names::resource(queue) + "DeadLetterPolicy"; }

// The region of a literal topic ARN, when it is another than the stack's:
// the subscription is then created in the topic's region.
std::optional<std::string> otherRegion(const model::Stack& stack, const model::EventTarget& topic) {
  if (topic.isResource() || topic.arn.kind != model::Value::Kind::String) return std::nullopt;
  const std::string& arn = topic.arn.string;
  std::size_t at = 0;
  for (int i = 0; i < 3 && at != std::string::npos; ++i) at = arn.find(':', at + 1);
  if (at == std::string::npos) return std::nullopt;
  const std::size_t end = arn.find(':', at + 1);
  const std::string region = arn.substr(at + 1, end == std::string::npos ? std::string::npos : end - at - 1);
  if (region.empty() || region == stack.stage.region) return std::nullopt;
  return region;
}

}  // namespace

std::vector<std::string> snsIds(const std::string& stem) { return {stem + "Subscription", stem + "Permission"}; }

void emitSns(const EventContext& c, const model::SnsEvent& e, EventOutput& out) {
  const Json topic = targetArn(c, e.topic);
  std::map<std::string, Json> properties;
  properties["Endpoint"] = getAtt(c.functionId(), "Arn");
  if (e.filter) {
    properties["FilterPolicy"] = cfnValue(*e.filter, c.stack);
    if (e.filterOnBody) properties["FilterPolicyScope"] = "MessageBody";
  }
  properties["Protocol"] = "lambda";
  if (e.deadLetter) properties["RedrivePolicy"] = Json{{"deadLetterTargetArn", targetArn(c, *e.deadLetter)}};
  if (auto region = otherRegion(c.stack, e.topic)) properties["Region"] = *region;
  properties["TopicArn"] = topic;
  const auto ids = snsIds(c.stem);
  out.resources[ids[0]] = Json{{"Type", "AWS::SNS::Subscription"}, {"Properties", sortedObject(std::move(properties))}};
  out.resources[ids[1]] = invokePermission(c.functionId(), "sns.amazonaws.com", topic);
}

std::vector<std::pair<std::string, std::string>> deadLetterPolicyIds(const model::Stack& stack) {
  std::set<std::string> queues;
  for (const auto& fn : stack.functions) {
    for (const auto& event : fn.events) {
      const auto* sns = std::get_if<model::SnsEvent>(&event.detail);
      if (sns && sns->deadLetter && sns->deadLetter->isResource()) queues.insert(sns->deadLetter->resource);
    }
  }
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& queue : queues) out.emplace_back(deadLetterPolicyId(queue), queue);
  return out;
}

void addDeadLetterPolicies(const model::Stack& stack, const ResourceIndex& index, ResourceMap& resources) {
  // Per queue, its topics, ordered by function name then event so that the
  // order of the declarations does not show.
  std::map<std::string, std::vector<std::tuple<std::string, std::size_t, Json>>> topicsByQueue;
  for (const auto& fn : stack.functions) {
    for (std::size_t i = 0; i < fn.events.size(); ++i) {
      const auto* sns = std::get_if<model::SnsEvent>(&fn.events[i].detail);
      if (!sns || !sns->deadLetter || !sns->deadLetter->isResource()) continue;
      const model::Resource* queue = index.find(sns->deadLetter->resource);
      if (queue == nullptr || queue->type != "AWS::SQS::Queue") continue;
      const EventContext c{stack, index, fn, fn.events[i], ""};
      topicsByQueue[queue->name].emplace_back(fn.name, i, targetArn(c, sns->topic));
    }
  }
  for (auto& [queue, topics] : topicsByQueue) {
    std::sort(topics.begin(), topics.end(), [](const auto& a, const auto& b) {
      return std::tie(std::get<0>(a), std::get<1>(a)) < std::tie(std::get<0>(b), std::get<1>(b));
    });
    Json sources = Json::array();
    std::set<std::string> seen;
    for (const auto& [fn, index_, topic] : topics) {
      if (seen.insert(topic.dump()).second) sources.push_back(topic);
    }
    const std::string queueId = names::resource(queue);
    Json statement{{"Action", "sqs:SendMessage"},
                   {"Condition", Json{{"ArnEquals", Json{{"aws:SourceArn", sources}}}}},
                   {"Effect", "Allow"},
                   {"Principal", Json{{"Service", "sns.amazonaws.com"}}},
                   {"Resource", getAtt(queueId, "Arn")}};
    resources[deadLetterPolicyId(queue)] = Json{
        {"Type", "AWS::SQS::QueuePolicy"},
        {"Properties", Json{{"PolicyDocument", Json{{"Statement", Json::array({statement})}, {"Version", "2012-10-17"}}},
                            {"Queues", Json::array({refTo(queueId)})}}}};
  }
}

}  // namespace jaws::emit::events
