#pragma once
// Writes a build into its folder as one step, as seen from the folder
// (docs/build.md): the new build is written into a fresh hidden sibling
// (mkdtemp: `.jaws-tmp-<name>-XXXXXX`, every file created with O_EXCL), then
// swapped in with one renameat2(RENAME_EXCHANGE), and the previous build,
// now at the sibling's name, is deleted. Killed at any moment, the folder is
// the previous build or the new one; a sibling left behind is deleted by the
// next build into that folder.
//
// The swap and the checks before it run under flock(2) on the parent folder,
// so a second build into the same folder waits. A folder that is not empty
// and holds no jaws manifest is never replaced (JW9012).
#include <filesystem>
#include <functional>
#include <optional>
#include <vector>

#include "diag/Diagnostic.h"
#include "driver/BuildArtifacts.h"

namespace jaws::cli {

// `waiting` is called once when another build holds the lock. Returns the
// reason nothing was written, if so; then the folder is as it was.
std::optional<Diagnostic> replaceBuildFolder(const std::filesystem::path& folder, const std::vector<Artifact>& artifacts,
                                             const std::function<void()>& waiting);

}  // namespace jaws::cli
