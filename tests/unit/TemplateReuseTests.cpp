// The language server keeps each target's template between checks and
// predicts a stack's split from what changed (emit/TemplateReuse.h). Whatever
// the edits, every prediction and diagnostic must be the one a check from
// scratch makes: this walks a project through random edits (functions
// changed, added, broken and removed, routes, resources, tags, event sources,
// an API body large enough to be uploaded) and compares the two after each.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "driver/Compilation.h"
#include "emit/TemplateReuse.h"
#include "emit/split/StackSplitter.h"
#include "support/SplitPredictionText.h"

using namespace jaws;
namespace fs = std::filesystem;

// Named: the unit tests are built as one unit, and other files have their own
// `write` and `check`.
namespace template_reuse_tests {

struct FunctionSpec {
  std::string name;
  int memory = 256;
  bool url = false;
  bool schedule = false;
  bool broken = false;  // memory below the minimum: an error, and the function left out of the model
  bool event = false;   // invoked by the queue: event sources change other declarations' resources
  int peer = -1;        // the function whose ARN its environment names
};

struct ProjectSpec {
  std::vector<FunctionSpec> functions;
  std::vector<int> routes;  // the function each route invokes
  std::string team = "core";
  int retention = 4;  // the queue's message retention, in days
  int created = 0;    // functions added so far (for their names)
};

std::string render(const ProjectSpec& p) {
  std::string out = "project reuse {\n  runtime = \"nodejs22.x\"\n  regions = [\"us-east-1\"]\n  split = \"always\"\n";
  out += "  tags = { team = \"" + p.team + "\" }\n}\n\n";
  // dev's account makes the large body literal (uploaded); prod's is unknown (refused).
  out += "stage dev { account = \"123456789012\" }\nstage prod { }\n\n";
  out += "type Item {\n  id: string\n  title: string\n  labels?: string[]\n}\n\n";
  out += "resource queue: \"AWS::SQS::Queue\" {\n  QueueName = \"reuse-${stage}\"\n  MessageRetentionPeriod = " +
         std::to_string(p.retention * 86400) + "\n}\n\n";
  for (const auto& f : p.functions) {
    out += "function " + f.name + " {\n  handler = \"src/app." + f.name + "\"\n";
    out += "  memory = " + std::to_string(f.broken ? 12 : f.memory) + "MB\n";
    if (f.url) out += "  url = true\n";
    if (f.schedule) out += "  schedule = \"rate(5 minutes)\"\n";
    if (f.peer >= 0 && f.peer < static_cast<int>(p.functions.size())) {
      out += "  env = { PEER = " + p.functions[static_cast<std::size_t>(f.peer)].name + ".arn, QUEUE = queue.ref }\n";
    }
    if (f.event) out += "  events = [sqs(queue)]\n";
    out += "}\n\n";
  }
  out += "api shop {\n  cors = { origins = [\"*\"] }\n";
  for (std::size_t r = 0; r < p.routes.size(); ++r) {
    const auto target = static_cast<std::size_t>(p.routes[r]);
    if (target >= p.functions.size()) continue;
    out += "  GET /items" + std::to_string(r) + "/{id} -> " + p.functions[target].name + " { returns: Item[] }\n";
  }
  out += "}\n\noutput firstArn = " + p.functions.front().name + ".arn\n";
  return out;
}

struct Outcome {
  std::vector<std::string> diagnostics;
  std::vector<std::string> predictions;
};

void writeText(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << text;
}

Outcome checkProject(const fs::path& dir, const fs::path& stdlib, std::shared_ptr<emit::TemplateReuses> reuse) {
  CompilationOptions options;
  options.inputs.push_back(dir);
  options.stdlibDir = stdlib;
  options.jobs = 2;
  options.templateReuse = std::move(reuse);
  Compilation compilation(std::move(options));
  Outcome out;
  for (const Diagnostic& d : compilation.diagnostics()) {
    out.diagnostics.push_back(std::string(d.id()) + " " + std::to_string(d.span.begin) + " " + d.message);
  }
  for (const auto& prediction : compilation.analysis().splitPredictions) {
    out.predictions.push_back(prediction ? test::describePrediction(*prediction) : "none");
  }
  return out;
}


// A new folder `root` with a stdlib whose templates hold little, so that a
// few dozen functions make several nested stacks and the API's body is
// uploaded, and the project's handler module; returns the stdlib's folder.
fs::path smallTemplates(const fs::path& root) {
  fs::remove_all(root);
  fs::create_directories(root);
  const fs::path stdlib = root / "stdlib";
  fs::copy(fs::path(JAWS_SOURCE_DIR) / "stdlib", stdlib, fs::copy_options::recursive);
  std::ifstream in(stdlib / "splitting.jaws");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto replace = [&](const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
  };
  replace("resources = 450", "resources = 40");
  replace("bytes = 800000", "bytes = 16000");
  writeText(stdlib / "splitting.jaws", text);
  writeText(root / "project" / "src" / "app.mjs", "export const handler = async () => ({});\n");
  return stdlib;
}

// Writes the project, checks it with the kept templates and from scratch,
// and holds the two to the same predictions and diagnostics.
void checkBothWays(const fs::path& dir, const fs::path& stdlib, const ProjectSpec& spec,
                   const std::shared_ptr<emit::TemplateReuses>& reuse) {
  writeText(dir / "project.jaws", render(spec));
  const Outcome kept = checkProject(dir, stdlib, reuse);
  const Outcome fresh = checkProject(dir, stdlib, nullptr);
  REQUIRE(kept.predictions.size() == 2);
  CHECK(kept.predictions == fresh.predictions);
  CHECK(kept.diagnostics == fresh.diagnostics);
}

// 24 functions, a third naming another's ARN; the first `routed` have a route.
ProjectSpec functionsWithRoutes(int routed) {
  ProjectSpec spec;
  for (int i = 0; i < 24; ++i) {
    spec.functions.push_back(FunctionSpec{"fn" + std::to_string(i), 128 + 64 * (i % 4), i % 5 == 0, i % 7 == 0, false, false,
                                          i % 3 == 0 ? (i + 5) % 24 : -1});
    if (i < routed) spec.routes.push_back(i);
  }
  spec.created = 24;
  return spec;
}

}  // namespace template_reuse_tests

