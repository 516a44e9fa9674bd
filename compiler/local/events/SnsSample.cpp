// An SNS notification (AWS Lambda Developer Guide, "Using Lambda with Amazon
// SNS", example event).
#include "local/events/DeclaredSources.h"
#include "local/events/SampleEvents.h"

namespace jaws::local {

EventJson snsSampleEvent(const SampleContext& context) {
  const std::string& region = context.stack->stage.region;
  std::string topic = "arn:aws:sns:" + region + ":" + context.account + ":" + context.function->functionName + "-topic";
  if (const model::Event* declared = declaredEvent(context, "sns")) {
    const std::string source = sampleSourceArn(context, std::get<model::SnsEvent>(declared->detail).topic, "sns", "");
    if (!source.empty()) topic = source;
  }
  const EventJson sns = {
      {"Type", "Notification"},
      {"MessageId", "95df01b4-ee98-5cb9-9903-4c221d41eb5e"},
      {"TopicArn", topic},
      {"Subject", "example subject"},
      {"Message", "example message"},
      {"Timestamp", kSampleTime},
      {"SignatureVersion", "1"},
      {"Signature", "EXAMPLE"},
      {"SigningCertUrl", "https://sns." + region + ".amazonaws.com/SimpleNotificationService-0000000000000000000000.pem"},
      {"UnsubscribeUrl", "https://sns." + region + ".amazonaws.com/?Action=Unsubscribe&SubscriptionArn=" + topic +
                             ":c9135db0-26c4-47ec-8998-413945fb5a96"},
      {"MessageAttributes", {{"Test", {{"Type", "String"}, {"Value", "TestString"}}}}},
  };
  return EventJson{{"Records", EventJson::array({EventJson{
                                   {"EventSource", "aws:sns"},
                                   {"EventVersion", "1.0"},
                                   {"EventSubscriptionArn", topic + ":c9135db0-26c4-47ec-8998-413945fb5a96"},
                                   {"Sns", sns},
                               }})}};
}

}  // namespace jaws::local
