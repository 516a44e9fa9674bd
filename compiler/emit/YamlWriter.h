#pragma once
// A JSON artifact as YAML (`--format yaml`), through yaml-cpp. CloudFormation
// reads long-form intrinsics (`Fn::GetAtt: [A, Arn]`) in YAML as in JSON, so
// the document is written as is, in the same key order. A string that YAML
// would read as another type (`"2010-09-09"`, `"true"`, `"200"`) is
// double-quoted, so the YAML loads back to exactly the JSON.
#include <string>

#include <nlohmann/json.hpp>

namespace jaws::emit {

std::string emitYaml(const nlohmann::ordered_json& document);

}  // namespace jaws::emit
