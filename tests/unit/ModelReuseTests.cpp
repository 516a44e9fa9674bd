// The language server takes a function's or a route's model from the check
// before when its text and everything its evaluation read are the same
// (sema/ModelReuse.h). Whatever the edits, every model, every place in it and
// every diagnostic must be those of a check from scratch: this walks a project
// through random edits (functions changed, moved, added, removed, renamed,
// duplicated, broken; routes changed, moved, added, removed, retargeted;
// params, lets, types, the API's auth, the project block, stages and `@when`
// changed) and compares the two after each.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "driver/Compilation.h"
#include "emit/TemplateReuse.h"
#include "model/Places.h"
#include "sema/ModelReuse.h"
#include "support/SplitPredictionText.h"
#include "support/TempDir.h"

using namespace jaws;
namespace fs = std::filesystem;

// Named: the unit tests are built as one unit.
namespace model_reuse_tests {

struct FunctionShape {
  std::string name;
  std::string memory = "256MB";  // "12MB" is below the minimum: an error, and no model
  bool stageMemory = false;      // `stage == "prod" ? big : ...`: reads a param in one stage only
  bool when = false;             // `@when(stage == "prod")`
  bool table = false;            // reads the let `tableArn`
  bool queue = false;            // reads a resource's attribute: never taken
  int peer = -1;                 // the function whose ARN its environment names
  int padding = 0;               // blank lines above it: an edit above moves it
  std::string doc = "Handles things.";
  bool unclosed = false;         // a syntax error
  // A secret in its environment and a timeout of 1500ms: the rules that look
  // at one function report on it whether or not its model is taken.
  bool loud = false;
};

struct RouteShape {
  std::string target;  // a function's name (there may be none of that name)
  std::string path;
  bool when = false;      // `@when(stage == "prod")`
  bool ownAuth = false;   // `auth = <ownAuthKind>`: not the API's
  std::string ownAuthKind = "none";
  bool items = false;     // a path parameter, a query parameter with an example read from a let, a response of a type
  int padding = 0;
  std::string doc = "Lists things.";
};

struct ProjectShape {
  std::vector<FunctionShape> functions;
  std::vector<RouteShape> routes;
  std::string itemType = "Item";  // the type the routes return
  bool apiAuth = false;           // the API's `auth = "iam"`
  int pageSize = 20;              // the let a route's example reads
  std::string prefix = "bench";
  std::string tableName = "items";
  std::string logLevel = "DEBUG";
  bool prodBig = true;  // stage prod sets the param `big`
  bool qa = false;      // a third stage
  int created = 0;
};

// Functions fn0, fn1, ... (`count` of them), each shaped by `shape(f, i)`.
template <typename Shape>
std::vector<FunctionShape> functionsNamedFn(int count, Shape shape) {
  std::vector<FunctionShape> functions;
  for (int i = 0; i < count; ++i) {
    FunctionShape f;
    f.name = "fn" + std::to_string(i);
    shape(f, i);
    functions.push_back(std::move(f));
  }
  return functions;
}

std::string renderProject(const ProjectShape& p) {
  // The params and the let come first: an edit of the project block moves
  // nothing the functions read, only what they take from the project.
  std::string out = "param prefix: string = \"" + p.prefix + "-${stage}\"\nparam big: size = 512MB\n";
  out += "let tableArn = \"arn:aws:dynamodb:${region}:${account}:table/${prefix}-" + p.tableName + "\"\n";
  out += "let pageSize = " + std::to_string(p.pageSize) + "\n\n";
  // Split always: every check predicts a split, from the templates kept
  // (emit/TemplateReuse.h), which the taken functions skip comparing.
  out += "project reuse {\n  runtime = \"nodejs22.x\"\n  memory = 256MB\n  regions = [\"us-east-1\"]\n  split = \"always\"\n";
  out += "  env = { STAGE = stage, LOG_LEVEL = \"" + p.logLevel + "\" }\n  tags = { team = \"core\" }\n}\n\n";
  out += "stage dev { tags = { environment = \"dev\" } }\n";
  out += std::string("stage prod {\n  protect = true\n") + (p.prodBig ? "  big = 1GB\n" : "") + "}\n";
  if (p.qa) out += "stage qa { }\n";
  out += "\nresource queue: \"AWS::SQS::Queue\" {\n  QueueName = \"reuse-${stage}\"\n}\n";
  return out;
}

std::string renderService(const ProjectShape& p) {
  std::string out;
  for (const auto& f : p.functions) {
    out += std::string(static_cast<std::size_t>(f.padding), '\n');
    out += "/// " + f.doc + "\n";
    if (f.when) out += "@when(stage == \"prod\")\n";
    out += "function " + f.name + " {\n  handler = \"src/app." + f.name + "\"\n";
    out += "  memory = " + (f.stageMemory ? "stage == \"prod\" ? big : " + f.memory : f.memory) + "\n";
    if (f.loud) out += "  timeout = 1500ms\n";
    std::string env = "TABLE = \"${prefix}-t\"";
    if (f.peer >= 0 && f.peer < static_cast<int>(p.functions.size())) {
      env += ", PEER = " + p.functions[static_cast<std::size_t>(f.peer)].name + ".arn";
    }
    if (f.queue) env += ", QUEUE = queue.arn";
    if (f.loud) env += ", DB_PASSWORD = \"hunter2\"";
    out += "  env = { " + env + " }\n";
    if (f.table) out += "  permissions = [allow(\"dynamodb:Query\", tableArn)]\n";
    out += f.unclosed ? "\n" : "}\n\n";
  }
  out += "type " + p.itemType + " {\n  name: string\n}\n\n";
  out += "api shop {\n";
  if (p.apiAuth) out += "  auth = \"iam\"\n";
  for (const auto& r : p.routes) {
    out += std::string(static_cast<std::size_t>(r.padding), '\n');
    out += "  /// " + r.doc + "\n";
    if (r.when) out += "  @when(stage == \"prod\")\n";
    out += "  GET " + r.path + (r.items ? "/{id}" : "") + " -> " + r.target;
    if (r.items || r.ownAuth) {
      out += " {\n";
      if (r.items) {
        out += "    path id: string @format(\"uuid\")\n    query limit?: int @min(1) @example(pageSize)\n";
        out += "    returns: Item\n";
      }
      if (r.ownAuth) out += "    auth = \"" + r.ownAuthKind + "\"\n";
      out += "  }";
    }
    out += "\n";
  }
  out += "}\n";
  return out;
}

// The project folder in `temp`, with the handler module every function names.
fs::path projectIn(const test::TempDir& temp) {
  temp.write("project/src/app.mjs", "export const handler = async () => ({});\n");
  return temp.path() / "project";
}

void writeProject(const test::TempDir& temp, const ProjectShape& spec) {
  temp.write("project/project.jaws", renderProject(spec));
  temp.write("project/service.jaws", renderService(spec));
}

std::string describe(const Span& span) {
  return std::to_string(span.file) + ":" + std::to_string(span.begin) + "-" + std::to_string(span.end);
}

std::vector<std::string> diagnosticsOf(Compilation& compilation) {
  std::vector<std::string> out;
  for (const Diagnostic& d : compilation.diagnostics()) {
    std::string line = std::string(d.id()) + " " + describe(d.span) + " " + d.message;
    for (const auto& note : d.notes) line += " | " + describe(note.span) + " " + note.message;
    out.push_back(std::move(line));
  }
  return out;
}

// Every place of every function and route model, in order.
std::vector<std::string> placesOf(const model::Stack& stack) {
  std::vector<std::string> out;
  for (model::Function f : stack.functions) {
    std::string line = f.name + ":";
    model::visitPlaces(f, [&](Span& span) { line += " " + describe(span); });
    out.push_back(std::move(line));
  }
  for (const auto& api : stack.apis) {
    for (model::Route r : api.routes) {
      std::string line = api.name + " " + r.path + ":";
      model::visitPlaces(r, [&](Span& span) { line += " " + describe(span); });
      out.push_back(std::move(line));
    }
  }
  return out;
}

std::vector<std::string> predictionsOf(Compilation& compilation) {
  std::vector<std::string> out;
  for (const auto& prediction : compilation.analysis().splitPredictions) {
    out.push_back(prediction ? test::describePrediction(*prediction) : "none");
  }
  return out;
}

std::size_t takenIn(const sema::ModelMemo& memo) {
  std::size_t taken = 0;
  for (const auto& [target, record] : memo.targets) taken += record.taken;
  return taken;
}

std::size_t quietSkippedIn(const sema::ModelMemo& memo) {
  std::size_t skipped = 0;
  for (const auto& [target, record] : memo.targets) skipped += record.quietSkipped;
  return skipped;
}

std::size_t routesTakenIn(const sema::ModelMemo& memo) {
  std::size_t taken = 0;
  for (const auto& [target, record] : memo.targets) taken += record.takenRoutes;
  return taken;
}

struct Counts {
  std::size_t functions = 0, routes = 0;
};

// Checks the project as the language server does, with `memo` and
// `templates` from the check before (`memo` is replaced by this check's), and
// from scratch: the diagnostics, split predictions, models and their places
// must be the same. The function and route models the check made.
Counts compareWithFresh(const fs::path& dir, std::shared_ptr<sema::ModelMemo>& memo,
                        const std::shared_ptr<emit::TemplateReuses>& templates) {
  CompilationOptions options;
  options.inputs.push_back(dir);
  options.jobs = 2;
  options.recordModels = true;
  options.previousModels = memo;
  options.templateReuse = templates;
  Compilation kept(std::move(options));
  CompilationOptions freshOptions;
  freshOptions.inputs.push_back(dir);
  Compilation fresh(std::move(freshOptions));

  REQUIRE(diagnosticsOf(kept) == diagnosticsOf(fresh));
  CHECK(predictionsOf(kept) == predictionsOf(fresh));
  const auto& keptStacks = kept.stacks();
  const auto& freshStacks = fresh.stacks();
  REQUIRE(keptStacks.size() == freshStacks.size());
  Counts counts;
  for (std::size_t t = 0; t < keptStacks.size(); ++t) {
    CHECK(keptStacks[t] == freshStacks[t]);
    CHECK(placesOf(keptStacks[t]) == placesOf(freshStacks[t]));
    counts.functions += keptStacks[t].functions.size();
    for (const auto& api : keptStacks[t].apis) counts.routes += api.routes.size();
  }
  memo = kept.takeModelMemo();
  return counts;
}

}  // namespace model_reuse_tests

