#include "driver/CodePackager.h"

#include "diag/Builders.h"
#include "driver/PackageContents.h"
#include "driver/ZipLibrary.h"
#include "emit/StableHash.h"

namespace jaws {

namespace fs = std::filesystem;

std::optional<CodePackage> packageSource(const fs::path& projectDir, const std::string& source, Span at,
                                         Diagnostics& out) {
  std::optional<std::vector<PackagedFile>> entries = collectPackageContents(projectDir, source, at, out);
  if (!entries) return std::nullopt;
  const std::string folder = source;
  auto zipFailure = [&](const std::string& reason) { out.push_back(diag::CannotWrite(at, "the code package of " + folder, reason)); };
  std::string whyNot;
  const ZipLibrary* zip = zipLibrary(whyNot);
  if (zip == nullptr) {
    zipFailure(whyNot);
    return std::nullopt;
  }

  zip_error_t zipError;
  zip->zip_error_init(&zipError);
  zip_source_t* buffer = zip->zip_source_buffer_create(nullptr, 0, 0, &zipError);
  zip_t* archive = buffer ? zip->zip_open_from_source(buffer, ZIP_TRUNCATE, &zipError) : nullptr;
  if (archive == nullptr) {
    if (buffer) zip->zip_source_free(buffer);
    zipFailure(zip->zip_error_strerror(&zipError));
    zip->zip_error_fini(&zipError);
    return std::nullopt;
  }
  zip->zip_source_keep(buffer);
  // The file contents live in `entries` until zip_close writes them.
  bool ok = true;
  for (const PackagedFile& entry : *entries) {
    zip_source_t* file = zip->zip_source_buffer(archive, entry.bytes.data(), entry.bytes.size(), 0);
    const zip_int64_t index = file ? zip->zip_file_add(archive, entry.name.c_str(), file, ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0) {
      if (file) zip->zip_source_free(file);
      zipFailure(zip->zip_strerror(archive));
      ok = false;
      break;
    }
    const auto i = static_cast<zip_uint64_t>(index);
    // DOS date 1980-01-01 00:00: (0 << 9) | (1 << 5) | 1.
    zip->zip_file_set_dostime(archive, i, 0, (1 << 5) | 1, 0);
    const zip_uint32_t mode = entry.executable ? 0100755 : 0100644;
    zip->zip_file_set_external_attributes(archive, i, 0, ZIP_OPSYS_UNIX, mode << 16);
    zip->zip_set_file_compression(archive, i, ZIP_CM_DEFLATE, 9);
  }
  if (ok && zip->zip_close(archive) != 0) {
    zipFailure(zip->zip_strerror(archive));
    ok = false;
  }
  if (!ok) {
    zip->zip_discard(archive);
    zip->zip_source_free(buffer);
    zip->zip_error_fini(&zipError);
    return std::nullopt;
  }
  CodePackage package;
  package.source = source;
  package.files = entries->size();
  zip_stat_t stat;
  if (zip->zip_source_open(buffer) == 0 && zip->zip_source_stat(buffer, &stat) == 0) {
    package.bytes.resize(static_cast<std::size_t>(stat.size));
    const zip_int64_t read = zip->zip_source_read(buffer, package.bytes.data(), stat.size);
    package.bytes.resize(read > 0 ? static_cast<std::size_t>(read) : 0);
    zip->zip_source_close(buffer);
  }
  zip->zip_source_free(buffer);
  zip->zip_error_fini(&zipError);
  package.key = emit::stableHashHex(package.bytes, 16) + ".zip";
  return package;
}

}  // namespace jaws
