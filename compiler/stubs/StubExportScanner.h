#pragma once
// Which names an existing handler module exports, read from its text without
// running it, so `jaws stubs` can report a module that lacks a handler
// (never change it). A heuristic: it understands the usual ways to export in
// ES modules, CommonJS and Python, and says `open` when the module exports
// names it cannot see (`export * from`, `from x import *`, a computed
// `module.exports`), in which case nothing is reported.
#include <set>
#include <string>
#include <string_view>

namespace jaws::stubs {

struct ExportScan {
  std::set<std::string> names;
  bool open = false;

  bool exports(const std::string& name) const { return open || names.count(name) != 0; }
};

// ES modules and CommonJS (.mjs, .js, .cjs, and TypeScript sources).
ExportScan scanNodeExports(std::string_view source);
// Module-level definitions, assignments and imports of a Python module.
ExportScan scanPythonExports(std::string_view source);

}  // namespace jaws::stubs
