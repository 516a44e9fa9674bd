#pragma once
// The diagnostic for a file that was refused or could not be read
// (source/FileAccess.h): JW9008 when it leads outside its boundary, JW9007
// when it is not a regular file, JW9001 otherwise. It names the path and
// where it leads, never anything of the contents. A file over its limit has
// a diagnostic of its own in each place (JW9004, JW9014, JW9015).
#include <filesystem>
#include <string>

#include "diag/Diagnostic.h"
#include "source/FileAccess.h"

namespace jaws {

Diagnostic readFailure(Span at, const std::string& shown, const FileRead& read, const std::filesystem::path& boundary);

}  // namespace jaws
