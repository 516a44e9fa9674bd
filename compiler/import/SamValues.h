#pragma once
// Values of a SAM template as .jaws expressions: CloudFormation's intrinsic
// functions (`Ref`, `Fn::GetAtt`, `Fn::Sub`, `Fn::Join`, `Fn::If`, and the
// condition functions), long or short form, over the template's parameters,
// conditions, resources and the resources SAM generates (`ServerlessRestApi`,
// `<Function>Role`, `<Function>Url`). Plain strings are literal: SAM has no
// variables outside `Fn::Sub`. A value that cannot be translated is reported
// and comes back empty; its caller leaves it out.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <yaml-cpp/yaml.h>

#include "import/CfnConditions.h"
#include "import/CfnMappings.h"
#include "import/ImportReport.h"

namespace jaws::importer {

class SamValues {
 public:
  enum class Kind { Resource, Function, RestApi, HttpApi, Param, Stage, Condition };

  SamValues(ImportReport& report, std::string stackName) : report_(report), stackName_(std::move(stackName)) {}

  // What a logical id (or a condition's name) of the template is in the project.
  void name(const std::string& logicalId, const std::string& declaration, Kind kind);
  // A param whose value is known only at deploy time (an `ssm()` default):
  // conditions cannot test it.
  void deployTimeParam(const std::string& logicalId) { deployTime_.insert(logicalId); }

  // Any value: a map, a list, a scalar (plain numbers and booleans stay bare
  // unless `asString`) or an intrinsic function.
  std::optional<std::string> expression(const YAML::Node& node, bool asString = false);

  // What the template's conditions test: its parameters, the stage, the
  // region, and the conditions carried over (CfnConditions.h).
  ConditionOperands conditionOperands();

  // The file's `Mappings`, and the lets of the tables `Fn::FindInMap` looked up.
  CfnMappings& mappings() { return mappings_; }

  // The declaration a logical id names ("" when none), and of what kind.
  std::string declaration(const std::string& logicalId) const;
  std::optional<Kind> kind(const std::string& logicalId) const;

 private:
  struct Target {
    std::string declaration;
    Kind kind;
  };
  std::optional<std::string> intrinsic(const YAML::Node& node, const std::string& function, const YAML::Node& argument);
  std::optional<std::string> reference(const YAML::Node& at, const std::string& target, const std::string& attribute);
  std::optional<std::string> substitution(const YAML::Node& at, std::string text, const YAML::Node& variables);

  ImportReport& report_;
  std::string stackName_;
  std::map<std::string, Target> names_;
  std::set<std::string> deployTime_;
  CfnMappings mappings_;
};

}  // namespace jaws::importer
