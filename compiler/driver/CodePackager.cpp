#include "driver/CodePackager.h"

#include "diag/Builders.h"
#include "driver/PackageContents.h"
#include "driver/ZipArchive.h"
#include "emit/StableHash.h"

namespace jaws {

namespace fs = std::filesystem;

std::optional<CodePackage> packageSource(const fs::path& projectDir, const std::string& source, Span at,
                                         Diagnostics& out) {
  std::optional<std::vector<PackagedFile>> entries = collectPackageContents(projectDir, source, at, out);
  if (!entries) return std::nullopt;
  CodePackage package;
  std::string whyNot;
  if (!writeZip(*entries, package.bytes, whyNot)) {
    out.push_back(diag::CannotWrite(at, "the code package of " + source, whyNot));
    return std::nullopt;
  }
  package.source = source;
  package.files = entries->size();
  package.key = emit::stableHashHex(package.bytes, 16) + ".zip";
  return package;
}

}  // namespace jaws
