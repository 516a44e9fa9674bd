#pragma once
// The project as `jaws serve` and `jaws invoke` run it: compiled by the same
// `Compilation` the build uses, one target (the chosen stage and region, or
// the first of each), the local values read, and every function's run spec
// resolved. What cannot run locally is reported here, once: a value known
// only at deploy time with no local value (JW9024), a runtime that does not
// run locally or whose program is missing (JW9025).
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "diag/Diagnostic.h"
#include "driver/Compilation.h"
#include "local/FunctionSpec.h"
#include "local/LocalValues.h"
#include "source/SourceManager.h"

namespace jaws::local {

struct LocalProjectOptions {
  std::filesystem::path input = ".";
  std::optional<std::filesystem::path> root, stdlib;
  std::optional<std::string> stage, region;
  std::optional<std::filesystem::path> valuesFile;  // default: <project>/jaws.local.json, if present
  std::vector<std::string> valueOverrides;          // "KEY=VALUE"
  std::vector<std::string> parentEnvironment;       // "NAME=value" of the jaws process
};

struct LocalProject {
  std::unique_ptr<Compilation> compilation;
  Diagnostics diagnostics;       // the compilation's, then JW9024/JW9025 (positions in its sources)
  SourceManager valuesSources;   // the local values file
  Diagnostics valuesDiagnostics; // positions in valuesSources
  const model::Stack* stack = nullptr;  // the target, inside the compilation; null when none matches
  std::string account;
  std::map<std::string, FunctionSpec, std::less<>> specs;  // by declaration name
  std::vector<std::filesystem::path> jawsFiles;            // the project's .jaws files (imports included)

  bool hasErrors() const;
};

// `serverUrl`: where `jaws serve` listens ("http://127.0.0.1:3000"), for
// `api.url` values; none for `jaws invoke`.
std::unique_ptr<LocalProject> loadLocalProject(const LocalProjectOptions& options,
                                               const std::optional<std::string>& serverUrl);

// Whether `program` is an executable file on PATH (from `environment`).
bool onPath(const std::string& program, const std::vector<std::string>& environment);

}  // namespace jaws::local