using namespace model_reuse_tests;

TEST_CASE("a function model taken from the check before is the one evaluated from scratch", "[sema][lsp]") {
  // Fixed seeds, so that a failure repeats.
  const unsigned seed = GENERATE(5u, 11u, 23u);
  const test::TempDir temp;
  const fs::path dir = projectIn(temp);

  ProjectShape spec;
  spec.functions = functionsNamedFn(12, [](FunctionShape& f, int i) {
    f.stageMemory = i % 3 == 0;
    f.when = i % 5 == 4;
    f.table = i % 2 == 0;
    f.queue = i == 7;
    f.peer = i % 4 == 1 ? (i + 3) % 12 : -1;
    f.loud = i % 4 == 2;
  });
  spec.created = 12;
  for (std::size_t i = 0; i < 8; ++i) {
    RouteShape r;
    r.target = "fn" + std::to_string(i * 3 % 12);
    r.path = "/items" + std::to_string(i);
    r.when = i == 3;
    r.ownAuth = i % 4 == 1;
    r.items = i % 2 == 0;
    spec.routes.push_back(r);
  }

  std::mt19937 random(seed);
  auto below = [&](std::size_t n) { return static_cast<std::size_t>(random() % n); };
  // A function or a route added at a random place; one removed, while more than `keep` are left.
  auto insertSomewhere = [&](auto& items, auto item) {
    items.insert(items.begin() + static_cast<std::ptrdiff_t>(below(items.size())), std::move(item));
  };
  auto removeOne = [&](auto& items, std::size_t keep) {
    if (items.size() <= keep) return false;
    items.erase(items.begin() + static_cast<std::ptrdiff_t>(below(items.size())));
    return true;
  };
  std::shared_ptr<sema::ModelMemo> memo;
  auto templates = std::make_shared<emit::TemplateReuses>();
  std::size_t taken = 0, evaluated = 0, routesTaken = 0, routesEvaluated = 0, quietSkipped = 0;
  // A duplicate name keeps every model from being kept (they are kept by
  // name), so it lasts one check.
  std::optional<std::pair<std::size_t, std::string>> duplicate;
  for (int step = 0; step < 60; ++step) {
    std::string edit = "first check";
    if (duplicate) {
      spec.functions[duplicate->first].name = duplicate->second;
      edit = "undid the duplicate";
      duplicate.reset();
    } else if (step > 0) {
      auto& f = spec.functions[below(spec.functions.size())];
      auto& r = spec.routes[below(spec.routes.size())];
      switch (below(25)) {
        case 0: f.memory = f.memory == "256MB" ? "12MB" : "256MB"; edit = "memory of " + f.name; break;
        case 1: spec.prefix = spec.prefix == "bench" ? "shop" : "bench"; edit = "param prefix"; break;
        case 2: spec.tableName = spec.tableName == "items" ? "orders" : "items"; edit = "let tableArn"; break;
        case 3: spec.logLevel = spec.logLevel == "DEBUG" ? "INFO" : "DEBUG"; edit = "project env"; break;
        case 4: {
          FunctionShape added;
          added.name = "added" + std::to_string(spec.created++);
          added.table = below(2) == 0;
          // Or the function a dangling route names, there in one stage only.
          const bool taken = std::any_of(spec.functions.begin(), spec.functions.end(),
                                         [&](const FunctionShape& g) { return g.name == r.target; });
          if (!taken && below(2) == 0) {
            added.name = r.target;
            added.when = true;
          }
          insertSomewhere(spec.functions, added);
          edit = "added a function";
          break;
        }
        case 5:
          if (removeOne(spec.functions, 4)) edit = "removed a function";
          break;
        case 6: f.when = !f.when; edit = "@when of " + f.name; break;
        case 7: f.doc = f.doc == "Handles things." ? "Handles other things." : "Handles things."; edit = "doc of " + f.name; break;
        case 8:  // as an editor's rename does, the routes follow (a removed function leaves them dangling)
          for (auto& route : spec.routes) {
            if (route.target == f.name) route.target = f.name + "x";
          }
          f.name = f.name + "x";
          edit = "renamed to " + f.name;
          break;
        case 9: {
          const std::size_t i = below(spec.functions.size());
          duplicate.emplace(i, spec.functions[i].name);
          spec.functions[i].name = spec.functions[below(spec.functions.size())].name;
          edit = "duplicate " + spec.functions[i].name;
          break;
        }
        case 10: spec.prodBig = !spec.prodBig; edit = "stage prod's big"; break;
        case 11: spec.qa = !spec.qa; edit = "stage qa"; break;
        case 12: f.padding = f.padding == 0 ? 1 + static_cast<int>(below(3)) : 0; edit = "moved " + f.name; break;
        case 13: f.unclosed = !f.unclosed; edit = "brace of " + f.name; break;
        case 14: r.when = !r.when; edit = "@when of " + r.path; break;
        case 15: r.ownAuth = !r.ownAuth; edit = "auth of " + r.path; break;
        case 16: spec.apiAuth = !spec.apiAuth; edit = "the API's auth"; break;
        case 17: spec.itemType = spec.itemType == "Item" ? "Thing" : "Item"; edit = "type " + spec.itemType; break;
        case 18: spec.pageSize = spec.pageSize == 20 ? 50 : 20; edit = "let pageSize"; break;
        case 19: r.doc = r.doc == "Lists things." ? "Lists other things." : "Lists things."; edit = "doc of " + r.path; break;
        case 20: r.items = !r.items; edit = "items of " + r.path; break;
        case 21: r.target = spec.functions[below(spec.functions.size())].name; edit = "target of " + r.path; break;
        case 22: {
          RouteShape added = r;
          added.path = "/more" + std::to_string(spec.created++);
          insertSomewhere(spec.routes, added);
          edit = "added a route";
          break;
        }
        case 23:
          if (removeOne(spec.routes, 6)) edit = "removed a route";
          break;
        case 24: f.loud = !f.loud; edit = (f.loud ? "a secret and a timeout in " : "no secret nor timeout in ") + f.name; break;
      }
      // Most edits are one declaration's: another function and a route move as well.
      spec.functions[below(spec.functions.size())].padding = static_cast<int>(below(3));
      spec.routes[below(spec.routes.size())].padding = static_cast<int>(below(2));
    }
    INFO("seed " << seed << ", step " << step << ": " << edit);
    writeProject(temp, spec);

    const auto counts = compareWithFresh(dir, memo, templates);
    evaluated += counts.functions;
    routesEvaluated += counts.routes;
    if (memo != nullptr) {
      taken += takenIn(*memo);
      routesTaken += routesTakenIn(*memo);
      quietSkipped += quietSkippedIn(*memo);
    }
  }
  // Most function models were taken, and many route models (a route whose
  // function was removed is evaluated every time): the walk does not only
  // test evaluation.
  CHECK(taken * 2 > evaluated);
  CHECK(routesTaken * 4 > routesEvaluated);
  // The rules that look at one function skipped many taken ones; not the
  // loud ones (a mutant that skips those too loses their reports).
  CHECK(quietSkipped * 3 > taken);
  CHECK(quietSkipped < taken);
}

