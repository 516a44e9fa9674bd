#pragma once
// CloudFormation `Mappings` and `Fn::FindInMap` as the language's own
// expressions, for both importers. The language has no indexing by a computed
// key, so a table looked up by the stage, the region or a param becomes a let
// choosing the row, and the lookup a member of it:
//
//   let regionMap = region == "us-east-1" ? { AMI = "ami-1" } : region == "eu-west-1" ? { AMI = "ami-2" } : null
//   ImageId = regionMap.AMI
//
// A target (stage, region) the table has no row for gets `null`, and the member
// is then an error of `jaws check` at the use, for that target (JW3016), where
// CloudFormation would fail the deployment. A lookup by literal keys is the
// value itself.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <yaml-cpp/yaml.h>

#include "import/CfnConditions.h"
#include "import/ImportReport.h"

namespace jaws::importer {

class CfnMappings {
 public:
  using Expression = std::function<std::optional<std::string>(const YAML::Node&)>;
  using ReserveName = std::function<std::string(const std::string&)>;

  // The file's `Mappings`; `reserveName` gives a let a declaration name of its own.
  void use(const YAML::Node& mappings, ReserveName reserveName) {
    mappings_.reset(mappings);
    reserveName_ = std::move(reserveName);
  }

  // `Fn::FindInMap [map, top, second]`: the row's key `top` through `keys`
  // (the stage, the region, a param; a plain value is a literal key), the values
  // through `value`. Reported (JW6008) and nullopt when it cannot be expressed.
  std::optional<std::string> findInMap(ImportReport& report, const YAML::Node& at, const YAML::Node& argument,
                                       const ConditionOperands& keys, const Expression& value);

  // The lets of the tables looked up by a value: `let name = ... ? {row} : null`.
  std::string lets() const;

 private:
  YAML::Node mappings_;
  ReserveName reserveName_;
  // (table, the key's expression) -> (let name, let text)
  std::map<std::pair<std::string, std::string>, std::pair<std::string, std::string>> lets_;
};

}  // namespace jaws::importer
