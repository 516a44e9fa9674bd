// `provider.apiGateway`, `provider.httpApi` and `provider.endpointType` of a
// serverless.yml: what the `api` declaration expresses becomes its attributes;
// API keys and the usage plan, which the `api` has no attributes for, become
// the raw resources Serverless writes for them; the rest is reported.
#include <algorithm>
#include <cctype>

#include "import/JawsText.h"
#include "import/ServerlessParts.h"

namespace jaws::importer {

namespace {

std::string resourceText(const std::string& doc, const std::string& decorators, const std::string& name, const std::string& type,
                         const std::vector<std::string>& properties) {
  return "/// " + doc + "\n" + decorators + "resource " + name + ": " + stringLiteral(type) + " {\n  " + joinText(properties, "\n  ") +
         "\n}\n\n";
}

// A settings object whose keys become CloudFormation property names
// (`{ limit, period }` -> `{ Limit = ..., Period = ... }`); other keys reported.
std::optional<std::string> propertyObject(ServerlessImport& import, const YAML::Node& settings, const std::string& where,
                                          const std::map<std::string, std::string>& properties) {
  if (!settings.IsMap()) {
    import.report.add(diag::ImportSettingUnsupported(import.report.at(settings), where, "not a settings object"));
    return std::nullopt;
  }
  std::vector<std::string> fields;
  for (const auto& entry : settings) {
    const auto property = properties.find(entry.first.Scalar());
    if (property == properties.end()) {
      import.report.add(diag::ImportSettingUnsupported(import.report.at(entry.first), where + "." + entry.first.Scalar(),
                                                       "not a setting of an API Gateway usage plan"));
      continue;
    }
    auto value = import.values.expression(entry.second);
    if (!value) continue;
    if (property->first == "period") {  // CloudFormation's periods are DAY, WEEK, MONTH
      if (auto text = import.values.literal(entry.second)) value = stringLiteral(upperText(*text));
    }
    fields.push_back(property->second + " = " + *value);
  }
  if (fields.empty()) return std::nullopt;
  return "{ " + joinText(fields) + " }";
}

class RestApiSettings {
 public:
  RestApiSettings(ServerlessImport& import, ServerlessApiSettings& out) : import_(import), out_(out) {}

  void run(const YAML::Node& settings) {
    YAML::Node& usagePlan = usagePlan_;
    YAML::Node& apiKeys = apiKeys_;
    for (const auto& entry : settings) {
      const std::string key = entry.first.Scalar();
      const std::string where = "provider.apiGateway." + key;
      if (key == "description") {
        if (auto v = import_.values.expression(entry.second, true)) out_.restLines.push_back("description = " + *v);
      } else if (key == "binaryMediaTypes") {
        if (auto v = import_.values.expression(entry.second, true)) out_.restLines.push_back("binaryMediaTypes = " + *v);
      } else if (key == "usagePlan") {
        usagePlan.reset(entry.second);
      } else if (key == "apiKeys") {
        apiKeys.reset(entry.second);
      } else if (key == "shouldStartNameWithService") {
        import_.report.add(diag::ImportSettingIgnored(import_.report.at(entry.first), where));  // Jaws names the API itself
      } else if (key == "minimumCompressionSize" || key == "apiKeySourceType" || key == "disableDefaultEndpoint" ||
                 key == "resourcePolicy" || key == "metrics") {
        import_.report.needsLanguageFeature(entry.first, where, "the REST `api` setting `" + key + "`");
      } else if (key == "restApiId" || key == "restApiRootResourceId" || key == "restApiResources" || key == "websocketApiId") {
        import_.report.add(diag::ImportSettingUnsupported(import_.report.at(entry.first), where,
                                                          "an API created elsewhere: Jaws declares the API its routes belong to, "
                                                          "write them on one `api`"));
      } else if (key == "request") {
        import_.report.add(diag::ImportSettingUnsupported(import_.report.at(entry.first), where,
                                                          "JSON schemas are not translated: declare the body's type on the route "
                                                          "(`body: T`), and the REST API validates it"));
      } else {
        import_.report.add(diag::ImportSettingUnsupported(import_.report.at(entry.first), where,
                                                          "the `api` has no such setting (docs/http-apis.md)"));
      }
    }
  }

