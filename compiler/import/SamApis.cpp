// The APIs of a SAM template: `AWS::Serverless::Api` (a REST API) and
// `AWS::Serverless::HttpApi`, with their `Globals`, CORS, authorizers, API keys
// and endpoint, and the implicit APIs SAM creates for events without one.
#include <algorithm>
#include <sstream>

#include "import/CfnText.h"
#include "import/JawsText.h"
#include "import/SamParts.h"

namespace jaws::importer {

namespace {

// SAM writes REST CORS values as quoted header values: `"'https://a.com'"`.
std::string unquoted(std::string text) {
  if (text.size() >= 2 && text.front() == '\'' && text.back() == '\'') text = text.substr(1, text.size() - 2);
  return text;
}

std::vector<std::string> commaList(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream stream(text);
  std::string item;
  while (std::getline(stream, item, ',')) {
    const auto begin = item.find_first_not_of(' ');
    if (begin != std::string::npos) out.push_back(item.substr(begin, item.find_last_not_of(' ') - begin + 1));
  }
  return out;
}

std::string listLiteral(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + stringLiteral(items[i]);
  return out + "]";
}

// `Cors` of a REST API (`'*'`, or AllowOrigin/AllowHeaders/AllowCredentials/MaxAge
// as header values) or `CorsConfiguration` of an HTTP API (true, or lists).
std::optional<std::string> corsOf(SamImport& import, const YAML::Node& cors) {
  if (cors.IsScalar() && !intrinsicOf(cors)) {
    if (cors.Scalar() == "true" || unquoted(cors.Scalar()) == "*") return std::string("true");
    if (cors.Scalar() == "false") return std::nullopt;
    return "{ origins = " + listLiteral({unquoted(cors.Scalar())}) + " }";
  }
  if (!cors.IsMap()) {
    import.report.add(diag::ImportSettingUnsupported(import.report.at(cors), "Cors", "a CORS setting computed at deploy time"));
    return std::nullopt;
  }
  std::vector<std::string> parts;
  for (const auto& entry : cors) {
    const std::string key = entry.first.Scalar();
    const YAML::Node value = entry.second;
    // A list of the template (with references), or SAM's quoted comma-separated header value.
    const auto list = [&]() -> std::optional<std::string> {
      if (value.IsSequence()) return import.values.expression(value, true);
      return listLiteral(commaList(unquoted(value.Scalar())));
    };
    if (intrinsicOf(value)) {
      import.report.add(diag::ImportSettingUnsupported(import.report.at(value), "Cors." + key, "a CORS setting computed at deploy time"));
    } else if (key == "AllowOrigin" || key == "AllowOrigins") {
      if (auto origins = list()) parts.push_back("origins = " + *origins);
    } else if (key == "AllowHeaders") {
      if (auto headers = list()) parts.push_back("headers = " + *headers);
    } else if (key == "AllowCredentials") {
      parts.push_back("credentials = " + std::string(value.Scalar() == "true" ? "true" : "false"));
    } else if (key == "MaxAge") {
      parts.push_back("maxAge = " + unquoted(value.Scalar()) + "s");
    } else if (key == "AllowMethods") {
      // Jaws allows the methods of the API's routes, which is what a browser needs.
      import.report.add(diag::ImportSettingIgnored(import.report.at(entry.first), "Cors.AllowMethods"));
    } else {
      import.report.add(diag::ImportSettingUnsupported(import.report.at(entry.first), "Cors." + key,
                                                       "Jaws's CORS has origins, headers, credentials and maxAge"));
    }
  }
  if (parts.empty()) return std::string("true");
  std::string out = "{ ";
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
  return out + " }";
}

// One authorizer of `Auth.Authorizers`: a Cognito user pool, a Lambda
// function of the template, a JWT configuration (HTTP APIs).
std::optional<std::string> authorizerOf(SamImport& import, const std::string& name, const YAML::Node& settings, bool http) {
  if (const YAML::Node pool = child(settings, "UserPoolArn")) {
    auto arn = import.values.expression(pool.IsSequence() && pool.size() == 1 ? pool[0] : pool, true);
    if (arn) return "cognito(" + *arn + ")";
    return std::nullopt;
  }
  if (const YAML::Node function = child(settings, "FunctionArn")) {
    auto arn = import.values.expression(function, true);
    if (arn && arn->size() > 4 && arn->compare(arn->size() - 4, 4, ".arn") == 0 && arn->find('"') == std::string::npos)
      return "authorizer(" + arn->substr(0, arn->size() - 4) + ")";
    import.report.add(diag::ImportSettingUnsupported(import.report.at(function), "Authorizers." + name,
                                                     "a Lambda authorizer must be a function of the project"));
    return std::nullopt;
  }
  if (const YAML::Node jwt = child(settings, "JwtConfiguration"); jwt && http) {
    std::string scopes;
    for (const auto& entry : settings) {
      const std::string key = entry.first.Scalar();
      if (key == "AuthorizationScopes") {
        if (auto v = import.values.expression(entry.second, true)) scopes = ", scopes = " + *v;
      } else if (key == "IdentitySource" && entry.second.Scalar() != "$request.header.Authorization") {
        import.report.add(diag::ImportSettingUnsupported(import.report.at(entry.second), "Authorizers." + name + ".IdentitySource",
                                                         "Jaws's JWT authorizers read the Authorization header"));
      } else if (key != "JwtConfiguration" && key != "IdentitySource") {
        import.report.add(diag::ImportSettingUnsupported(import.report.at(entry.first), "Authorizers." + name + "." + key,
                                                         "a JWT authorizer has an issuer, audiences and scopes"));
      }
    }
    auto issuer = import.values.expression(child(jwt, "issuer"), true);
    auto audience = issuer ? import.values.expression(child(jwt, "audience"), true) : std::nullopt;
    if (!issuer || !audience) return std::nullopt;
    if (!child(jwt, "audience").IsSequence()) *audience = "[" + *audience + "]";
    return "jwt({ issuer = " + *issuer + ", audience = " + *audience + scopes + " })";
  }
  import.report.add(diag::ImportSettingUnsupported(import.report.at(settings), "Authorizers." + name,
                                                   "only Cognito user pools, Lambda functions and JWT issuers are translated"));
  return std::nullopt;
}

void authOf(SamImport& import, SamApi& api, const YAML::Node& auth) {
  for (const auto& entry : auth) {
    const std::string key = entry.first.Scalar();
    if (key == "Authorizers" && entry.second.IsMap()) {
      for (const auto& authorizer : entry.second) {
        if (auto text = authorizerOf(import, authorizer.first.Scalar(), authorizer.second, api.http))
          api.authorizers[authorizer.first.Scalar()] = *text;
      }
    } else if (key == "DefaultAuthorizer") {
      api.defaultAuthorizer = entry.second.Scalar();
    } else if (key == "ApiKeyRequired" && !api.http) {
      api.apiKeyRequired = entry.second.Scalar() == "true";
    } else if (key == "AddDefaultAuthorizerToCorsPreflight" || key == "EnableIamAuthorizer") {
      continue;  // Jaws never authorizes preflights; `AWS_IAM` is an authorizer name either way
    } else {
      import.report.add(diag::ImportSettingUnsupported(import.report.at(entry.first), "Auth." + key, "Jaws's API auth has no such setting"));
    }
  }
  if (api.defaultAuthorizer == "AWS_IAM") api.attributes.push_back("auth = \"iam\"");
  else if (api.authorizers.count(api.defaultAuthorizer)) api.attributes.push_back("auth = " + api.authorizers.at(api.defaultAuthorizer));
  else if (!api.defaultAuthorizer.empty() && api.defaultAuthorizer != "NONE")
    import.report.add(diag::ImportSettingUnsupported(import.report.at(child(auth, "DefaultAuthorizer")), "Auth.DefaultAuthorizer",
                                                     "the authorizer `" + api.defaultAuthorizer + "` was not carried over"));
}

}  // namespace

std::vector<SamSetting> mergedMap(const YAML::Node& own, const YAML::Node& global) {
  std::vector<SamSetting> out;
  for (const YAML::Node& map : {own, global}) {
    if (!map || !map.IsMap() || intrinsicOf(map)) continue;
    for (const auto& entry : map) {
      const std::string key = entry.first.Scalar();
      if (std::none_of(out.begin(), out.end(), [&](const SamSetting& s) { return s.key.Scalar() == key; }))
        out.push_back({entry.first, entry.second});
    }
  }
  return out;
}

std::vector<SamSetting> withGlobals(const YAML::Node& globals, const std::string& section, const YAML::Node& properties) {
  return mergedMap(properties, child(globals, section));
}

YAML::Node settingOf(const std::vector<SamSetting>& settings, const std::string& key) {
  for (const SamSetting& setting : settings) {
    if (setting.key.Scalar() == key) return setting.value;
  }
  return YAML::Node(YAML::NodeType::Undefined);
}

SamApi& apiOf(SamImport& import, const std::string& logicalId, bool http) {
  auto found = import.apis.find(logicalId);
  if (found != import.apis.end()) return found->second;
  SamApi& api = import.apis[logicalId];
  api.declaration = http ? "httpApi" : "restApi";
  api.http = http;
  api.doc = "/// The API SAM creates for the functions' " + std::string(http ? "HttpApi" : "Api") + " events.\n";
  importApiSettings(import, api, withGlobals(import.globals, http ? "HttpApi" : "Api", YAML::Node(YAML::NodeType::Undefined)));
  return api;
}

void importApiSettings(SamImport& import, SamApi& api, const std::vector<SamSetting>& properties) {
  if (api.http) api.attributes.push_back("kind = \"http\"");
  else api.attributes.push_back("validate = false");  // SAM validates nothing unless told
  for (const SamSetting& entry : properties) {
    const std::string key = entry.key.Scalar();
    const YAML::Node value = entry.value;
    if (key == "Cors" || key == "CorsConfiguration") {
      if (auto cors = corsOf(import, value)) api.attributes.push_back("cors = " + *cors);
    } else if (key == "Auth" && value.IsMap()) {
      authOf(import, api, value);
    } else if (key == "Description") {
      continue;  // the API's doc comment
    } else if (key == "EndpointConfiguration" && !api.http) {
      const YAML::Node type = value.IsMap() ? child(value, "Type") : value;
      if (auto text = import.values.expression(type, true)) api.attributes.push_back("endpoint = " + *text);
    } else if (key == "BinaryMediaTypes" && !api.http) {
      if (auto text = import.values.expression(value, true)) api.attributes.push_back("binaryMediaTypes = " + *text);
    } else if (key == "StageName") {
      // The API's stage is the Jaws stage: the importer named the stage after it.
      continue;
    } else if (key == "Name") {
      import.report.add(diag::ImportSettingUnsupported(import.report.at(entry.key), key,
                                                       "Jaws names the API `<project>-<stage>-<api>`"));
    } else if (key == "DefinitionBody" || key == "DefinitionUri") {
      import.report.add(diag::ImportSettingUnsupported(import.report.at(entry.key), key,
                                                       "an OpenAPI document is not read: write its routes in the `api`"));
    } else {
      import.report.add(diag::ImportSettingUnsupported(import.report.at(entry.key), key, "Jaws APIs have no such setting"));
    }
  }
}

}  // namespace jaws::importer
