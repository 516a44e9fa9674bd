#pragma once
// Where `jaws build` may write (docs/security.md): never the project folder
// or a source folder, or a folder that holds one (JW9013), and never a folder inside a source
// folder whose package would take it in (JW9016); a folder the package rules
// leave out, such as the default `build/`, is fine. Whether the folder holds
// an earlier build, and may be replaced, is the writer's check (it must be
// made under the folder's lock).
#include <filesystem>

#include "diag/Diagnostic.h"
#include "driver/Compilation.h"

namespace jaws {

Diagnostics checkBuildFolder(Compilation& compilation, const std::filesystem::path& outputDir);

// The folder may be replaced by a build: it does not exist, is empty, or
// holds the manifest.json of an earlier build (read as a regular file,
// never through a link).
bool replaceableBuildFolder(const std::filesystem::path& folder);

}  // namespace jaws
