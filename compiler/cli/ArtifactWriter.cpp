#include "cli/ArtifactWriter.h"

#include <unistd.h>

#include <cstring>
#include <fstream>

namespace jaws::cli {

namespace fs = std::filesystem;

std::optional<WriteFailure> writeArtifacts(const fs::path& folder, const std::vector<Artifact>& artifacts) {
  const std::string suffix = ".jaws-tmp-" + std::to_string(::getpid());
  std::vector<std::pair<fs::path, fs::path>> staged;
  auto rollback = [&] {
    std::error_code ignored;
    for (const auto& [temp, target] : staged) fs::remove(temp, ignored);
  };
  for (const Artifact& artifact : artifacts) {
    const fs::path target = folder / fs::path(artifact.path);
    const fs::path temp = target.string() + suffix;
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    if (ec) {
      rollback();
      return WriteFailure{target.parent_path().string(), ec.message()};
    }
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out.write(artifact.bytes.data(), static_cast<std::streamsize>(artifact.bytes.size()));
    out.close();
    if (!out) {
      const std::string reason = std::strerror(errno);
      std::error_code ignored;
      fs::remove(temp, ignored);
      rollback();
      return WriteFailure{target.string(), reason};
    }
    staged.emplace_back(temp, target);
  }
  for (const auto& [temp, target] : staged) {
    std::error_code ec;
    fs::rename(temp, target, ec);
    if (ec) return WriteFailure{target.string(), ec.message()};
  }
  return std::nullopt;
}

}  // namespace jaws::cli