TEST_CASE("a function model is taken with its places moved, and evaluated again when what it read changed", "[sema][lsp]") {
  const test::TempDir temp;
  const fs::path dir = projectIn(temp);
  ProjectShape spec;
  spec.functions = functionsNamedFn(3, [](FunctionShape& f, int) { f.table = true; });
  auto check = [&](std::shared_ptr<sema::ModelMemo> previous, std::size_t& taken) {
    writeProject(temp, spec);
    CompilationOptions options;
    options.inputs.push_back(dir);
    options.recordModels = true;
    options.previousModels = std::move(previous);
    Compilation compilation(std::move(options));
    compilation.diagnostics();
    std::vector<std::string> places;
    for (const auto& stack : compilation.stacks()) {
      const auto more = placesOf(stack);
      places.insert(places.end(), more.begin(), more.end());
    }
    auto memo = compilation.takeModelMemo();
    taken = takenIn(*memo);
    return std::make_pair(memo, places);
  };
  std::size_t taken = 0;
  auto [memo, places] = check(nullptr, taken);
  CHECK(taken == 0);

  // Two lines above fn1: fn0 stays, fn1 and fn2 move; all are taken (two targets).
  spec.functions[1].padding = 2;
  auto [moved, movedPlaces] = check(memo, taken);
  CHECK(taken == 6);
  CHECK(movedPlaces != places);

  // The let they read changed: every one is evaluated again.
  spec.tableName = "orders";
  auto [changed, changedPlaces] = check(moved, taken);
  CHECK(taken == 0);

  // Nothing changed: all taken again.
  auto [same, samePlaces] = check(changed, taken);
  CHECK(taken == 6);
  CHECK(samePlaces == changedPlaces);
}

