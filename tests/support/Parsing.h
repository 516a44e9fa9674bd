#pragma once
// In-process helpers for unit tests: parse one text, compile a project on
// disk, and pick diagnostics apart.
#include <filesystem>
#include <string>
#include <vector>

#include "diag/Diagnostic.h"
#include "driver/Compilation.h"
#include "source/SourceManager.h"
#include "syntax/Ast.h"
#include "syntax/Parser.h"

namespace jaws::test {

// One text parsed as the file `path`, with its syntax diagnostics.
struct ParsedSource {
  SourceManager sources;
  FileId id = kNoFile;
  syntax::ParseResult result;

  const SourceFile& file() const { return sources.file(id); }
  const ast::SourceUnit& unit() const { return *result.unit; }
  const Diagnostics& diagnostics() const { return result.diagnostics; }
  // The declaration called `name`, or null.
  const ast::Decl* decl(std::string_view name) const;
  // The text a span covers.
  std::string_view text(Span span) const { return file().slice(span); }
  // `line:column` of a span's start (1-based, code points).
  std::string at(Span span) const;
};

ParsedSource parseSource(std::string text, std::string path = "test.jaws");

// The codes of a list of diagnostics, in order ("JW1004", ...).
std::vector<std::string> codes(const Diagnostics& diagnostics);

// Only the diagnostics whose code starts with `prefix` ("JW1", "JW20").
Diagnostics withPrefix(const Diagnostics& diagnostics, std::string_view prefix);

// Loads and parses the project made of `inputs`; root as `jaws check` picks it
// unless given.
struct CompiledProject {
  std::unique_ptr<Compilation> compilation;
  Diagnostics diagnostics;
};
CompiledProject compileProject(std::vector<std::filesystem::path> inputs,
                               std::optional<std::filesystem::path> root = std::nullopt);

// `file:line:col` of a diagnostic's start, the path as the compiler shows it.
std::string locationOf(const Diagnostic& diagnostic, const SourceManager& sources);

}  // namespace jaws::test
