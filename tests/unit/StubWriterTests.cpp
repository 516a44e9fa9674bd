// The writer of `jaws stubs` on real temporary folders: it creates what is
// missing, changes nothing on a second run, and never rewrites user code.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "stubs/StubGenerators.h"
#include "stubs/StubReport.h"
#include "stubs/StubWriter.h"
#include "stubs/StubFixtures.h"

using namespace jaws;
using namespace jaws::stubs;
namespace fs = std::filesystem;
namespace fx = jaws::stubs::fixtures;

namespace {

class TempDir {
 public:
  TempDir() {
    std::random_device random;
    path_ = fs::temp_directory_path() / ("jaws-stub-writer-" + std::to_string(random()) + std::to_string(random()));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

const StubFile& fileAt(const StubPlan& plan, const std::string& path) {
  for (const StubFile& file : plan.files) {
    if (file.path == path) return file;
  }
  FAIL("no planned file " << path);
  throw std::logic_error("unreachable");
}

std::vector<std::string> filesUnder(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) out.push_back(fs::relative(entry.path(), dir).generic_string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("stub writer: creates every missing module and the models", "[stubs]") {
  TempDir dir;
  const std::vector<model::Stack> stacks{fx::todoStack()};
  const StubPlan plan = planStubs(stacks, dir.path());
  CHECK(plan.stage == "dev");
  CHECK(plan.region == "us-east-1");
  for (const StubFile& file : plan.files) CHECK(file.action == StubAction::Create);
  const StubWriteResult result = writeStubs(plan, dir.path());
  CHECK(result.errors.empty());
  CHECK(result.written == std::vector<std::string>{"src/auth.mjs", "src/jobs.mjs", "src/todos.mjs", "src/worker.mjs",
                                                   "src/jaws_models.d.ts"});
  CHECK(filesUnder(dir.path()) == std::vector<std::string>{"src/auth.mjs", "src/jaws_models.d.ts", "src/jobs.mjs",
                                                           "src/todos.mjs", "src/worker.mjs"});
  CHECK(read(dir.path() / "src/todos.mjs") == fileAt(plan, "src/todos.mjs").contents);
  CHECK(fileAt(plan, "src/todos.mjs").functions ==
        std::vector<std::string>{"listTodos", "createTodo", "getTodo", "deleteTodo"});
}

TEST_CASE("stub writer: a second run changes nothing", "[stubs]") {
  TempDir dir;
  const std::vector<model::Stack> stacks{fx::todoStack(), fx::todoStack()};
  writeStubs(planStubs(stacks, dir.path()), dir.path());
  const auto before = fs::last_write_time(dir.path() / "src/jaws_models.d.ts");
  const StubPlan again = planStubs(stacks, dir.path());
  for (const StubFile& file : again.files) {
    INFO(file.path);
    CHECK(file.action == StubAction::Unchanged);
  }
  const StubWriteResult result = writeStubs(again, dir.path());
  CHECK(result.written.empty());
  CHECK(result.errors.empty());
  CHECK(fs::last_write_time(dir.path() / "src/jaws_models.d.ts") == before);
}

TEST_CASE("stub writer: a module the user edited is never rewritten", "[stubs]") {
  TempDir dir;
  const std::vector<model::Stack> stacks{fx::todoStack()};
  writeStubs(planStubs(stacks, dir.path()), dir.path());
  const fs::path module = dir.path() / "src/todos.mjs";
  const std::string edited = read(module) + "\nexport const answer = 42;\n";
  write(module, edited);
  // The API grows a route for a new function in the same module.
  std::vector<model::Stack> grown{fx::todoStack()};
  grown[0].functions.push_back(fx::function("archive", "src/todos.archive", "nodejs22.x"));
  const StubPlan plan = planStubs(grown, dir.path());
  const StubFile& file = fileAt(plan, "src/todos.mjs");
  CHECK(file.action == StubAction::MissingExports);
  CHECK(file.missingExports == std::vector<std::string>{"archive (function archive)"});
  CHECK(file.contents.empty());
  // The models are regenerated: they carry the marker.
  CHECK(fileAt(plan, "src/jaws_models.d.ts").action == StubAction::Unchanged);
  writeStubs(plan, dir.path());
  CHECK(read(module) == edited);
}

TEST_CASE("stub writer: an existing module lacking an export is reported and untouched", "[stubs]") {
  TempDir dir;
  const std::string mine = "// my code\nexport const list = async () => ({ statusCode: 200 });\n"
                           "export { getTodo as get };\nfunction getTodo() {}\n";
  write(dir.path() / "src/todos.mjs", mine);
  // A CommonJS module counts as the module too.
  write(dir.path() / "src/jobs.js", "module.exports = { report, cleanup: () => 1 };\nfunction report() {}\n");
  const StubPlan plan = planStubs({fx::todoStack()}, dir.path());
  const StubFile& todos = fileAt(plan, "src/todos.mjs");
  CHECK(todos.action == StubAction::MissingExports);
  CHECK(todos.missingExports == std::vector<std::string>{"create (function createTodo)", "delete (function deleteTodo)"});
  CHECK(fileAt(plan, "src/jobs.js").action == StubAction::Unchanged);
  const StubWriteResult result = writeStubs(plan, dir.path());
  CHECK(read(dir.path() / "src/todos.mjs") == mine);
  CHECK_FALSE(fs::exists(dir.path() / "src/jobs.mjs"));
  CHECK(std::find(result.written.begin(), result.written.end(), "src/auth.mjs") != result.written.end());
}

TEST_CASE("stub writer: models are rewritten only while they carry the marker", "[stubs]") {
  TempDir dir;
  const std::vector<model::Stack> stacks{fx::shopStack()};
  writeStubs(planStubs(stacks, dir.path()), dir.path());
  const fs::path models = dir.path() / "app/jaws_models.py";
  const std::string generated = read(models);

  // Edited below the marker: regenerated.
  write(models, generated + "\nEXTRA = 1\n");
  StubPlan plan = planStubs(stacks, dir.path());
  CHECK(fileAt(plan, "app/jaws_models.py").action == StubAction::Update);
  CHECK(writeStubs(plan, dir.path()).written == std::vector<std::string>{"app/jaws_models.py"});
  CHECK(read(models) == generated);

  // The marker line removed: the file is the user's.
  const std::string taken = "# mine now\n" + generated.substr(generated.find('\n') + 1);
  write(models, taken);
  plan = planStubs(stacks, dir.path());
  CHECK(fileAt(plan, "app/jaws_models.py").action == StubAction::KeepUserFile);
  CHECK(writeStubs(plan, dir.path()).written.empty());
  CHECK(read(models) == taken);
}

TEST_CASE("stub writer: planning writes nothing (dry run)", "[stubs]") {
  TempDir dir;
  const StubPlan plan = planStubs({fx::shopStack()}, dir.path());
  CHECK_FALSE(plan.files.empty());
  CHECK(filesUnder(dir.path()).empty());
  REQUIRE(plan.skipped.size() == 1);
  CHECK(plan.skipped[0] == "function javaThing: runtime java21 has no stub generator");
}

TEST_CASE("stub writer: a package or a folder in the way", "[stubs]") {
  TempDir dir;
  write(dir.path() / "app/items/__init__.py", "def list(event, context):\n    pass\n\n\ncreate = list\n");
  fs::create_directories(dir.path() / "app/jobs.py");
  const StubPlan plan = planStubs({fx::shopStack()}, dir.path());
  CHECK(fileAt(plan, "app/items/__init__.py").action == StubAction::Unchanged);
  CHECK(fileAt(plan, "app/jobs.py").action == StubAction::Blocked);
  const StubWriteResult result = writeStubs(plan, dir.path());
  CHECK(result.errors.empty());
  CHECK(fs::is_directory(dir.path() / "app/jobs.py"));
  CHECK_FALSE(fs::exists(dir.path() / "app/items.py"));
}

TEST_CASE("stub writer: no stacks, no files", "[stubs]") {
  TempDir dir;
  CHECK(planStubs({}, dir.path()).files.empty());
}

TEST_CASE("stub report: files and how each handler is invoked", "[stubs]") {
  TempDir dir;
  const std::vector<model::Stack> stacks{fx::todoStack()};
  const nlohmann::json report = stubReport(planStubs(stacks, dir.path()), stacks);
  CHECK(report["stage"] == "dev");
  CHECK(report["files"][0] == nlohmann::json({{"kind", "handler-module"},
                                              {"action", "create"},
                                              {"path", "src/auth.mjs"},
                                              {"functions", {"auth"}},
                                              {"missingExports", nlohmann::json::array()}}));
  CHECK(report["files"].back()["kind"] == "models");
  const nlohmann::json& handlers = report["handlers"];
  REQUIRE(handlers.size() == 8);
  CHECK(handlers[0]["function"] == "auth");
  CHECK(handlers[0]["authorizer"] == true);
  CHECK(handlers[1]["function"] == "report");
  CHECK(handlers[1]["schedules"] == nlohmann::json({"cron(0 6 * * ? *)"}));
  const nlohmann::json& list = handlers[3];
  CHECK(list["module"] == "src/todos.mjs");
  CHECK(list["export"] == "list");
  CHECK(list["routes"][0]["cors"]["origins"][0] == "https://todo.example.com");
  CHECK(list["routes"][0]["params"][0] == nlohmann::json({{"in", "query"},
                                                          {"name", "limit"},
                                                          {"required", false},
                                                          {"type", "integer"},
                                                          {"list", false},
                                                          {"values", nlohmann::json::array()}}));
  CHECK(handlers[5]["routes"][1]["cors"].is_null());  // getTodo through adminApi
}

TEST_CASE("stub writer: never writes through a link out of the project", "[stubs][security]") {
  TempDir project, outside;
  // Planned first, then the folder becomes a link: the writer checks again.
  const StubPlan plan = planStubs({fx::todoStack()}, project.path());
  fs::create_directory_symlink(outside.path(), project.path() / "src");
  const StubWriteResult result = writeStubs(plan, project.path());
  CHECK(result.written.empty());
  REQUIRE_FALSE(result.errors.empty());
  for (const StubWriteError& error : result.errors) CHECK(error.outsideProject);
  CHECK(filesUnder(outside.path()).empty());
}

TEST_CASE("stub writer: a dangling link at a module's place is not written through", "[stubs][security]") {
  TempDir project, outside;
  fs::create_directories(project.path() / "src");
  fs::create_symlink(outside.path() / "planted.mjs", project.path() / "src/auth.mjs");
  const StubPlan plan = planStubs({fx::todoStack()}, project.path());
  const StubWriteResult result = writeStubs(plan, project.path());
  CHECK_FALSE(fs::exists(outside.path() / "planted.mjs"));
  CHECK(fs::is_symlink(project.path() / "src/auth.mjs"));
  CHECK(std::find(result.written.begin(), result.written.end(), "src/auth.mjs") == result.written.end());
}