using namespace template_reuse_tests;

TEST_CASE("a split predicted from kept templates is the one predicted from scratch", "[emit][split][lsp]") {
  // Fixed seeds, so that a failure repeats.
  const unsigned seed = GENERATE(3u, 7u);
  const fs::path root = fs::temp_directory_path() / ("jaws-template-reuse-" + std::to_string(::getpid()) + "-" + std::to_string(seed));
  const fs::path stdlib = smallTemplates(root), dir = root / "project";
  ProjectSpec spec = functionsWithRoutes(24);

  auto reuse = std::make_shared<emit::TemplateReuses>();
  std::mt19937 random(seed);
  auto below = [&](std::size_t n) { return static_cast<std::size_t>(random() % n); };
  std::size_t reusedChecks = 0, uploads = 0, withEvents = 0;
  std::atomic<int> ranFirst{0};
  FunctionSpec* reverting = nullptr;
  for (int step = 0; step < 30; ++step) {
    std::string edit = "first check";
    if (reverting != nullptr) {
      // A broken function or an event source lasts one check: while either is
      // there, the API cannot be uploaded or nothing is reused.
      reverting->broken = false;
      reverting->event = false;
      edit = "mended " + reverting->name;
      reverting = nullptr;
    } else if (step > 0) {
      auto& f = spec.functions[below(spec.functions.size())];
      switch (below(10)) {
        case 0: f.memory = f.memory == 256 ? 512 : 256; edit = "memory of " + f.name; break;
        case 1: f.url = !f.url; edit = "url of " + f.name; break;
        case 2: f.broken = true; reverting = &f; edit = "broke " + f.name; break;
        case 3: f.schedule = !f.schedule; edit = "schedule of " + f.name; break;
        case 4: f.peer = static_cast<int>(below(spec.functions.size())); edit = "peer of " + f.name; break;
        case 5:
          spec.functions.push_back(FunctionSpec{"added" + std::to_string(spec.created++)});
          spec.routes.push_back(static_cast<int>(spec.functions.size() - 1));
          edit = "added a function";
          break;
        case 6:
          if (spec.functions.size() > 4) {
            spec.functions.erase(spec.functions.end() - 1);
            edit = "removed the last function";
          }
          break;
        case 7: spec.routes.push_back(static_cast<int>(below(spec.functions.size()))); edit = "added a route"; break;
        case 8:
          if (below(2) == 0) {
            spec.team = spec.team == "core" ? "edge" : "core";
            edit = "project tags";
          } else {
            spec.retention = spec.retention == 4 ? 5 : 4;
            edit = "the queue";
          }
          break;
        case 9: f.event = true; reverting = &f; edit = "event source for " + f.name; break;
      }
    }
    INFO("seed " << seed << ", step " << step << ": " << edit);
    checkBothWays(dir, stdlib, spec, reuse);

    const auto& dev = reuse->of("dev", "us-east-1");
    const std::size_t declarations = spec.functions.size() + 2;
    if (step > 0 && dev.lastEmitted() * 4 < declarations) ++reusedChecks;
    withEvents += std::any_of(spec.functions.begin(), spec.functions.end(), [](const FunctionSpec& f) { return f.event; });
    uploads += dev.lastRewritten();
    // As the language server does between checks, every other time: what the
    // predictions left is finished on another thread, after a task of the
    // caller's; otherwise the next prediction finishes it first.
    if (step % 2 == 1) reuse->finishInBackground([&ranFirst] { ++ranFirst; });
  }
  reuse->retain({});  // waits for the last
  CHECK(ranFirst == 15);
  // Most checks re-emitted a few declarations; the walk also went through
  // event sources (nothing reused) and uploads.
  CHECK(reusedChecks >= 15);
  CHECK(withEvents >= 1);
  CHECK(uploads > 0);
  fs::remove_all(root);
}

