// The events of a Serverless function: API routes (`http`, `httpApi`) and the
// event sources of docs/events.md (`sqs`, `sns`, `s3`, `stream`,
// `eventBridge`, `schedule`). Anything else is reported as left out.
#include <algorithm>

#include "import/JawsText.h"
#include "import/ServerlessParts.h"

namespace jaws::importer {

namespace {

// Adds `key = value` to an options object text when the YAML has `yamlKey`.
void option(ServerlessImport& import, std::vector<std::string>& options, const YAML::Node& event, const char* yamlKey,
            const std::string& key, const std::string& suffix = "") {
  const YAML::Node value = event[yamlKey];
  if (!value) return;
  if (auto text = import.values.expression(value)) options.push_back(key + " = " + *text + suffix);
}

// Reports the keys of an event this importer does not translate.
void leftOutKeys(ServerlessImport& import, const YAML::Node& event, const std::string& kind, std::initializer_list<const char*> known) {
  if (!event.IsMap()) return;
  for (const auto& entry : event) {
    const std::string key = entry.first.Scalar();
    if (std::find_if(known.begin(), known.end(), [&](const char* k) { return key == k; }) != known.end()) continue;
    import.report.add(diag::ImportSettingUnsupported(import.report.at(entry.first), kind + "." + key,
                                                     "the event source has no such option in Jaws"));
  }
}

// The source of an event: a resource of the file (`Fn::GetAtt [Queue, Arn]`,
// `!Ref Topic`) by name, or the ARN expression.
std::optional<std::string> sourceOf(ServerlessImport& import, const YAML::Node& arn) {
  auto value = import.values.expression(arn);
  if (!value) return std::nullopt;
  // `queue.arn` -> `queue`: the builtins take the resource itself.
  for (const char* member : {".arn", ".StreamArn", ".ref"}) {
    const std::string m = member;
    if (value->size() > m.size() && value->compare(value->size() - m.size(), m.size(), m) == 0 &&
        value->find('"') == std::string::npos)
      return value->substr(0, value->size() - m.size());
  }
  return value;
}

// An httpApi event's `authorizer: { name, scopes }`, named in the provider's
// `httpApi.authorizers`: a JWT authorizer (`issuerUrl`, `audience`) as `jwt(...)`,
// a request authorizer of a function of the file as `authorizer(fn)`.
std::optional<std::string> httpApiAuthorizer(ServerlessImport& import, const std::string& name, const YAML::Node& authorizer) {
  const YAML::Node definition = child(child(child(child(import.root, "provider"), "httpApi"), "authorizers"), name);
  if (name.empty() || !definition || !definition.IsMap()) return std::nullopt;
  const std::string type = definition["type"] ? definition["type"].Scalar() : "jwt";
  if (type == "request" && definition["functionName"] && import.functionNames.count(definition["functionName"].Scalar())) {
    leftOutKeys(import, definition, "httpApi.authorizers." + name, {"type", "functionName", "enableSimpleResponses", "payloadVersion", "identitySource", "resultTtlInSeconds"});
    return "authorizer(" + import.functionNames.at(definition["functionName"].Scalar()) + ")";
  }
  if (type != "jwt" || !definition["issuerUrl"] || !definition["audience"]) return std::nullopt;
  std::vector<std::string> options;
  option(import, options, definition, "issuerUrl", "issuer");
  const YAML::Node audience = definition["audience"];
  if (auto text = import.values.expression(audience)) options.push_back("audience = " + (audience.IsSequence() ? *text : "[" + *text + "]"));
  if (authorizer.IsMap() && authorizer["scopes"]) option(import, options, authorizer, "scopes", "scopes");
  // Jaws reads the token from the Authorization header, Serverless's default too.
  leftOutKeys(import, definition, "httpApi.authorizers." + name, {"type", "issuerUrl", "audience", "identitySource"});
  std::string out = "jwt({ ";
  for (std::size_t i = 0; i < options.size(); ++i) out += (i ? ", " : "") + options[i];
  return out + " })";
}

void route(ServerlessImport& import, bool http, const std::string& function, const YAML::Node& event) {
  std::string method, path;
  YAML::Node settings;
  if (event.IsScalar()) {
    const std::string text = event.Scalar();
    if (text == "*") {
      method = "ANY";
      path = "/{proxy+}";
    } else {
      method = upperText(text.substr(0, text.find(' ')));
      path = text.find(' ') == std::string::npos ? "/" : text.substr(text.find(' ') + 1);
    }
  } else if (event.IsMap()) {
    settings = event;
    method = event["method"] ? upperText(event["method"].Scalar()) : "ANY";
    path = event["path"] ? event["path"].Scalar() : "/";
  }
  if (method == "*") method = "ANY";
  if (path.empty() || path[0] != '/') path = "/" + path;
  if (path == "*" || path == "/*") path = "/{proxy+}";
  std::vector<std::string> items;
  ServerlessApi& api = http ? import.httpApi : import.restApi;
  const char* kind = http ? "httpApi" : "http";
  if (settings) {
    if (const YAML::Node cors = settings["cors"]) {
      if (cors.IsScalar() && cors.Scalar() == "true") {
        api.cors = "true";
      } else if (cors.IsMap()) {
        api.cors = "true";
        import.report.add(diag::ImportSettingUnsupported(import.report.at(cors), std::string(kind) + ".cors",
                                                         "CORS settings are the API's in Jaws; the API allows any origin"));
      }
    }
    if (const YAML::Node authorizer = settings["authorizer"]) {
      const std::string name = authorizer.IsScalar() ? authorizer.Scalar() : authorizer["name"] ? authorizer["name"].Scalar() : "";
      const std::string type = authorizer.IsMap() && authorizer["type"] ? authorizer["type"].Scalar() : "";
      if (name == "aws_iam" || type == "aws_iam") {
        items.push_back("auth = \"iam\"");
      } else if (!http && import.functionNames.count(name) && !child(authorizer, "arn")) {
        items.push_back("auth = authorizer(" + import.functionNames.at(name) + ")");
      } else if (!http && child(authorizer, "arn") && (type == "COGNITO_USER_POOLS" || type.empty())) {
        if (auto arn = import.values.expression(authorizer["arn"])) items.push_back("auth = cognito(" + *arn + ")");
      } else if (auto auth = http ? httpApiAuthorizer(import, name, authorizer) : std::nullopt) {
        items.push_back("auth = " + *auth);
      } else {
        import.report.add(diag::ImportSettingUnsupported(import.report.at(authorizer), std::string(kind) + ".authorizer",
                                                         "only IAM, Lambda authorizer functions of the file, Cognito user pools "
                                                         "of REST APIs and the provider's httpApi authorizers (JWT, or a function "
                                                         "of the file) are translated; the route is written without it"));
      }
    }
    if (settings["private"] && settings["private"].Scalar() == "true") items.push_back("auth = \"apiKey\"");
    leftOutKeys(import, settings, kind, {"method", "path", "cors", "authorizer", "private"});
  }
  std::string text = method + " " + path + " -> " + function;
  if (!items.empty()) {
    text += " {";
    for (const std::string& item : items) text += " " + item;
    text += " }";
  }
  // Two events of one route (Serverless allows it) would be a duplicate route.
  if (std::find(api.routes.begin(), api.routes.end(), text) == api.routes.end()) api.routes.push_back(text);
}

std::optional<std::string> sqsEvent(ServerlessImport& import, const YAML::Node& event) {
  const YAML::Node arn = event.IsMap() ? event["arn"] : event;
  auto source = sourceOf(import, arn);
  if (!source) return std::nullopt;
  std::vector<std::string> options;
  if (event.IsMap()) {
    option(import, options, event, "batchSize", "batchSize");
    option(import, options, event, "maximumBatchingWindow", "window", "s");
    option(import, options, event, "enabled", "enabled");
    if (event["functionResponseType"] && event["functionResponseType"].Scalar() == "ReportBatchItemFailures")
      options.push_back("reportFailures = true");
    if (event["maximumConcurrency"]) option(import, options, event, "maximumConcurrency", "maxConcurrency");
    leftOutKeys(import, event, "sqs", {"arn", "batchSize", "maximumBatchingWindow", "enabled", "functionResponseType", "maximumConcurrency"});
  }
  return withOptions("sqs(" + *source, options);
}

std::optional<std::string> streamEvent(ServerlessImport& import, const YAML::Node& event) {
  const YAML::Node arn = event.IsMap() ? event["arn"] : event;
  auto source = sourceOf(import, arn);
  if (!source) return std::nullopt;
  std::vector<std::string> options;
  const std::string start = event.IsMap() && event["startingPosition"] ? event["startingPosition"].Scalar() : "TRIM_HORIZON";
  options.push_back("start = " + stringLiteral(start));  // Serverless's default is TRIM_HORIZON
  if (event.IsMap()) {
    option(import, options, event, "batchSize", "batchSize");
    option(import, options, event, "maximumBatchingWindow", "window", "s");
    option(import, options, event, "maximumRetryAttempts", "retries");
    option(import, options, event, "maximumRecordAgeInSeconds", "maxAge", "s");
    option(import, options, event, "bisectBatchOnFunctionError", "splitOnError");
    option(import, options, event, "parallelizationFactor", "parallelization");
    option(import, options, event, "enabled", "enabled");
    if (event["functionResponseType"] && event["functionResponseType"].Scalar() == "ReportBatchItemFailures")
      options.push_back("reportFailures = true");
    if (child(event["destinations"], "onFailure")) {
      const YAML::Node target = child(event["destinations"], "onFailure");
      if (auto where = sourceOf(import, target.IsMap() && target["arn"] ? target["arn"] : target)) options.push_back("onFailure = " + *where);
    }
    leftOutKeys(import, event, "stream",
                {"arn", "type", "startingPosition", "batchSize", "maximumBatchingWindow", "maximumRetryAttempts", "maximumRecordAgeInSeconds",
                 "bisectBatchOnFunctionError", "parallelizationFactor", "enabled", "functionResponseType", "destinations"});
  }
  return withOptions("stream(" + *source, options);
}

// `sns: name` makes Serverless create the topic: the import declares it.
std::optional<std::string> snsEvent(ServerlessImport& import, const YAML::Node& event) {
  std::optional<std::string> source;
  const YAML::Node arn = child(event, "arn");
  if (arn) {
    source = sourceOf(import, arn);
  } else {
    const YAML::Node topic = event.IsMap() ? event["topicName"] : event;
    const std::string text = topic && topic.IsScalar() ? topic.Scalar() : "";
    if (text.rfind("arn:", 0) == 0) {
      source = stringLiteral(text);
    } else if (!text.empty()) {
      auto name = import.values.expression(topic, true);
      if (!name) return std::nullopt;
      const std::string declaration = declarationName(text.find("${") == std::string::npos ? text : "topic") + "Topic";
      import.createdResources[declaration] = "resource " + declaration + ": \"AWS::SNS::Topic\" { TopicName = " + *name + " }";
      source = declaration;
    }
  }
  if (!source) return std::nullopt;
  std::vector<std::string> options;
  if (event.IsMap()) {
    option(import, options, event, "filterPolicy", "filter");
    if (event["filterPolicyScope"] && event["filterPolicyScope"].Scalar() == "MessageBody") options.push_back("filterOn = \"body\"");
    leftOutKeys(import, event, "sns", {"arn", "topicName", "filterPolicy", "filterPolicyScope"});
  }
  return withOptions("sns(" + *source, options);
}

// `s3: bucket` makes Serverless create the bucket: the import declares it.
std::optional<std::string> s3Event(ServerlessImport& import, const YAML::Node& event) {
  const YAML::Node bucket = event.IsMap() ? event["bucket"] : event;
  if (event.IsMap() && event["existing"] && event["existing"].Scalar() == "true") {
    import.report.add(diag::ImportSettingUnsupported(import.report.at(event["existing"]), "s3.existing",
                                                     "notifications need the bucket to be a resource of the project"));
    return std::nullopt;
  }
  if (!bucket) return std::nullopt;
  auto name = import.values.expression(bucket, true);
  if (!name) return std::nullopt;
  const std::string text = bucket.IsScalar() ? bucket.Scalar() : "bucket";
  const std::string source = declarationName(text.find("${") == std::string::npos ? text : "uploads") + "Bucket";
  import.createdResources[source] = "resource " + source + ": \"AWS::S3::Bucket\" { BucketName = " + *name + " }";
  std::vector<std::string> options;
  if (event.IsMap()) {
    if (event["event"]) {
      if (auto on = import.values.expression(event["event"])) options.push_back("on = [" + *on + "]");
    }
    if (const YAML::Node rules = event["rules"]) {
      for (const YAML::Node& rule : rules) {
        if (rule["prefix"]) option(import, options, rule, "prefix", "prefix");
        if (rule["suffix"]) option(import, options, rule, "suffix", "suffix");
      }
    }
    leftOutKeys(import, event, "s3", {"bucket", "event", "rules", "existing"});
  }
  return withOptions("s3(" + source, options);
}

std::optional<std::string> scheduleEvent(ServerlessImport& import, const YAML::Node& event) {
  const YAML::Node rate = event.IsMap() ? event["rate"] : event;
  if (!rate) return std::nullopt;
  if (rate.IsSequence()) {
    import.report.add(diag::ImportSettingUnsupported(import.report.at(rate), "schedule.rate", "a list of rates; write one schedule each"));
    return std::nullopt;
  }
  auto expression = import.values.expression(rate, true);
  if (!expression) return std::nullopt;
  std::vector<std::string> options;
  if (event.IsMap()) {
    option(import, options, event, "enabled", "enabled");
    option(import, options, event, "input", "input");
    leftOutKeys(import, event, "schedule", {"rate", "enabled", "input"});
  }
  return withOptions("schedule(" + *expression, options);
}

std::optional<std::string> eventBridgeEvent(ServerlessImport& import, const YAML::Node& event) {
  if (event["schedule"]) {
    YAML::Node schedule;
    schedule["rate"] = event["schedule"];
    if (event["input"]) schedule["input"] = event["input"];
    if (event["enabled"]) schedule["enabled"] = event["enabled"];
    leftOutKeys(import, event, "eventBridge", {"schedule", "input", "enabled"});
    return scheduleEvent(import, schedule);
  }
  if (!event["pattern"]) {
    import.report.add(diag::ImportSettingUnsupported(import.report.at(event), "eventBridge", "an event without a pattern or schedule"));
    return std::nullopt;
  }
  auto pattern = import.values.expression(event["pattern"]);
  if (!pattern) return std::nullopt;
  std::vector<std::string> options;
  option(import, options, event, "eventBus", "bus");
  option(import, options, event, "input", "input");
  option(import, options, event, "enabled", "enabled");
  leftOutKeys(import, event, "eventBridge", {"pattern", "eventBus", "input", "enabled"});
  return withOptions("rule(" + *pattern, options);
}

}  // namespace

std::vector<std::string> importEvents(ServerlessImport& import, const std::string& function, const YAML::Node& events) {
  std::vector<std::string> out;
  if (!events.IsSequence()) return out;
  for (const YAML::Node& entry : events) {
    if (!entry.IsMap() || entry.size() != 1) continue;
    const std::string kind = entry.begin()->first.Scalar();
    const YAML::Node event = entry.begin()->second;
    std::optional<std::string> source;
    if (kind == "http" || kind == "httpApi") {
      route(import, kind == "httpApi", function, event);
      continue;
    }
    if (kind == "sqs") source = sqsEvent(import, event);
    else if (kind == "stream") source = streamEvent(import, event);
    else if (kind == "sns") source = snsEvent(import, event);
    else if (kind == "s3") source = s3Event(import, event);
    else if (kind == "schedule") source = scheduleEvent(import, event);
    else if (kind == "eventBridge") source = eventBridgeEvent(import, event);
    else if (kind == "cloudwatchEvent" && event.IsMap()) {
      // The older name of the same event: its pattern is `event`.
      YAML::Node copy = YAML::Clone(event);
      if (copy["event"]) {
        copy["pattern"] = copy["event"];
        copy.remove("event");
      }
      source = eventBridgeEvent(import, copy);
    }
    else {
      import.report.add(diag::ImportEventUnsupported(import.report.at(entry.begin()->first), kind));
      continue;
    }
    if (source) out.push_back(*source);
  }
  return out;
}

}  // namespace jaws::importer
