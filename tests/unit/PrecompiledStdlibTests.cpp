// The standard library parsed at build time (compiler/stdlib/): the trees
// `jaws` reads are the trees the parser builds, field for field, and the
// tree encoding refuses bytes it did not write instead of crashing.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/AstEquality.h"
#include "support/Parsing.h"
#include "support/TempDir.h"
#include "stdlib/EmbeddedStdlib.h"
#include "stdlib/PrecompiledStdlib.h"
#include "stdlib/StdlibBundle.h"
#include "syntax/AstBinary.h"
#include "syntax/AstDump.h"

using namespace jaws;

namespace {

std::string readText(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return std::move(text).str();
}

// Every .jaws file of the examples and the syntax and diagnostic tests:
// every node kind, broken files (error nodes, missing names) included.
std::vector<std::filesystem::path> sampleFiles() {
  std::vector<std::filesystem::path> files;
  for (const char* folder : {"examples", "tests/baselines", "tests/diagnostics", "tests/invalid"}) {
    const auto root = std::filesystem::path(JAWS_SOURCE_DIR) / folder;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
      if (entry.is_regular_file() && entry.path().extension() == ".jaws") files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string encode(const ast::SourceUnit& unit) {
  std::string bytes;
  REQUIRE(ast::writeBinary(unit, bytes));
  return bytes;
}

}  // namespace

TEST_CASE("every precompiled stdlib tree is the tree the parser builds", "[stdlib][precompiled]") {
  const auto files = embeddedStdlib();
  REQUIRE(files.size() >= 8);
  for (std::size_t i = 0; i < files.size(); ++i) {
    INFO(files[i].name);
    // Not FileId 0: the tree must take the id it is given, as in a compilation
    // where the project's files come first.
    SourceManager sources;
    sources.add("a.jaws", "a.jaws", "");
    sources.add("b.jaws", "b.jaws", "");
    const std::string path = "<stdlib>/" + std::string(files[i].name);
    const FileId id = sources.add(path, path, std::string(files[i].text));
    const syntax::ParseResult parsed = syntax::parse(sources.file(id));
    REQUIRE(parsed.diagnostics.empty());
    const auto precompiled = precompiledStdlibTree(i, id);
    REQUIRE(precompiled != nullptr);
    CHECK(ast::dump(*precompiled, sources.file(id)) == ast::dump(*parsed.unit, sources.file(id)));
    CHECK(test::firstAstDifference(*precompiled, *parsed.unit) == "");
  }
  CHECK(precompiledStdlibTree(files.size(), 0) == nullptr);
}

TEST_CASE("a compilation reads the embedded stdlib's trees and parses only the project", "[stdlib][precompiled]") {
  test::TempDir dir;
  dir.write("p/main.jaws", "let x = 1\n");
  CompilationOptions options;
  options.inputs.push_back(dir.path() / "p");
  Compilation compilation(std::move(options));
  REQUIRE(compilation.userFiles().size() == 1);
  CHECK(compilation.times().filesParsed == 1);
  const FileId first = compilation.stdlibFiles().front();
  REQUIRE(compilation.syntaxTree(first) != nullptr);
  CHECK(compilation.syntaxTree(first)->file == first);
  CHECK(compilation.syntaxTree(first)->decls.front()->span.file == first);
}

TEST_CASE("syntax trees read back from their encoding field for field", "[stdlib][precompiled]") {
  const auto files = sampleFiles();
  REQUIRE(files.size() > 100);
  for (const auto& path : files) {
    INFO(path.generic_string());
    SourceManager sources;
    sources.add("first.jaws", "first.jaws", "");
    const FileId id = sources.add(path.generic_string(), path.generic_string(), readText(path));
    const syntax::ParseResult parsed = syntax::parse(sources.file(id));
    const std::string bytes = encode(*parsed.unit);
    const auto back = ast::readBinary(bytes, id);
    REQUIRE(back != nullptr);
    CHECK(test::firstAstDifference(*back, *parsed.unit) == "");
    CHECK(ast::dump(*back, sources.file(id)) == ast::dump(*parsed.unit, sources.file(id)));
  }
}

TEST_CASE("bytes that are not a whole encoding read as nothing, never a crash", "[stdlib][precompiled]") {
  const auto parsed = test::parseSource(
      "/// Doc.\n@tag(\"x\") type T { a?: string = \"${x} y\" @min(1), b: list<int | \"z\"> }\n"
      "api A {\n  GET \"/t/{id}\" -> f { returns 404: T }\n}\nlet n = !(a == 1.5) ? [2KB, 3s] : {k: null}\n");
  const std::string bytes = encode(parsed.unit());
  REQUIRE(ast::readBinary(bytes, 0) != nullptr);
  for (std::size_t size = 0; size < bytes.size(); ++size) {
    INFO(size);
    CHECK(ast::readBinary(std::string_view(bytes).substr(0, size), 0) == nullptr);
  }
  CHECK(ast::readBinary(bytes + "x", 0) == nullptr);
  // Any byte changed: a tree or nothing, and nothing out of bounds (the
  // sanitizer build runs this too).
  for (std::size_t at = 0; at < bytes.size(); ++at) {
    for (unsigned char value : {0x00, 0x01, 0x7f, 0x80, 0xfe, 0xff}) {
      std::string changed = bytes;
      changed[at] = static_cast<char>(value);
      (void)ast::readBinary(changed, 0);
    }
  }
  std::string otherVersion = bytes;
  otherVersion[0] = static_cast<char>(ast::kAstBinaryVersion + 1);
  CHECK(ast::readBinary(otherVersion, 0) == nullptr);
}

TEST_CASE("a stdlib bundle is checked: header, version, sizes", "[stdlib][precompiled]") {
  const std::string bundle = encodeStdlibBundle({{"a.jaws", 3, stdlibTextHash("abc"), "tree"}});
  const auto decoded = decodeStdlibBundle(bundle);
  REQUIRE(decoded.has_value());
  REQUIRE(decoded->size() == 1);
  CHECK((*decoded)[0].name == "a.jaws");
  CHECK((*decoded)[0].textHash == stdlibTextHash("abc"));
  CHECK((*decoded)[0].tree == "tree");
  for (std::size_t size = 0; size < bundle.size(); ++size) CHECK_FALSE(decodeStdlibBundle(bundle.substr(0, size)));
  std::string otherVersion = bundle;
  otherVersion[8] = static_cast<char>(kStdlibBundleVersion + 1);
  CHECK_FALSE(decodeStdlibBundle(otherVersion));
  CHECK_FALSE(decodeStdlibBundle("JAWSSTDX" + bundle.substr(8)));
  CHECK(stdlibTextHash("abc") != stdlibTextHash("abd"));
}

TEST_CASE("a stdlib from --stdlib is parsed from its folder, not read from the embedded trees", "[stdlib][precompiled]") {
  test::TempDir dir;
  dir.write("p/main.jaws", "let x = 1\n");
  for (const EmbeddedFile& file : embeddedStdlib()) {
    dir.write(std::filesystem::path("lib") / file.name,
              std::string(file.text) + (file.name == "regions.jaws" ? "\nlet probeFromStdlibFolder = 1\n" : ""));
  }
  CompilationOptions options;
  options.inputs.push_back(dir.path() / "p");
  options.stdlibDir = dir.path() / "lib";
  Compilation compilation(std::move(options));
  REQUIRE(compilation.stdlibFiles().size() == embeddedStdlib().size());
  CHECK(compilation.times().filesParsed == 1 + embeddedStdlib().size());
  bool probeFound = false;
  for (FileId file : compilation.stdlibFiles()) {
    for (const auto& decl : compilation.syntaxTree(file)->decls) probeFound = probeFound || decl->name.text == "probeFromStdlibFolder";
  }
  CHECK(probeFound);
}
