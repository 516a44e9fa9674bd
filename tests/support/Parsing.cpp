#include "Parsing.h"

#include <fmt/format.h>

namespace jaws::test {

const ast::Decl* ParsedSource::decl(std::string_view name) const {
  for (const auto& d : unit().decls) {
    if (d->name.text == name) return d.get();
  }
  return nullptr;
}

std::string ParsedSource::at(Span span) const {
  const LineColumn lc = file().lineColumn(span.begin);
  return fmt::format("{}:{}", lc.line, lc.column);
}

ParsedSource parseSource(std::string text, std::string path) {
  ParsedSource parsed;
  parsed.id = parsed.sources.add(path, path, std::move(text));
  parsed.result = syntax::parse(parsed.sources.file(parsed.id));
  return parsed;
}

std::vector<std::string> codes(const Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics) out.emplace_back(d.id());
  return out;
}

Diagnostics withPrefix(const Diagnostics& diagnostics, std::string_view prefix) {
  Diagnostics out;
  for (const auto& d : diagnostics) {
    if (d.id().starts_with(prefix)) out.push_back(d);
  }
  return out;
}

CompiledProject compileProject(std::vector<std::filesystem::path> inputs, std::optional<std::filesystem::path> root) {
  CompilationOptions options;
  options.inputs = std::move(inputs);
  options.root = std::move(root);
  CompiledProject project;
  project.compilation = std::make_unique<Compilation>(std::move(options));
  project.diagnostics = project.compilation->diagnostics();
  return project;
}

std::string locationOf(const Diagnostic& diagnostic, const SourceManager& sources) {
  const SourceFile* file = diagnostic.span.valid() ? sources.find(diagnostic.span.file) : nullptr;
  if (file == nullptr) return "<no file>";
  const LineColumn lc = file->lineColumn(diagnostic.span.begin);
  return fmt::format("{}:{}:{}", file->path(), lc.line, lc.column);
}

}  // namespace jaws::test
