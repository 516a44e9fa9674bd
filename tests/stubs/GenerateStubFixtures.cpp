// jaws_stub_fixtures OUTDIR: writes the stubs of the hand-built fixture
// stacks (StubFixtures.h) into OUTDIR/<project>/ with the real planner and
// writer, and prints {"projects": [{"dir", "report"}]} on stdout, the report
// being what `jaws stubs --format json` prints. The runtime tests
// (run_stub_runtime_tests.py) drive it.
#include <filesystem>
#include <iostream>

#include "stubs/StubReport.h"
#include "stubs/StubWriter.h"
#include "stubs/StubFixtures.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: jaws_stub_fixtures OUTDIR\n";
    return 2;
  }
  namespace fs = std::filesystem;
  using namespace jaws;
  nlohmann::json projects = nlohmann::json::array();
  for (model::Stack stack : {stubs::fixtures::todoStack(), stubs::fixtures::shopStack(), stubs::fixtures::httpStack(),
                             stubs::fixtures::httpPythonStack(), stubs::fixtures::eventsStack()}) {
    const fs::path dir = fs::absolute(argv[1]) / stack.project.name;
    stack.projectDir = dir.string();
    const std::vector<model::Stack> stacks{stack};
    const stubs::StubPlan plan = stubs::planStubs(stacks, dir);
    const stubs::StubWriteResult result = stubs::writeStubs(plan, dir);
    for (const auto& error : result.errors) std::cerr << error.path << ": " << error.reason << "\n";
    if (!result.errors.empty()) return 1;
    projects.push_back({{"dir", dir.string()}, {"report", stubs::stubReport(plan, stacks)}});
  }
  std::cout << nlohmann::json{{"projects", projects}}.dump(2) << "\n";
  return 0;
}
