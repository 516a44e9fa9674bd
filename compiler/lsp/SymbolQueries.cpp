#include "lsp/SymbolQueries.h"

namespace jaws::lsp {

const sema::Reference* referenceAt(const sema::Program& program, FileId file, std::uint32_t offset) {
  const sema::Reference* best = nullptr;
  for (const auto& ref : program.references()) {
    if (ref.span.file != file || !ref.span.contains(offset)) continue;
    // Adjacent names (`a.b` never makes two, but be safe): the narrowest wins.
    if (!best || ref.span.size() < best->span.size()) best = &ref;
  }
  return best;
}

std::vector<const sema::Reference*> referencesTo(const sema::Program& program, const sema::Symbol* symbol) {
  std::vector<const sema::Reference*> out;
  for (const auto& ref : program.references()) {
    if (ref.symbol == symbol) out.push_back(&ref);
  }
  return out;
}

Json locationJson(const Session& session, const Compilation& compilation, Span span) {
  const SourceManager& sources = compilation.sources();
  return Json{{"uri", session.uriOf(sources.key(span.file))}, {"range", rangeJson(sources.file(span.file), span)}};
}

}  // namespace jaws::lsp
