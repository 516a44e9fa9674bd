#pragma once
// What the build-time tools (stdlib/tool, syntax/tool) share: reading a
// file whole, and writing a generated source file only when its text
// changed, so that an unchanged output recompiles nothing. Header-only: the
// tools link different parts of the compiler.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

namespace jaws::tool {

inline std::string readWholeFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return std::move(text).str();
}

// Writes `text` to `output` unless it holds that text already; 0, or 1 with
// a message on stderr naming `tool`.
inline int writeGeneratedSource(const std::filesystem::path& output, const std::string& text, const char* tool) {
  std::error_code ec;
  if (std::filesystem::exists(output, ec) && readWholeFile(output) == text) return 0;
  std::ofstream out(output, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out.flush()) {
    std::cerr << tool << ": cannot write " << output << "\n";
    return 1;
  }
  return 0;
}

}  // namespace jaws::tool
