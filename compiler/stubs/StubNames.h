#pragma once
// Identifier and literal helpers for the code `jaws stubs` writes (JavaScript,
// TypeScript declarations, Python): which names are usable as they are, how
// to turn a declaration name into a function name, and how to spell strings
// and comments so that any text from the model stays inert.
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace jaws::stubs {

// `[A-Za-z_$][A-Za-z0-9_$]*` and not a reserved word of strict-mode modules.
bool isJsIdentifier(std::string_view name);
// `[A-Za-z_][A-Za-z0-9_]*` and not a Python keyword (soft keywords are fine).
bool isPythonIdentifier(std::string_view name);
// Names a TypeScript declaration may not take (`string`, `object`, ...) or
// that the generated models use themselves.
bool isTypeScriptReservedTypeName(std::string_view name);
// Names that the generated Python models import from `typing`.
bool isPythonReservedTypeName(std::string_view name);
// A builtin function or type of Python 3 (`list`, `print`, `id`, ...).
bool isPythonBuiltin(std::string_view name);

// `list-todos`, `list_todos`, `ListTodos` -> `listTodos`. Never empty and
// never starts with a digit (`_` is prepended).
std::string camelCase(std::string_view name);
// `listTodos`, `ListTODOs`, `list-todos` -> `list_todos`, same guarantees.
std::string snakeCase(std::string_view name);
// `listTodos` -> `ListTodos`, same guarantees.
std::string typeCase(std::string_view name);

// A double-quoted string literal valid in JavaScript, TypeScript, JSON and
// Python (JSON escapes; the text is UTF-8).
std::string quote(std::string_view text);
// Text safe inside a `/** ... */` or `#` comment, one entry per line.
std::vector<std::string> commentLines(std::string_view text);
// Text safe inside a Python `"""` docstring.
std::string docstringText(std::string_view text);

// Hands out names that are unique within one generated file or one family of
// generated files: the first claim of `base` gets it, later ones a suffix.
class UniqueNames {
 public:
  void reserve(const std::string& name) { taken_.insert(name); }
  bool taken(const std::string& name) const { return taken_.count(name) != 0; }
  // `base`, else `base + suffix`, else `base + suffix + 2`, ...
  std::string claim(const std::string& base, std::string_view suffix = "");

 private:
  std::set<std::string> taken_;
};

}  // namespace jaws::stubs
