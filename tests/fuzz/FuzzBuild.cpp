// Fuzz target: the whole build path. A file that checks without errors is
// built as `jaws build` builds it, into memory: code packages (the project
// folder does not exist, so none), templates (JSON, or YAML for odd-sized
// inputs), Swagger and OpenAPI documents and the manifest. Every JSON artifact
// must parse back.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "driver/BuildArtifacts.h"
#include "properties/InMemoryProject.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  auto compilation = jaws::test::compileText(text);
  if (jaws::hasErrors(compilation->diagnostics())) return 0;
  jaws::BuildOptions options{size % 2 == 1};  // templates as JSON or YAML
  const jaws::BuildResult build = jaws::assembleBuild(*compilation, options);
  for (const jaws::Artifact& artifact : build.artifacts) {
    if (!artifact.path.ends_with(".json")) continue;
    if (!nlohmann::json::accept(artifact.bytes)) {
      std::fprintf(stderr, "artifact %s is not valid JSON:\n%s\n", artifact.path.c_str(), artifact.bytes.c_str());
      std::abort();
    }
  }
  return 0;
}
