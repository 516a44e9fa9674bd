// The `Events` of a SAM function: API routes (`Api`, `HttpApi`) and the event
// sources of docs/events.md (`SQS`, `SNS`, `S3`, `DynamoDB`, `Kinesis`,
// `EventBridgeRule`, `CloudWatchEvent`, `Schedule`, `ScheduleV2`). Anything
// else is reported as left out.
#include <algorithm>

#include "import/CfnText.h"
#include "import/JawsText.h"
#include "import/SamParts.h"

namespace jaws::importer {

namespace {

// Reads the event's properties, reporting the keys nobody read.
class EventProperties {
 public:
  EventProperties(SamImport& import, std::string kind, const YAML::Node& properties)
      : import_(import), kind_(std::move(kind)), properties_(properties) {}

  YAML::Node get(const std::string& key) {
    read_.push_back(key);
    return child(properties_, key);
  }
  // `key = value` into `options` when the property is there.
  void option(std::vector<std::string>& options, const std::string& yamlKey, const std::string& key, const std::string& suffix = "") {
    const YAML::Node value = get(yamlKey);
    if (!value) return;
    if (auto text = import_.values.expression(value)) options.push_back(key + " = " + *text + suffix);
  }
  // A JSON text (an input, a filter pattern) as an object expression.
  std::optional<std::string> json(const YAML::Node& node, const std::string& what) {
    if (!node.IsScalar() || intrinsicOf(node)) return import_.values.expression(node);
    try {
      const YAML::Node parsed = YAML::Load(node.Scalar());
      if (parsed.IsMap()) return import_.values.expression(parsed);
    } catch (const YAML::Exception&) {
    }
    import_.report.add(diag::ImportSettingUnsupported(import_.report.at(node), kind_ + "." + what, "not a JSON object"));
    return std::nullopt;
  }
  void filter(std::vector<std::string>& options) {
    const YAML::Node filters = child(get("FilterCriteria"), "Filters");
    if (!filters || !filters.IsSequence()) return;
    std::vector<std::string> patterns;
    for (const YAML::Node& item : filters) {
      auto pattern = json(child(item, "Pattern"), "FilterCriteria");
      if (!pattern) return;
      patterns.push_back(*pattern);
    }
    if (patterns.size() == 1) options.push_back("filter = " + patterns[0]);
    else if (!patterns.empty()) options.push_back("filter = [" + [&] {
      std::string out;
      for (std::size_t i = 0; i < patterns.size(); ++i) out += (i ? ", " : "") + patterns[i];
      return out;
    }() + "]");
  }
  void reportFailures(std::vector<std::string>& options) {
    const YAML::Node types = get("FunctionResponseTypes");
    if (types && types.IsSequence() && types.size() == 1 && types[0].Scalar() == "ReportBatchItemFailures") options.push_back("reportFailures = true");
  }
  void leftOut() {
    if (!properties_.IsMap()) return;
    for (const auto& entry : properties_) {
      const std::string key = entry.first.Scalar();
      if (std::find(read_.begin(), read_.end(), key) != read_.end()) continue;
      import_.report.add(diag::ImportSettingUnsupported(import_.report.at(entry.first), kind_ + "." + key,
                                                        "the event source has no such option in Jaws"));
    }
  }