TEST_CASE("an API whose routes were all taken keeps its kept template's routes only with the same auth", "[sema][lsp]") {
  const test::TempDir temp;
  const fs::path dir = projectIn(temp);
  ProjectShape spec;
  for (int i = 0; i < 3; ++i) {
    FunctionShape f;
    f.name = "fn" + std::to_string(i);
    spec.functions.push_back(f);
    RouteShape r;
    r.target = f.name;
    r.path = "/items" + std::to_string(i);
    spec.routes.push_back(r);
  }
  std::shared_ptr<sema::ModelMemo> memo;
  auto templates = std::make_shared<emit::TemplateReuses>();
  // The routes have the API's auth.
  spec.apiAuth = true;
  writeProject(temp, spec);
  compareWithFresh(dir, memo, templates);
  // All taken, with the API's new auth.
  spec.apiAuth = false;
  writeProject(temp, spec);
  compareWithFresh(dir, memo, templates);
  CHECK(routesTakenIn(*memo) == 6);
  // Back and forth, all taken each time: an API kept from before the auth
  // changed must not pass for this one.
  spec.apiAuth = true;
  writeProject(temp, spec);
  compareWithFresh(dir, memo, templates);
  CHECK(routesTakenIn(*memo) == 6);
  spec.apiAuth = false;
  writeProject(temp, spec);
  compareWithFresh(dir, memo, templates);
  // Each sets the API's old auth as its own: the same routes as those of the
  // first check, not as those of the second.
  for (auto& r : spec.routes) {
    r.ownAuth = true;
    r.ownAuthKind = "iam";
  }
  writeProject(temp, spec);
  compareWithFresh(dir, memo, templates);
}

