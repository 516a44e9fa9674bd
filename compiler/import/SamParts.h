#pragma once
// The state shared by the parts of the SAM importer: the values translator,
// the report, and the APIs whose routes the functions' events add (the
// template's `AWS::Serverless::Api`/`HttpApi` and the implicit
// `ServerlessRestApi`/`ServerlessHttpApi` SAM creates for events without one).
#include <map>
#include <set>
#include <string>
#include <vector>

#include "import/SamValues.h"

namespace jaws::importer {

struct SamApi {
  std::string declaration;
  bool http = false;
  std::string when;                                // a `@when` condition, or ""
  std::string doc;                                 // a `///` line, or ""
  std::vector<std::string> attributes;             // "cors = true"
  std::map<std::string, std::string> authorizers;  // SAM authorizer name -> auth expression
  std::string defaultAuthorizer;                   // a SAM authorizer name, or ""
  bool apiKeyRequired = false;                     // REST: `Auth.ApiKeyRequired` for every route
  std::vector<std::string> routes;                 // "GET /x -> f { ... }"
};

struct SamImport {
  ImportReport& report;
  SamValues& values;
  YAML::Node globals;                   // `Globals`, or undefined
  std::string stageName;                // the one stage, or the default of the stage parameter
  std::string codePrefix;               // the template's folder relative to the project's
  std::map<std::string, SamApi> apis;  // by logical id
};

// The decorators a template's resource attributes become: `Condition` as
// `@when`, and on resources `DeletionPolicy`, `UpdateReplacePolicy` and
// `DependsOn`; `handled` collects the attribute keys read.
std::string declarationOptions(SamImport& import, const YAML::Node& resource, bool isResource, std::vector<std::string>& handled);

// An `AWS::Serverless::Function` as a `function` declaration.
std::string importSamFunction(SamImport& import, const std::string& name, const YAML::Node& resource);

// A resource that is neither a function nor an API: an `AWS::Serverless::SimpleTable`
// or `LayerVersion` as what it translates to, any other as a raw resource.
// Empty when it cannot be carried over.
std::string importSamResource(SamImport& import, const std::string& name, const std::string& logicalId, const YAML::Node& resource);

// `Outputs` as `output` declarations, none named like one of `taken`.
std::string importSamOutputs(SamImport& import, const YAML::Node& outputs, const std::set<std::string>& taken);

// One setting of a resource's `Properties`, its key node kept for the report.
struct SamSetting {
  YAML::Node key;
  YAML::Node value;
};

// A resource's `Properties` with the `Globals` section's (Function, Api,
// HttpApi) under them: its own keys first, then the globals' it does not set
// (SAM's rule). The nodes are the template's, so diagnostics keep their line:col.
std::vector<SamSetting> withGlobals(const YAML::Node& globals, const std::string& section, const YAML::Node& properties);

// The value of `key` among `settings`, or an undefined node.
YAML::Node settingOf(const std::vector<SamSetting>& settings, const std::string& key);

// The entries of a map setting and of the same map in `Globals` (environment
// variables, tags): the resource's own first, then the globals' it does not set.
std::vector<SamSetting> mergedMap(const YAML::Node& own, const YAML::Node& global);

// The API of a logical id; the implicit ones are created on first use.
SamApi& apiOf(SamImport& import, const std::string& logicalId, bool http);

// An `AWS::Serverless::Api` or `HttpApi` resource's settings (Globals merged).
void importApiSettings(SamImport& import, SamApi& api, const std::vector<SamSetting>& properties);

// The `Events` of one function, as `events = [...]` items; routes go to the APIs.
std::vector<std::string> importSamEvents(SamImport& import, const std::string& function, const YAML::Node& events);

// The `Policies` of one function, as `allow(...)` items.
std::vector<std::string> importSamPolicies(SamImport& import, const YAML::Node& policies);

}  // namespace jaws::importer