TEST_CASE("a kept graph is brought up to date whatever an edit takes away, brings back or changes", "[emit][split][lsp]") {
  const fs::path root = fs::temp_directory_path() / ("jaws-graph-refresh-" + std::to_string(::getpid()));
  const fs::path stdlib = smallTemplates(root), dir = root / "project";
  // The first twelve functions have a route (whose permission follows the
  // function into its group); a third of them name another's ARN.
  ProjectSpec spec = functionsWithRoutes(12);
  auto reuse = std::make_shared<emit::TemplateReuses>();
  // prod's API body is refused, not uploaded, so its graph is kept from one
  // check to the next; dev's upload rewrites a resource, and its graph is
  // built every time.
  const auto step = [&](const std::string& edit, bool refreshed) {
    INFO(edit);
    checkBothWays(dir, stdlib, spec, reuse);
    CHECK(reuse->of("prod", "us-east-1").lastGraphRefreshed() == refreshed);
    CHECK_FALSE(reuse->of("dev", "us-east-1").lastGraphRefreshed());
  };
  auto& fn = spec.functions;
  REQUIRE(fn[22].peer == -1);
  REQUIRE(fn[15].peer == 20);
  REQUIRE(fn[6].peer == 11);
  step("first check", false);
  fn[22].memory = 1024;  // one byte more in its function's template
  step("memory of fn22", true);
  fn[4].memory = 2048;
  step("memory of fn4, which has a route", true);
  fn[22].broken = true;  // left out of the model: its resources go
  step("fn22 broken", true);
  fn[22].broken = false;
  step("fn22 mended", true);
  fn[6].broken = true;
  step("fn6 broken: its route's permission follows nothing now", true);
  fn[6].broken = false;
  step("fn6 mended: the permission follows it again", true);
  fn[20].broken = true;
  step("fn20 broken: fn15's environment names what is gone", true);
  fn[20].broken = false;
  step("fn20 mended: fn15 names it again", true);
  fn[22].peer = 3;
  step("fn22 names fn3", true);
  fn[22].url = true;
  step("a URL for fn22", true);
  fn[3].broken = true;
  fn[22].broken = true;
  step("fn3 and fn22 broken", true);
  fn[3].broken = false;
  fn[22].broken = false;
  step("both mended", true);
  spec.functions.push_back(FunctionSpec{"added24"});
  step("a function added", true);
  spec.routes.push_back(24);
  step("a route to it", true);
  step("nothing changed", true);
  spec.team = "edge";
  step("the project's tags: nothing is kept", false);
  fs::remove_all(root);
}