TEST_CASE("the rules that look at one function skip a quiet one taken from the check before, and check a loud one again",
          "[sema][lsp]") {
  const test::TempDir temp;
  const fs::path dir = projectIn(temp);
  ProjectShape spec;
  spec.functions = functionsNamedFn(3, [](FunctionShape& f, int i) { f.loud = i == 1; });
  std::shared_ptr<sema::ModelMemo> memo;
  const auto templates = std::make_shared<emit::TemplateReuses>();
  auto check = [&] {
    writeProject(temp, spec);
    compareWithFresh(dir, memo, templates);  // the same diagnostics, places included, as from scratch
    return std::make_pair(takenIn(*memo), quietSkippedIn(*memo));
  };
  auto reportsOnFn1 = [&] {
    CompilationOptions options;
    options.inputs.push_back(dir);
    Compilation compilation(std::move(options));
    std::vector<std::string> codes;
    for (const Diagnostic& d : compilation.diagnostics()) {
      if (d.code == DiagCode::JW4018 || d.code == DiagCode::JW5009) codes.emplace_back(d.id());
    }
    return codes;
  };
  CHECK(check() == std::make_pair(std::size_t{0}, std::size_t{0}));
  REQUIRE(reportsOnFn1().size() == 2);

  // Two lines above fn1: all are taken (two targets); fn0 and fn2 are skipped,
  // fn1 is checked again and its reports move with it.
  spec.functions[1].padding = 2;
  CHECK(check() == std::make_pair(std::size_t{6}, std::size_t{4}));

  // fn1 quiet now: evaluated again (its text changed), then skipped too.
  spec.functions[1].loud = false;
  CHECK(check() == std::make_pair(std::size_t{4}, std::size_t{4}));
  CHECK(reportsOnFn1().empty());
  CHECK(check() == std::make_pair(std::size_t{6}, std::size_t{6}));

  // What every function read changed: none is taken, none skipped.
  spec.tableName = "orders";
  for (auto& f : spec.functions) f.table = true;
  CHECK(check() == std::make_pair(std::size_t{0}, std::size_t{0}));
}
