#pragma once
// Writes a set of files into a folder, all or nothing: every file goes to a
// temporary name beside its target first; only when all are written are they
// renamed into place (a rename is atomic), so a failed build leaves the
// previous build as it was.
#include <filesystem>
#include <string>
#include <vector>

#include "driver/BuildArtifacts.h"

namespace jaws::cli {

struct WriteFailure {
  std::string path;
  std::string reason;
};

// Returns the failure, if any; on failure nothing in `folder` changed.
std::optional<WriteFailure> writeArtifacts(const std::filesystem::path& folder, const std::vector<Artifact>& artifacts);

}  // namespace jaws::cli