 private:
  SamImport& import_;
  std::string kind_;
  YAML::Node properties_;
  std::vector<std::string> read_;
};

// The source of an event: a resource of the template (`!GetAtt Queue.Arn`,
// `!Ref Topic`) by name, or the ARN expression.
std::optional<std::string> sourceOf(SamImport& import, const YAML::Node& arn) {
  auto value = import.values.expression(arn, true);
  if (!value) return std::nullopt;
  for (const std::string member : {".arn", ".StreamArn", ".ref"}) {
    if (value->size() > member.size() && value->compare(value->size() - member.size(), member.size(), member) == 0 &&
        value->find('"') == std::string::npos)
      return value->substr(0, value->size() - member.size());
  }
  return value;
}

void route(SamImport& import, bool http, const std::string& function, EventProperties& properties) {
  const YAML::Node apiId = properties.get(http ? "ApiId" : "RestApiId");
  std::string logicalId = http ? "ServerlessHttpApi" : "ServerlessRestApi";
  if (apiId) {
    const auto call = intrinsicOf(apiId);
    if (!call || call->first != "Ref" || !import.values.kind(call->second.Scalar())) {
      import.report.add(diag::ImportSettingUnsupported(import.report.at(apiId), http ? "HttpApi.ApiId" : "Api.RestApiId",
                                                       "the route's API must be an API of the template (`!Ref`)"));
      return;
    }
    logicalId = call->second.Scalar();
  }
  SamApi& api = apiOf(import, logicalId, http);
  const YAML::Node pathNode = properties.get("Path");
  const YAML::Node methodNode = properties.get("Method");
  std::string path = pathNode ? pathNode.Scalar() : "$default";
  std::string method = methodNode ? upperText(methodNode.Scalar()) : "ANY";
  if (method == "*" || method == "X-AMAZON-APIGATEWAY-ANY-METHOD") method = "ANY";
  std::vector<std::string> items;
  if (const YAML::Node auth = properties.get("Auth"); auth && auth.IsMap()) {
    for (const auto& entry : auth) {
      const std::string key = entry.first.Scalar();
      const std::string value = entry.second.Scalar();
      if (key == "Authorizer") {
        if (value == "NONE") items.push_back("auth = \"none\"");
        else if (value == "AWS_IAM") items.push_back("auth = \"iam\"");
        else if (api.authorizers.count(value)) items.push_back("auth = " + api.authorizers.at(value));
        else import.report.add(diag::ImportSettingUnsupported(import.report.at(entry.second), "Auth.Authorizer",
                                                              "the authorizer `" + value + "` was not carried over"));
      } else if (key == "ApiKeyRequired" && !http && value == "true" && items.empty()) {
        items.push_back("auth = \"apiKey\"");
      } else if (key == "ApiKeyRequired" && value == "false") {
        continue;
      } else {
        import.report.add(diag::ImportSettingUnsupported(import.report.at(entry.first), "Auth." + key, "a route's auth is one authorizer in Jaws"));
      }
    }
  }
  const auto add = [&](const std::string& m, const std::string& p) {
    std::string text = m + " " + p + " -> " + function;
    if (!items.empty()) text += " { " + items[0] + " }";
    if (std::find(api.routes.begin(), api.routes.end(), text) == api.routes.end()) api.routes.push_back(text);
  };
  if (path == "$default") {
    // The catch-all route of an HTTP API: every path, the root included.
    add(method, "/");
    add(method, "/{proxy+}");
  } else {
    add(method, path);
  }
}

std::optional<std::string> queueEvent(SamImport& import, EventProperties& p) {
  auto source = sourceOf(import, p.get("Queue"));
  if (!source) return std::nullopt;
  std::vector<std::string> options;
  p.option(options, "BatchSize", "batchSize");
  p.option(options, "MaximumBatchingWindowInSeconds", "window", "s");
  p.option(options, "Enabled", "enabled");
  p.reportFailures(options);
  if (const YAML::Node scaling = p.get("ScalingConfig"); child(scaling, "MaximumConcurrency")) {
    if (auto v = import.values.expression(child(scaling, "MaximumConcurrency"))) options.push_back("maxConcurrency = " + *v);
  }
  p.filter(options);
  return withOptions("sqs(" + *source, options);
}

std::optional<std::string> streamEvent(SamImport& import, EventProperties& p) {
  auto source = sourceOf(import, p.get("Stream"));
  if (!source) return std::nullopt;
  std::vector<std::string> options;
  p.option(options, "StartingPosition", "start");
  p.option(options, "BatchSize", "batchSize");
  p.option(options, "MaximumBatchingWindowInSeconds", "window", "s");
  p.option(options, "MaximumRetryAttempts", "retries");
  p.option(options, "MaximumRecordAgeInSeconds", "maxAge", "s");
  p.option(options, "BisectBatchOnFunctionError", "splitOnError");
  p.option(options, "ParallelizationFactor", "parallelization");
  p.option(options, "Enabled", "enabled");
  p.reportFailures(options);
  if (const YAML::Node target = child(child(p.get("DestinationConfig"), "OnFailure"), "Destination")) {
    if (auto where = sourceOf(import, target)) options.push_back("onFailure = " + *where);
  }
  p.filter(options);
  return withOptions("stream(" + *source, options);
}

std::optional<std::string> topicEvent(SamImport& import, EventProperties& p) {
  auto source = sourceOf(import, p.get("Topic"));
  if (!source) return std::nullopt;
  std::vector<std::string> options;
  p.option(options, "FilterPolicy", "filter");
  if (const YAML::Node scope = p.get("FilterPolicyScope"); scope && scope.Scalar() == "MessageBody") options.push_back("filterOn = \"body\"");
  return withOptions("sns(" + *source, options);
}

std::optional<std::string> bucketEvent(SamImport& import, EventProperties& p) {
  auto source = sourceOf(import, p.get("Bucket"));
  if (!source) return std::nullopt;
  std::vector<std::string> options;
  if (const YAML::Node on = p.get("Events")) {
    if (auto v = import.values.expression(on, true)) options.push_back("on = " + (on.IsSequence() ? *v : "[" + *v + "]"));
  }
  if (const YAML::Node rules = child(child(p.get("Filter"), "S3Key"), "Rules"); rules && rules.IsSequence()) {
    for (const YAML::Node& rule : rules) {
      const std::string name = child(rule, "Name") ? child(rule, "Name").Scalar() : "";
      auto value = import.values.expression(child(rule, "Value"), true);
      if (value && (name == "prefix" || name == "suffix")) options.push_back(name + " = " + *value);
    }
  }
  return withOptions("s3(" + *source, options);
}

void enabledOption(SamImport& import, EventProperties& p, std::vector<std::string>& options) {
  p.option(options, "Enabled", "enabled");
  if (const YAML::Node state = p.get("State")) {
    if (state.Scalar() == "DISABLED") options.push_back("enabled = false");
    else if (state.Scalar() != "ENABLED")
      import.report.add(diag::ImportSettingUnsupported(import.report.at(state), "State", "a state other than ENABLED or DISABLED"));
  }
}

std::optional<std::string> ruleEvent(SamImport& import, EventProperties& p) {
  auto pattern = import.values.expression(p.get("Pattern"));
  if (!pattern) return std::nullopt;
  std::vector<std::string> options;
  p.option(options, "EventBusName", "bus");
  if (const YAML::Node input = p.get("Input")) {
    if (auto v = p.json(input, "Input")) options.push_back("input = " + *v);
  }
  enabledOption(import, p, options);
  return withOptions("rule(" + *pattern, options);
}

std::optional<std::string> scheduleEvent(SamImport& import, EventProperties& p, const char* expressionKey) {
  auto expression = import.values.expression(p.get(expressionKey), true);
  if (!expression) return std::nullopt;
  std::vector<std::string> options;
  if (const YAML::Node input = p.get("Input")) {
    if (auto v = p.json(input, "Input")) options.push_back("input = " + *v);
  }
  enabledOption(import, p, options);
  p.get("Description");  // a rule's description: Jaws describes its rules itself
  return withOptions("schedule(" + *expression, options);
}

}  // namespace

std::vector<std::string> importSamEvents(SamImport& import, const std::string& function, const YAML::Node& events) {
  std::vector<std::string> out;
  if (!events.IsMap()) return out;
  for (const auto& entry : events) {
    const YAML::Node event = entry.second;
    const std::string type = child(event, "Type") ? child(event, "Type").Scalar() : "";
    EventProperties properties(import, type, child(event, "Properties"));
    std::optional<std::string> source;
    if (type == "Api" || type == "HttpApi") {
      route(import, type == "HttpApi", function, properties);
      properties.leftOut();
      continue;
    }
    if (type == "SQS") source = queueEvent(import, properties);
    else if (type == "Kinesis" || type == "DynamoDB") source = streamEvent(import, properties);
    else if (type == "SNS") source = topicEvent(import, properties);
    else if (type == "S3") source = bucketEvent(import, properties);
    else if (type == "EventBridgeRule" || type == "CloudWatchEvent") source = ruleEvent(import, properties);
    else if (type == "Schedule") source = scheduleEvent(import, properties, "Schedule");
    else if (type == "ScheduleV2") source = scheduleEvent(import, properties, "ScheduleExpression");
    else {
      import.report.add(diag::ImportEventUnsupported(import.report.at(child(event, "Type") ? child(event, "Type") : entry.first), type));
      continue;
    }
    properties.leftOut();
    if (source) out.push_back(*source);
  }
  return out;
}

}  // namespace jaws::importer
