#pragma once
// Values that only CloudFormation knows (a table's name, an ARN, an SSM
// parameter), given for local runs: `jaws.local.json` in the project folder
// (or `--values FILE`), then `--value KEY=VALUE` flags, which win.
//
//   { "values": { "todos.ref": "todos-dev", "ssm:/todo/dev/token": "dev-token" },
//     "stages": { "prod": { "todos.ref": "todos" } } }
//
// Keys name a value as `jaws serve` reports it missing (referenceKey below).
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diag/Diagnostic.h"
#include "model/Model.h"
#include "source/SourceManager.h"

namespace jaws::local {

inline constexpr const char* kLocalValuesFile = "jaws.local.json";

struct LocalValues {
  std::map<std::string, std::string, std::less<>> values;
  Diagnostics diagnostics;  // positions in `sources`
};

// Reads `file` (when it exists, or always when `required`), keeps the
// top-level values and those of `stage`, then applies `overrides`
// ("KEY=VALUE"). `stack` names the declarations keys may refer to.
LocalValues loadLocalValues(SourceManager& sources, const std::filesystem::path& file, bool required,
                            const model::Stack& stack, const std::vector<std::string>& overrides);

// `todos.ref`, `todos.arn`, `todos.StreamArn`, `createTodo.arn`, `account`,
// `ssm:/todo/dev/token`, `secret:name`, `secret:name:key`.
std::string referenceKey(const model::DeployRef& ref);

}  // namespace jaws::local
