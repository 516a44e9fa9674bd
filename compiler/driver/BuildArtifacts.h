#pragma once
// Everything `jaws build` writes, assembled in memory from a checked
// compilation: code packages, per-stack templates and Swagger bodies, the
// OpenAPI documents and the manifest. Writing them (all or nothing) is the
// CLI's job; this only decides paths and bytes, so it is deterministic and
// testable without touching the disk.
#include <filesystem>
#include <string>
#include <vector>

#include "diag/Diagnostic.h"
#include "driver/Compilation.h"
#include "driver/StackArtifacts.h"

namespace jaws {

struct BuildOptions {
  bool yaml = false;  // templates as template.yaml
};

struct BuildResult {
  std::vector<Artifact> artifacts;  // sorted by path
  Diagnostics diagnostics;          // budget errors, packaging errors
  std::size_t stacks = 0;
};

// Assumes the compilation has no errors.
BuildResult assembleBuild(Compilation& compilation, const BuildOptions& options);

}  // namespace jaws
