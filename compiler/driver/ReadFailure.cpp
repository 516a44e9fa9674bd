#include "driver/ReadFailure.h"

#include "diag/Builders.h"
#include "source/Workspace.h"

namespace jaws {

Diagnostic readFailure(Span at, const std::string& shown, const FileRead& read, const std::filesystem::path& boundary) {
  switch (read.status) {
    case FileStatus::Outside: return diag::LeadsOutside(at, shown, read.resolved.generic_string(), displayPath(boundary));
    case FileStatus::NotRegular: return diag::NotARegularFile(at, shown, read.detail);
    default: return diag::CannotRead(at, shown, describeFailure(read));
  }
}

}  // namespace jaws
