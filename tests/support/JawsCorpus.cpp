#include "support/JawsCorpus.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace jaws::test {

namespace fs = std::filesystem;

std::vector<std::string> repositoryJawsTexts() {
  std::vector<std::string> texts;
  for (const char* root : {"examples", "stdlib", "tests", "bench"}) {
    if (!fs::exists(root)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      if (!entry.is_regular_file() || entry.file_size() > 200'000) continue;
      const auto path = entry.path();
      const bool fuzzInput = path.string().find("fuzz/corpus/jaws") != std::string::npos;
      if (path.extension() != ".jaws" && !fuzzInput) continue;
      std::ifstream in(path, std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      texts.push_back(text.str());
    }
  }
  return texts;
}

}  // namespace jaws::test
