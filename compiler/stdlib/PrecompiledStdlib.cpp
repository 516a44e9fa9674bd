#include "stdlib/PrecompiledStdlib.h"

#include <vector>

#include "stdlib/EmbeddedStdlib.h"
#include "stdlib/StdlibBundle.h"
#include "syntax/AstBinary.h"

namespace jaws {

namespace {

// The bundle's entries when they match the embedded texts one for one, by
// name, size and hash; empty otherwise. Checked once per process.
const std::vector<StdlibBundleEntry>& matchingEntries() {
  static const std::vector<StdlibBundleEntry> entries = [] {
    auto decoded = decodeStdlibBundle(embeddedStdlibBundle());
    const auto texts = embeddedStdlib();
    if (!decoded || decoded->size() != texts.size()) return std::vector<StdlibBundleEntry>();
    for (std::size_t i = 0; i < texts.size(); ++i) {
      const StdlibBundleEntry& entry = (*decoded)[i];
      if (entry.name != texts[i].name || entry.textSize != texts[i].text.size() ||
          entry.textHash != stdlibTextHash(texts[i].text)) {
        return std::vector<StdlibBundleEntry>();
      }
    }
    return std::move(*decoded);
  }();
  return entries;
}

}  // namespace

std::unique_ptr<ast::SourceUnit> precompiledStdlibTree(std::size_t index, FileId file) {
  const auto& entries = matchingEntries();
  if (index >= entries.size()) return nullptr;
  return ast::readBinary(entries[index].tree, file);
}

}  // namespace jaws
