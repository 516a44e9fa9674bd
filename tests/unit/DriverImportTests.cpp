// The driver: a project's files, imports (files, folders, twice, cycles,
// outside the root, missing), overlays. Every test builds its files in a
// temporary folder.
#include <catch2/catch.hpp>

#include <algorithm>

#include "support/Parsing.h"
#include "support/TempDir.h"

using namespace jaws;
using jaws::test::codes;
using jaws::test::compileProject;
using jaws::test::TempDir;
using jaws::test::withPrefix;

namespace {

// Import and file diagnostics only: the semantic checks have their own tests.
Diagnostics loading(const Diagnostics& all) {
  Diagnostics out = withPrefix(all, "JW20");
  for (const auto& d : withPrefix(all, "JW9")) out.push_back(d);
  for (const auto& d : withPrefix(all, "JW1")) out.push_back(d);
  return out;
}

std::vector<std::string> fileNames(Compilation& compilation) {
  std::vector<std::string> names;
  for (FileId id : compilation.userFiles()) {
    names.push_back(std::filesystem::path(compilation.sources().key(id)).filename().string());
  }
  return names;
}

const Diagnostic& only(const Diagnostics& diagnostics, std::string_view code) {
  const auto it = std::find_if(diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& d) { return d.id() == code; });
  REQUIRE(it != diagnostics.end());
  CHECK(std::count_if(diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& d) { return d.id() == code; }) == 1);
  return *it;
}

}  // namespace

TEST_CASE("a folder is every .jaws file directly in it, in name order", "[driver]") {
  TempDir dir;
  dir.write("app/b.jaws", "let b = 1\n");
  dir.write("app/a.jaws", "let a = 1\n");
  dir.write("app/notes.txt", "not jaws\n");
  dir.write("app/sub/c.jaws", "let c = 1\n");
  auto project = compileProject({dir.path() / "app"});
  CHECK(loading(project.diagnostics).empty());
  CHECK(fileNames(*project.compilation) == std::vector<std::string>{"a.jaws", "b.jaws"});
  CHECK_FALSE(project.compilation->stdlibFiles().empty());
  for (FileId id : project.compilation->userFiles()) CHECK(project.compilation->syntaxTree(id) != nullptr);
}

TEST_CASE("imports of a relative file and of a folder", "[driver]") {
  TempDir dir;
  dir.write("ws/app/main.jaws", "import \"../shared/auth.jaws\"\nimport \"../models\"\nlet m = 1\n");
  dir.write("ws/shared/auth.jaws", "let auth = 1\n");
  dir.write("ws/models/todo.jaws", "type Todo { id: string }\n");
  dir.write("ws/models/error.jaws", "type Error { message: string }\n");
  auto project = compileProject({dir.path() / "ws/app"});
  CHECK(loading(project.diagnostics).empty());
  CHECK(fileNames(*project.compilation) ==
        std::vector<std::string>{"main.jaws", "auth.jaws", "error.jaws", "todo.jaws"});
}

TEST_CASE("a file imported twice is read and parsed once", "[driver]") {
  TempDir dir;
  dir.write("ws/app/a.jaws", "import \"../lib/common.jaws\"\n");
  dir.write("ws/app/b.jaws", "import \"./../lib/./common.jaws\"\nimport \"../lib\"\n");
  dir.write("ws/lib/common.jaws", "let common = 1\n");
  auto project = compileProject({dir.path() / "ws/app"});
  CHECK(loading(project.diagnostics).empty());
  CHECK(fileNames(*project.compilation) == std::vector<std::string>{"a.jaws", "b.jaws", "common.jaws"});
  // The stdlib's trees were parsed at build time: only the project's files are parsed.
  CHECK(project.compilation->times().filesParsed == 3);
}

TEST_CASE("an import cycle is one error that names the cycle", "[driver]") {
  TempDir dir;
  dir.write("ws/app/main.jaws", "import \"../lib/a.jaws\"\n");
  dir.write("ws/lib/a.jaws", "import \"./b.jaws\"\n");
  dir.write("ws/lib/b.jaws", "\nimport \"./c.jaws\"\n");
  dir.write("ws/lib/c.jaws", "import \"./a.jaws\"\n");
  auto project = compileProject({dir.path() / "ws/app"});
  const Diagnostics found = loading(project.diagnostics);
  REQUIRE(codes(found) == std::vector<std::string>{"JW2001"});
  const Diagnostic& cycle = found[0];
  const std::string a = (dir.path() / "ws/lib/a.jaws").generic_string();
  const std::string b = (dir.path() / "ws/lib/b.jaws").generic_string();
  const std::string c = (dir.path() / "ws/lib/c.jaws").generic_string();
  CHECK(cycle.message == "import cycle: " + a + " -> " + b + " -> " + c + " -> " + a);
  // Reported at the import that closes the cycle, in c.jaws.
  const SourceFile& file = project.compilation->sources().file(cycle.span.file);
  CHECK(file.path() == c);
  CHECK(file.slice(cycle.span) == "\"./a.jaws\"");
}

