#include "properties/InMemoryProject.h"

namespace jaws::test {

std::unique_ptr<Compilation> compileText(const std::string& text) {
  static const std::filesystem::path folder = "/jaws-in-memory-project";
  static const std::shared_ptr<ParseCache> stdlibCache = std::make_shared<ParseCache>();
  CompilationOptions options;
  const std::filesystem::path file = folder / "main.jaws";
  options.inputs.push_back(file);
  options.root = folder;
  options.overlays[file] = text;
  options.parseCache = stdlibCache;
  return std::make_unique<Compilation>(std::move(options));
}

}  // namespace jaws::test
