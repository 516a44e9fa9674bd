#pragma once
// Lookups shared by the unit tests of the stub generators: the module a
// layout groups under a path, and whether generated text holds a part.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

#include "stubs/StubLayout.h"

namespace jaws::stubs::fixtures {

inline const ModuleGroup& moduleAt(const StubLayout& layout, const std::string& path) {
  for (const ModuleGroup& group : layout.modules) {
    if (group.path() == path) return group;
  }
  FAIL("no module " << path);
  throw std::logic_error("unreachable");
}

inline bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace jaws::stubs::fixtures
