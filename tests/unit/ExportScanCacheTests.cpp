// stubs/ExportScanCache: what the handler lint found each module to export,
// kept by the language server between checks. A kept scan is used only while
// the module on disk is the one scanned; a rewrite, a replacement and a module
// just modified are scanned again, and a check with the cache reports what a
// check without it reports.
#include <catch2/catch.hpp>

#include <algorithm>

#include "driver/Compilation.h"
#include "stubs/ExportScanCache.h"
#include "support/TempDir.h"

using namespace jaws;
using jaws::stubs::ExportScanCache;
using jaws::stubs::Language;
using jaws::test::TempDir;
namespace fs = std::filesystem;

namespace {

std::set<std::string> names(const stubs::ExportScan& scan) { return scan.names; }

}  // namespace

TEST_CASE("a kept scan is used while the module is unchanged, the module scanned again when it changes", "[stubs][lsp]") {
  TempDir dir;
  const fs::path module = fs::canonical(dir.path()) / "h.mjs";
  dir.write("h.mjs", "export const list = 1;\n");
  ExportScanCache cache(std::chrono::nanoseconds(0));  // keep even what was just written

  CHECK(names(cache.scan(module, Language::Node, 1000)) == std::set<std::string>{"list"});
  CHECK(cache.hits() == 0);
  CHECK(names(cache.scan(module, Language::Node, 1000)) == std::set<std::string>{"list"});
  CHECK(cache.hits() == 1);

  // Rewritten in place (another size): scanned again.
  dir.write("h.mjs", "export const create = 1;\n");
  CHECK(names(cache.scan(module, Language::Node, 1000)) == std::set<std::string>{"create"});
  CHECK(cache.hits() == 1);

  // Replaced by a module of the same size (a new inode, as editors save).
  dir.write("b.tmp", "export const remove = 1;\n");
  fs::rename(fs::canonical(dir.path()) / "b.tmp", module);
  CHECK(names(cache.scan(module, Language::Node, 1000)) == std::set<std::string>{"remove"});
  CHECK(cache.hits() == 1);

  // The same file read as another language is another scan.
  CHECK(cache.scan(module, Language::Python, 1000).names.empty());
  CHECK(cache.hits() == 1);
  CHECK(cache.size() == 2);

  // A module that cannot be read says nothing about its exports, and is not kept.
  fs::remove(module);
  CHECK(cache.scan(module, Language::Node, 1000).open);
  dir.write("h.mjs", std::string(2000, ' '));
  CHECK(cache.scan(module, Language::Node, 1000).open);
  CHECK(cache.size() == 1);  // the Python scan, of the file before
}

TEST_CASE("a module modified less than the settling time ago is scanned again", "[stubs][lsp]") {
  TempDir dir;
  const fs::path module = fs::canonical(dir.path()) / "h.py";
  dir.write("h.py", "def run(event, context):\n    return 1\n");
  ExportScanCache cache(std::chrono::hours(1));
  CHECK(names(cache.scan(module, Language::Python, 1000)) == std::set<std::string>{"run"});
  CHECK(names(cache.scan(module, Language::Python, 1000)) == std::set<std::string>{"run"});
  CHECK(cache.hits() == 0);
  CHECK(cache.size() == 0);
}

TEST_CASE("retainScanned forgets the modules the last check did not scan", "[stubs][lsp]") {
  TempDir dir;
  const fs::path root = fs::canonical(dir.path());
  dir.write("a.mjs", "export const a = 1;\n");
  dir.write("b.mjs", "export const b = 1;\n");
  ExportScanCache cache(std::chrono::nanoseconds(0));
  cache.scan(root / "a.mjs", Language::Node, 100);
  cache.scan(root / "b.mjs", Language::Node, 100);
  cache.retainScanned();
  CHECK(cache.size() == 2);
  cache.scan(root / "b.mjs", Language::Node, 100);
  cache.retainScanned();
  CHECK(cache.size() == 1);
  cache.scan(root / "b.mjs", Language::Node, 100);
  CHECK(cache.hits() == 2);
}

TEST_CASE("checks sharing kept scans report what checks without them report, module edits included", "[stubs][lsp]") {
  TempDir dir;
  dir.write("app/main.jaws",
            "project p { runtime = \"nodejs22.x\" }\n"
            "stage dev { }\n"
            "function list { handler = \"src/todos.list\"  schedule = \"rate(1 day)\" }\n"
            "function create { handler = \"src/todos.create\"  schedule = \"rate(1 day)\" }\n"
            "function run { handler = \"src/jobs.run\"  runtime = \"python3.13\"  schedule = \"rate(1 day)\" }\n");
  dir.write("app/src/jobs.py", "def run(event, context):\n    return 1\n");
  auto scans = std::make_shared<ExportScanCache>(std::chrono::nanoseconds(0));
  auto missingExports = [&](bool kept) {
    CompilationOptions options;
    options.inputs.push_back(dir.path() / "app");
    if (kept) options.handlerScans = scans;
    Compilation compilation(std::move(options));
    std::vector<std::string> out;
    for (const auto& d : compilation.diagnostics()) {
      if (d.id() == "JW5006") out.push_back(d.message);
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  auto both = [&] {
    const auto kept = missingExports(true);
    CHECK(kept == missingExports(false));
    return kept.size();
  };

  dir.write("app/src/todos.mjs", "export const list = 1;\nexport const create = 2;\n");
  CHECK(both() == 0);
  const std::size_t firstHits = scans->hits();
  CHECK(both() == 0);
  CHECK(scans->hits() == firstHits + 2);  // both modules, unchanged, not read again

  dir.write("app/src/todos.mjs", "export const list = 1;\n");
  CHECK(both() == 1);
  dir.write("app/src/jobs.py", "def other(event, context):\n    return 1\n");
  CHECK(both() == 2);
  dir.write("app/src/todos.mjs", "export const list = 1;\nexport const create = 2;\n");
  CHECK(both() == 1);
  CHECK(scans->size() == 2);
}
