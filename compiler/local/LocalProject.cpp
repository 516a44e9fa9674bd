#include "local/LocalProject.h"

#include <unistd.h>

#include "diag/Builders.h"
#include "diag/Ordering.h"
#include "local/LocalEnvironment.h"
#include "local/ServingState.h"

namespace jaws::local {

namespace fs = std::filesystem;

bool LocalProject::hasErrors() const {
  return jaws::hasErrors(diagnostics) || jaws::hasErrors(valuesDiagnostics);
}

bool onPath(const std::string& program, const std::vector<std::string>& environment) {
  if (program.find('/') != std::string::npos) return ::access(program.c_str(), X_OK) == 0;
  std::string path = "/usr/local/bin:/usr/bin:/bin";
  for (const std::string& entry : environment) {
    if (entry.rfind("PATH=", 0) == 0) path = entry.substr(5);
  }
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t colon = path.find(':', start);
    if (colon == std::string::npos) colon = path.size();
    const std::string folder = path.substr(start, colon - start);
    if (!folder.empty() && ::access((fs::path(folder) / program).c_str(), X_OK) == 0) return true;
    start = colon + 1;
  }
  return false;
}

std::unique_ptr<LocalProject> loadLocalProject(const LocalProjectOptions& options,
                                               const std::optional<std::string>& serverUrl) {
  auto project = std::make_unique<LocalProject>();
  CompilationOptions compilationOptions;
  compilationOptions.inputs.push_back(options.input);
  compilationOptions.root = options.root;
  compilationOptions.stdlibDir = options.stdlib;
  compilationOptions.stage = options.stage;
  compilationOptions.region = options.region;
  project->compilation = std::make_unique<Compilation>(std::move(compilationOptions));
  Compilation& compilation = *project->compilation;
  project->diagnostics = compilation.diagnostics();
  for (FileId file : compilation.userFiles()) project->jawsFiles.emplace_back(compilation.sources().key(file));
  if (jaws::hasErrors(project->diagnostics) || compilation.stacks().empty()) return project;
  const model::Stack& stack = compilation.stacks().front();
  project->stack = &stack;

  const fs::path valuesFile = options.valuesFile.value_or(compilation.projectDir() / kLocalValuesFile);
  LocalValues values = loadLocalValues(project->valuesSources, valuesFile, options.valuesFile.has_value(), stack,
                                       options.valueOverrides);
  project->valuesDiagnostics = std::move(values.diagnostics);
  std::map<std::string, std::string, std::less<>> apiUrls;
  for (const auto& api : stack.apis) {
    if (serverUrl) apiUrls[api.name] = *serverUrl + mountOf(stack, api);
  }
  const KnownValues known = knownValues(stack, values, apiUrls);
  project->account = known.account;

  std::vector<MissingValue> missing;
  std::map<std::string, bool> programs;  // found on PATH, by program
  for (const model::Function& function : stack.functions) {
    ResolvedFunctionEnvironment env = resolveEnvironment(stack, function, values, known);
    missing.insert(missing.end(), env.missing.begin(), env.missing.end());
    FunctionSpec spec = functionSpec(stack, function, known.account, env.variables, options.parentEnvironment);
    if (spec.unsupported.empty()) {
      auto [found, added] = programs.try_emplace(spec.program, false);
      if (added) found->second = onPath(spec.program, spec.environment);
      if (!found->second) spec.unsupported = "`" + spec.program + "` is not on PATH (the runtime " + spec.runtime + " needs it)";
    }
    if (!spec.unsupported.empty()) project->diagnostics.push_back(diag::RuntimeNotLocal(function.span, function.name, spec.unsupported));
    project->specs.emplace(function.name, std::move(spec));
  }
  Diagnostics missingDiagnostics = missingValueDiagnostics(missing);
  project->diagnostics.insert(project->diagnostics.end(), missingDiagnostics.begin(), missingDiagnostics.end());
  sortAndDeduplicate(project->diagnostics, compilation.sources());
  return project;
}

}  // namespace jaws::local