  // `provider.usagePlan` and `provider.apiKeys`, the older places of the settings.
  void run(const YAML::Node& settings, const YAML::Node& provider) {
    if (settings) run(settings);
    if (!usagePlan_) usagePlan_.reset(child(provider, "usagePlan"));
    if (!apiKeys_) apiKeys_.reset(child(provider, "apiKeys"));
    if (usagePlan_ || apiKeys_) usage(usagePlan_, apiKeys_);
  }

 private:
  // `apiKeys` and `usagePlan`: a key resource per key, the plan on the API's
  // stage with its quota and throttle, and the keys in the plan, as
  // Serverless writes them.
  void usage(const YAML::Node& plan, const YAML::Node& keys) {
    if (plan && !plan.IsMap()) {
      import_.report.add(diag::ImportSettingUnsupported(import_.report.at(plan), "provider.apiGateway.usagePlan",
                                                        "only one usage plan (a settings object) is translated; declare the "
                                                        "others as `AWS::ApiGateway::UsagePlan` resources"));
      return;
    }
    std::vector<std::string> properties = {"ApiStages = [{ ApiId = restApi.id, Stage = stage }]"};
    for (const auto& entry : plan ? plan : YAML::Node(YAML::NodeType::Map)) {
      const std::string key = entry.first.Scalar();
      const std::string where = "provider.apiGateway.usagePlan." + key;
      if (key == "quota") {
        if (auto v = propertyObject(import_, entry.second, where, {{"limit", "Limit"}, {"offset", "Offset"}, {"period", "Period"}}))
          properties.push_back("Quota = " + *v);
      } else if (key == "throttle") {
        if (auto v = propertyObject(import_, entry.second, where, {{"burstLimit", "BurstLimit"}, {"rateLimit", "RateLimit"}}))
          properties.push_back("Throttle = " + *v);
      } else {
        import_.report.add(diag::ImportSettingUnsupported(import_.report.at(entry.first), where, "a usage plan has a quota and a throttle"));
      }
    }
    const std::string planName = import_.reserveName("usagePlan");
    out_.resources += resourceText("The usage plan Serverless creates for the API keys: the API's stage, the quota and throttle.", "@dependsOn(restApi)\n",
                                   planName, "AWS::ApiGateway::UsagePlan", properties);
    if (!keys) return;
    if (!keys.IsSequence()) {
      import_.report.add(diag::ImportSettingUnsupported(import_.report.at(keys), "provider.apiGateway.apiKeys",
                                                        "keys per usage plan are not translated; list the keys"));
      return;
    }
    for (const YAML::Node& key : keys) apiKey(key, planName);
  }

  void apiKey(const YAML::Node& key, const std::string& planName) {
    std::vector<std::string> properties;
    std::string label;
    if (key.IsScalar()) {
      auto name = import_.values.expression(key, true);
      if (!name) return;
      properties.push_back("Name = " + *name);
      label = key.Scalar();
    } else if (key.IsMap()) {
      static const std::map<std::string, std::string> fields = {
          {"name", "Name"}, {"value", "Value"}, {"description", "Description"}, {"customerId", "CustomerId"}, {"enabled", "Enabled"}};
      for (const auto& entry : key) {
        const auto field = fields.find(entry.first.Scalar());
        if (field == fields.end()) {
          import_.report.add(diag::ImportSettingUnsupported(import_.report.at(entry.first), "provider.apiGateway.apiKeys." + entry.first.Scalar(),
                                                            "an API key has a name, value, description, customerId and enabled"));
          continue;
        }
        if (auto v = import_.values.expression(entry.second, field->first != "enabled")) properties.push_back(field->second + " = " + *v);
      }
      if (key["name"] && key["name"].IsScalar()) label = key["name"].Scalar();
    } else {
      import_.report.add(diag::ImportSettingUnsupported(import_.report.at(key), "provider.apiGateway.apiKeys", "neither a name nor a key object"));
      return;
    }
    if (std::none_of(properties.begin(), properties.end(), [](const std::string& p) { return p.rfind("Enabled = ", 0) == 0; }))
      properties.insert(properties.begin(), "Enabled = true");  // Serverless's keys are enabled
    const std::string keyName = import_.reserveName(declarationName("apiKey-" + (label.empty() ? "key" : label)));
    out_.resources += resourceText("An API key of provider.apiGateway.apiKeys.", "", keyName, "AWS::ApiGateway::ApiKey",
                                   properties);
    out_.resources += resourceText("The key in the usage plan.", "", import_.reserveName(keyName + "InPlan"), "AWS::ApiGateway::UsagePlanKey",
                                   {"KeyId = " + keyName + ".ref", "KeyType = \"API_KEY\"", "UsagePlanId = " + planName + ".ref"});
  }

