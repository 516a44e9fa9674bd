// Formatting and writing the imported project.
#include "import/ProjectWriter.h"

#include "diag/Builders.h"
#include "fmt/Formatter.h"
#include "source/FileAccess.h"
#include "source/SourceManager.h"

namespace jaws::importer {

ImportedProject formatProject(const ImportedProject& project, Diagnostics& diagnostics) {
  ImportedProject out;
  for (const auto& [name, text] : project.files) {
    SourceManager sources;
    const FileId id = sources.add(name, name, text);
    formatter::FormatResult result = formatter::formatFile(sources.file(id));
    if (result.text) {
      out.files[name] = *result.text;
    } else {
      diagnostics.push_back(diag::ImportSettingUnsupported(Span{}, name, "the importer wrote text that does not parse (a bug in jaws import)"));
    }
  }
  return out;
}

bool writeProject(const ImportedProject& project, const std::filesystem::path& folder, Diagnostics& diagnostics) {
  std::error_code error;
  for (const auto& [name, text] : project.files) {
    if (std::filesystem::exists(folder / name, error)) {
      diagnostics.push_back(diag::ImportOutputExists(Span{}, (folder / name).generic_string(), "the file exists"));
      return false;
    }
  }
  std::filesystem::create_directories(folder, error);
  if (error) {
    diagnostics.push_back(diag::CannotWrite(Span{}, folder.generic_string(), error.message()));
    return false;
  }
  for (const auto& [name, text] : project.files) {
    const std::filesystem::path target = folder / name;
    const std::filesystem::path temporary = writeTemporaryBeside(target, text, "import", error);
    if (!error) std::filesystem::rename(temporary, target, error);
    if (error) {
      diagnostics.push_back(diag::CannotWrite(Span{}, target.generic_string(), error.message()));
      return false;
    }
  }
  return true;
}

}  // namespace jaws::importer
