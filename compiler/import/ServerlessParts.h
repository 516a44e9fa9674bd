#pragma once
// The state shared by the parts of the Serverless importer: the values
// translator, the report, and what the events add to other files (routes of
// the APIs, topics and buckets Serverless creates for an event).
#include <map>
#include <set>
#include <string>
#include <vector>

#include "import/ServerlessValues.h"

namespace jaws::importer {

struct ServerlessApi {
  std::string cors;                 // the API's `cors` expression, or ""
  std::vector<std::string> routes;  // "GET /x -> f { ... }"
};

struct ServerlessImport {
  const YAML::Node& root;
  ImportReport& report;
  ServerlessValues& values;
  ServerlessApi restApi;
  ServerlessApi httpApi;
  std::map<std::string, std::string> createdResources;  // declaration name -> resource text
  std::map<std::string, std::string> functionNames;     // YAML name -> declaration name
  std::map<std::string, std::string> resourceNames;     // logical id of `resources` -> declaration name
  std::set<std::string> takenNames;                     // every declaration name given so far

  // `name`, or `name_`, `name__`, ... when it is taken: a declaration name of its own.
  std::string reserveName(std::string name) {
    while (!takenNames.insert(name).second) name += "_";
    return name;
  }
};

// What `provider.apiGateway`, `provider.endpointType` and `provider.httpApi`
// add: attribute lines of the REST `api`, and raw resources (API keys, the
// usage plan). Call it once the routes are known.
struct ServerlessApiSettings {
  std::vector<std::string> restLines;
  std::string resources;
};
ServerlessApiSettings importApiSettings(ServerlessImport& import, const YAML::Node& provider);

// The function options of one function (`name`, `tracing`, `vpc`, `role`,
// `onError`, `destinations`, `ephemeralStorageSize`, the provider's defaults),
// as `attribute = value` lines.
void importFunctionOptions(ServerlessImport& import, const YAML::Node& fn, std::vector<std::string>& lines);

// The `events` of one function, as `events = [...]` items; routes and created
// resources go into `import`.
std::vector<std::string> importEvents(ServerlessImport& import, const std::string& function, const YAML::Node& events);

}  // namespace jaws::importer