  ServerlessImport& import_;
  ServerlessApiSettings& out_;
  YAML::Node usagePlan_{YAML::NodeType::Undefined}, apiKeys_{YAML::NodeType::Undefined};
};

void httpApiSettings(ServerlessImport& import, const YAML::Node& settings) {
  for (const auto& entry : settings) {
    const std::string key = entry.first.Scalar();
    const std::string where = "provider.httpApi." + key;
    if (key == "cors" || key == "authorizers") continue;  // written on the API and its routes
    if (key == "payload") {
      // Jaws's HTTP APIs send payload format 2.0, Serverless's default.
      if (import.values.literal(entry.second).value_or("") != "2.0")
        import.report.needsLanguageFeature(entry.first, where, "the HTTP `api` setting `payload` (Jaws sends format 2.0)");
    } else if (key == "name" || key == "shouldStartNameWithService" || key == "useProviderTags") {
      import.report.add(diag::ImportSettingIgnored(import.report.at(entry.first), where));  // Jaws names and tags the API itself
    } else if (key == "metrics" || key == "disableDefaultEndpoint") {
      import.report.needsLanguageFeature(entry.first, where, "the HTTP `api` setting `" + key + "`");
    } else if (key == "id") {
      import.report.add(diag::ImportSettingUnsupported(import.report.at(entry.first), where,
                                                       "an API created elsewhere: Jaws declares the API its routes belong to, write them on one `api`"));
    } else {
      import.report.add(diag::ImportSettingUnsupported(import.report.at(entry.first), where, "the `api` has no such setting (docs/http-apis.md)"));
    }
  }
}

}  // namespace

ServerlessApiSettings importApiSettings(ServerlessImport& import, const YAML::Node& provider) {
  ServerlessApiSettings out;
  if (import.restApi.routes.empty()) {  // no `http` event: Serverless creates no REST API either
    for (const char* key : {"endpointType", "apiGateway", "usagePlan", "apiKeys"}) {
      if (const YAML::Node node = child(provider, key))
        import.report.add(diag::ImportSettingUnsupported(import.report.at(node), std::string("provider.") + key,
                                                         "no function has an `http` event: there is no REST API to set"));
    }
    if (const YAML::Node settings = child(provider, "httpApi"); settings && settings.IsMap()) httpApiSettings(import, settings);
    return out;
  }
  if (const YAML::Node endpoint = child(provider, "endpointType")) {
    const std::string type = upperText(import.values.literal(endpoint).value_or(""));
    if (type == "REGIONAL" || type == "EDGE" || type == "PRIVATE") out.restLines.push_back("endpoint = " + stringLiteral(type));
    else import.report.add(diag::ImportSettingUnsupported(import.report.at(endpoint), "provider.endpointType", "neither REGIONAL, EDGE nor PRIVATE"));
  }
  const YAML::Node settings = child(provider, "apiGateway");
  RestApiSettings(import, out).run(settings && settings.IsMap() ? settings : YAML::Node(YAML::NodeType::Undefined), provider);
  if (const YAML::Node settings = child(provider, "httpApi"); settings && settings.IsMap()) httpApiSettings(import, settings);
  return out;
}

}  // namespace jaws::importer