TEST_CASE("imports that leave the workspace root are refused", "[driver]") {
  TempDir dir;
  dir.write("ws/app/main.jaws", "import \"../../outside.jaws\"\nimport \"/etc/passwd.jaws\"\n");
  dir.write("outside.jaws", "let o = 1\n");
  auto project = compileProject({dir.path() / "ws/app"});
  const Diagnostics found = loading(project.diagnostics);
  REQUIRE(codes(found) == std::vector<std::string>{"JW2002", "JW2002"});
  CHECK(found[0].message ==
        "import \"../../outside.jaws\" leaves the workspace root " + (dir.path() / "ws").generic_string());
  CHECK(fileNames(*project.compilation) == std::vector<std::string>{"main.jaws"});

  SECTION("an explicit root narrows it") {
    dir.write("ws/shared.jaws", "let s = 1\n");
    dir.write("ws/app/main.jaws", "import \"../shared.jaws\"\n");
    CHECK(loading(compileProject({dir.path() / "ws/app"}).diagnostics).empty());
    auto narrowed = compileProject({dir.path() / "ws/app"}, dir.path() / "ws/app");
    CHECK(codes(loading(narrowed.diagnostics)) == std::vector<std::string>{"JW2002"});
  }
}

TEST_CASE("missing imports, non-.jaws imports and empty folders", "[driver]") {
  TempDir dir;
  dir.write("ws/app/main.jaws",
            "import \"./missing.jaws\"\nimport \"./data.json\"\nimport \"./empty\"\nimport \"${x}.jaws\"\n");
  dir.write("ws/app/data.json", "{}\n");
  dir.write("ws/app/empty/readme.md", "nothing\n");
  auto project = compileProject({dir.path() / "ws/app/main.jaws"});
  const Diagnostics found = loading(project.diagnostics);
  CHECK(codes(found) == std::vector<std::string>{"JW2003", "JW2004", "JW2005", "JW1020"});
  CHECK(only(found, "JW2003").message == "cannot find \"./missing.jaws\"");
  CHECK(only(found, "JW2004").message == "\"./data.json\" is not a .jaws file");
  CHECK(only(found, "JW2005").message == "the folder \"./empty\" holds no .jaws file");
}

TEST_CASE("inputs that cannot be read", "[driver]") {
  TempDir dir;
  dir.mkdir("nothing");
  dir.write("nothing/readme.md", "no sources\n");
  SECTION("a missing file") {
    auto project = compileProject({dir.path() / "nope.jaws"});
    const Diagnostic& d = only(project.diagnostics, "JW9001");
    CHECK(d.message.find("nope.jaws") != std::string::npos);
    CHECK(d.message.ends_with(": no such file or folder"));
    CHECK_FALSE(d.span.valid());
  }
  SECTION("a folder without .jaws files") {
    auto project = compileProject({dir.path() / "nothing"});
    CHECK(only(project.diagnostics, "JW9002").message == "no .jaws file in " + (dir.path() / "nothing").generic_string());
  }
  SECTION("invalid UTF-8 stops that file only") {
    dir.write("mixed/a.jaws", "let a = \"\xC0\xAF\"\n");
    dir.write("mixed/b.jaws", "let b = = 1\n");
    auto project = compileProject({dir.path() / "mixed"});
    const Diagnostics found = loading(project.diagnostics);
    CHECK(codes(found) == std::vector<std::string>{"JW9003", "JW1004"});
    CHECK(found[0].message == "invalid UTF-8 (byte 0xC0); the file is not parsed");
  }
}

TEST_CASE("overlays replace files on disk", "[driver]") {
  TempDir dir;
  const auto file = dir.write("app/main.jaws", "let x = = 1\n");
  CompilationOptions options;
  options.inputs.push_back(dir.path() / "app");
  options.overlays[file] = "let x = 1\n";
  Compilation compilation(std::move(options));
  CHECK(withPrefix(compilation.diagnostics(), "JW1").empty());
}
