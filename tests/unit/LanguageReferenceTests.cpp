// docs/language.md keeps up with the compiler where the page is written by
// hand: every builtin the binder knows is documented there. (Its block
// schema tables are generated and compared by tests/cli/test_docs.py.)
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "support/Parsing.h"
#include "support/TempDir.h"

using namespace jaws;

TEST_CASE("the language reference documents every builtin", "[docs]") {
  std::ifstream in(std::filesystem::path(JAWS_SOURCE_DIR) / "docs/language.md");
  std::stringstream page;
  page << in.rdbuf();
  const std::string text = page.str();
  REQUIRE(text.find("## Expressions and builtins") != std::string::npos);

  test::TempDir dir;
  dir.write("project/main.jaws", "project p { }\nstage dev { }\n");
  test::CompiledProject project = test::compileProject({dir.path() / "project"});
  const sema::Program& program = *project.compilation->analysis().program;
  std::size_t builtins = 0;
  for (const std::string& name : program.userNames()) {
    const sema::Symbol* symbol = program.lookup(name);
    if (symbol == nullptr || symbol->kind != sema::SymbolKind::Builtin) continue;
    ++builtins;
    INFO("builtin " << name);
    CHECK((text.find("| `" + name + "` |") != std::string::npos || text.find("| `" + name + "(") != std::string::npos));
  }
  CHECK(builtins >= 10);
}
