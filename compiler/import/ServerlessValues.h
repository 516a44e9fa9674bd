#pragma once
// Values of a serverless.yml as .jaws expressions: the Serverless variables
// (`${self:...}`, `${sls:stage}`, `${opt:stage, 'dev'}`, `${aws:region}`,
// `${ssm:...}`, `${env:...}`) and CloudFormation's intrinsic functions (`Ref`,
// `Fn::GetAtt`, `Fn::Sub`, `Fn::Join`, long or short form). A value that cannot
// be translated is reported and comes back empty; its caller leaves it out.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>
#include <yaml-cpp/yaml.h>

#include "import/CfnConditions.h"
#include "import/CfnMappings.h"
#include "import/ImportReport.h"

namespace jaws::importer {

// A param the translation needs: a `custom` value, an environment variable or
// an SSM parameter.
struct ImportedParam {
  std::string name;
  std::string type;          // "string", or "any" for a custom object
  std::string defaultValue;  // an expression, or "" for none
  std::string doc;
};

class ServerlessValues {
 public:
  ServerlessValues(const YAML::Node& root, ImportReport& report);

  // The declaration names of the logical ids the file's values may refer to
  // (its resources, and the functions, APIs and resources Serverless names).
  void name(const std::string& logicalId, const std::string& declaration, const std::string& kind);
  // The declaration a logical id (or a condition's name) names, "" when none.
  std::string declaration(const std::string& logicalId) const {
    const auto found = names_.find(logicalId);
    return found == names_.end() ? "" : found->second.declaration;
  }

  // Any value: a map, a list, a scalar (plain numbers and booleans stay bare)
  // or an intrinsic function. `asString` turns plain numbers into strings
  // (environment variables, tags).
  std::optional<std::string> expression(const YAML::Node& node, bool asString = false);

  // A string with Serverless variables (already known to be a scalar).
  std::optional<std::string> stringExpression(const YAML::Node& node);

  // The resolved scalar text of a node without variables, or nullopt.
  std::optional<std::string> literal(const YAML::Node& node);

  // The stage and region a `${opt:stage, 'dev'}` names (its fallback), or the
  // plain value.
  std::string defaultStage() const { return defaultStage_; }
  std::string defaultRegion() const { return defaultRegion_; }

  // The file's stages and what each sets of its `params` (`${param:NAME}`):
  // the default stage first, then every stage `params` names besides
  // `default`, each with its values as (param name, expression). Call it once
  // every other value is translated and before writing params(): a stage's
  // value may refer to another param, which is then declared too.
  struct StageValues {
    std::string stage;
    std::vector<std::pair<std::string, std::string>> values;
  };
  std::vector<StageValues> stages();

  // What the file's `resources.Conditions` test: the stage, the region, params,
  // and the conditions carried over (named with the kind "condition").
  ConditionOperands conditionOperands();

  // The file's `Mappings`, and the lets of the tables `Fn::FindInMap` looked up.
  CfnMappings& mappings() { return mappings_; }

  const std::map<std::string, ImportedParam>& params() const { return params_; }
  const std::set<std::string>& customKeysUsed() const { return customUsed_; }
  std::string service() const { return service_; }

 private:
  std::optional<std::string> intrinsic(const YAML::Node& node, const std::string& function, const YAML::Node& argument);
  std::optional<std::string> reference(const YAML::Node& at, const std::string& target, const std::string& attribute);
  std::optional<std::string> substitution(const YAML::Node& at, const std::string& text);
  // The expression of one `${...}` variable; `inString` when part of a text.
  std::optional<std::string> variable(const YAML::Node& at, const std::string& inner, int depth);
  std::optional<std::string> fallbackValue(const YAML::Node& at, const std::string& fallback, int depth);
  std::optional<std::string> stringWithVariables(const YAML::Node& at, const std::string& text, int depth);
  std::string addParam(ImportedParam param);
  // `${param:KEY}`: a param whose default is `params.default.KEY`, set per stage.
  std::optional<std::string> stageParam(const YAML::Node& at, const std::string& key, const std::string& fallback, int depth);

  YAML::Node root_;
  ImportReport& report_;
  std::string service_;
  std::string defaultStage_ = "dev";
  std::string defaultRegion_ = "us-east-1";
  struct Target {
    std::string declaration;
    std::string kind;  // "resource", "function", "api", "condition"
  };
  std::map<std::string, Target> names_;
  std::map<std::string, ImportedParam> params_;
  std::set<std::string> customUsed_;
  CfnMappings mappings_;
  std::set<std::string> stageParamsUsed_;  // keys of `params` some value refers to
};

}  // namespace jaws::importer
