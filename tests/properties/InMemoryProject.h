#pragma once
// One text compiled as the only file of a project, without touching the disk:
// the project lives in a folder that does not exist, so imports and handler
// modules are never found and nothing outside is read. The standard library
// is parsed once per process and shared. For the formatter's properties and
// the fuzz targets (free of Catch2, whose main the fuzzers must not get).
#include <memory>
#include <string>

#include "driver/Compilation.h"

namespace jaws::test {

std::unique_ptr<Compilation> compileText(const std::string& text);

}  // namespace jaws::test
