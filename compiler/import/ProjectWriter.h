#pragma once
// Lays the imported project's files out in the canonical layout (the
// formatter's, so `jaws fmt` leaves them as they are) and writes them into
// the output folder, never over an existing file.
#include <filesystem>

#include "diag/Diagnostic.h"
#include "import/ImportedProject.h"

namespace jaws::importer {

// The formatted text of each file; a file the formatter refuses (an importer
// bug: the text does not parse) is reported and left out.
ImportedProject formatProject(const ImportedProject& project, Diagnostics& diagnostics);

// Writes every file or none: refuses (JW6002) when one exists already.
bool writeProject(const ImportedProject& project, const std::filesystem::path& folder, Diagnostics& diagnostics);

}  // namespace jaws::importer
