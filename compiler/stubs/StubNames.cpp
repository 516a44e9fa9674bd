#include "stubs/StubNames.h"

#include <array>
#include <cctype>
#include <nlohmann/json.hpp>

namespace jaws::stubs {

namespace {

bool isAsciiAlpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool isAsciiDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool isAsciiUpper(char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; }
bool isAsciiLower(char c) { return std::islower(static_cast<unsigned char>(c)) != 0; }
char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }
char upper(char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); }

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& words, std::string_view name) {
  for (std::string_view word : words) {
    if (word == name) return true;
  }
  return false;
}

// Reserved in strict-mode code (ES modules are strict), plus the names a
// strict binding may not take.
constexpr std::array<std::string_view, 48> kJsReserved = {
    "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete",
    "do", "else", "enum", "export", "extends", "false", "finally", "for", "function", "if",
    "import", "in", "instanceof", "new", "null", "return", "super", "switch", "this", "throw",
    "true", "try", "typeof", "var", "void", "while", "with", "yield", "let", "static",
    "implements", "interface", "package", "private", "protected", "public", "arguments", "eval"};

constexpr std::array<std::string_view, 35> kPythonKeywords = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
    "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
    "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield"};

// TypeScript's predefined type names, which no declaration may take.
constexpr std::array<std::string_view, 13> kTsPredefined = {
    "any", "unknown", "number", "string", "boolean", "symbol", "never", "object", "void", "undefined",
    "null", "bigint", "type"};

// What jaws_models.py binds besides the user's types: the typing names it
// imports and the builtins its annotations use.
constexpr std::array<std::string_view, 14> kPythonModelNames = {
    "Any", "Dict", "List", "Literal", "NotRequired", "Optional", "TypedDict", "Union",
    "str", "int", "float", "bool", "dict", "list"};

constexpr std::array<std::string_view, 69> kPythonBuiltins = {
    "abs", "aiter", "all", "anext", "any", "ascii", "bin", "bool", "breakpoint", "bytearray", "bytes",
    "callable", "chr", "classmethod", "compile", "complex", "delattr", "dict", "dir", "divmod", "enumerate",
    "eval", "exec", "filter", "float", "format", "frozenset", "getattr", "globals", "hasattr", "hash", "help",
    "hex", "id", "input", "int", "isinstance", "issubclass", "iter", "len", "list", "locals", "map", "max",
    "memoryview", "min", "next", "object", "oct", "open", "ord", "pow", "print", "property", "range", "repr",
    "reversed", "round", "set", "setattr", "slice", "sorted", "staticmethod", "str", "sum", "super", "tuple",
    "type", "vars"};

// Splits at every character that is not an ASCII letter or digit, and
// before each new capitalized word ("listTodos" -> list, Todos;
// "HTTPServer" -> HTTP, Server).
std::vector<std::string> words(std::string_view name) {
  std::vector<std::string> out;
  std::string current;
  auto flush = [&] {
    if (!current.empty()) out.push_back(std::move(current));
    current.clear();
  };
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (!isAsciiAlpha(c) && !isAsciiDigit(c)) {
      flush();
      continue;
    }
    if (isAsciiUpper(c) && !current.empty()) {
      const char prev = current.back();
      const bool nextLower = i + 1 < name.size() && isAsciiLower(name[i + 1]);
      if (isAsciiLower(prev) || isAsciiDigit(prev) || (isAsciiUpper(prev) && nextLower)) flush();
    }
    current += c;
  }
  flush();
  return out;
}

std::string lowered(std::string word) {
  for (char& c : word) c = lower(c);
  return word;
}

std::string capitalized(std::string word) {
  word = lowered(std::move(word));
  if (!word.empty()) word[0] = upper(word[0]);
  return word;
}

std::string guardStart(std::string name) {
  if (name.empty() || isAsciiDigit(name[0])) name.insert(name.begin(), '_');
  return name;
}

bool isAsciiIdentifier(std::string_view name, bool allowDollar) {
  if (name.empty()) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool ok = isAsciiAlpha(c) || c == '_' || (allowDollar && c == '$') || (i > 0 && isAsciiDigit(c));
    if (!ok) return false;
  }
  return true;
}

}  // namespace

bool isJsIdentifier(std::string_view name) { return isAsciiIdentifier(name, true) && !contains(kJsReserved, name); }

bool isPythonIdentifier(std::string_view name) {
  return isAsciiIdentifier(name, false) && !contains(kPythonKeywords, name);
}

bool isTypeScriptReservedTypeName(std::string_view name) {
  return contains(kTsPredefined, name) || contains(kJsReserved, name);
}

bool isPythonReservedTypeName(std::string_view name) {
  return contains(kPythonModelNames, name) || contains(kPythonKeywords, name);
}

bool isPythonBuiltin(std::string_view name) { return contains(kPythonBuiltins, name); }

std::string camelCase(std::string_view name) {
  std::string out;
  for (const std::string& word : words(name)) {
    out += out.empty() ? lowered(word) : capitalized(word);
  }
  return guardStart(std::move(out));
}

std::string snakeCase(std::string_view name) {
  std::string out;
  for (const std::string& word : words(name)) {
    if (!out.empty()) out += '_';
    out += lowered(word);
  }
  return guardStart(std::move(out));
}

std::string typeCase(std::string_view name) {
  std::string out;
  for (const std::string& word : words(name)) {
    // Keep the case inside a word ("TodoID" stays readable), capitalize its start.
    std::string w = word;
    w[0] = upper(w[0]);
    out += w;
  }
  return guardStart(std::move(out));
}

std::string quote(std::string_view text) {
  // Replace invalid UTF-8 rather than throw: the model's strings come from
  // validated sources, but a generator must not fail on odd input.
  return nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<std::string> commentLines(std::string_view text) {
  std::vector<std::string> lines;
  std::string line;
  auto flush = [&] {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.pop_back();
    lines.push_back(line);
    line.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      flush();
    } else if (c == '/' && !line.empty() && line.back() == '*') {
      line += "\\/";  // never close a block comment early
    } else {
      line += c;
    }
  }
  flush();
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  while (!lines.empty() && lines.front().empty()) lines.erase(lines.begin());
  return lines;
}

std::string docstringText(std::string_view text) {
  std::string out;
  for (const std::string& line : commentLines(text)) {
    if (!out.empty()) out += '\n';
    for (char c : line) {
      if (c == '\\') {
        out += "\\\\";
      } else if (c == '"') {
        out += "\\\"";
      } else {
        out += c;
      }
    }
  }
  return out;
}

std::string UniqueNames::claim(const std::string& base, std::string_view suffix) {
  std::string name = base;
  if (taken(name)) name = base + std::string(suffix);
  for (int n = 2; taken(name); ++n) name = base + std::string(suffix) + std::to_string(n);
  taken_.insert(name);
  return name;
}

}  // namespace jaws::stubs
