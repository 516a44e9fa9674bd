#include "sema/Analysis.h"

#include <algorithm>
#include <atomic>
#include <latch>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <utility>

#include "diag/Builders.h"
#include "emit/TemplateReuse.h"
#include "sema/Binder.h"
#include "sema/DeclarationChecker.h"
#include "sema/Evaluator.h"
#include "sema/LintPolicy.h"
#include "sema/ModelBuilder.h"
#include "sema/ModelReuse.h"
#include "sema/rules/QuietFunctions.h"
#include "sema/rules/Rules.h"
#include "sema/Suggest.h"
#include "source/ParallelFor.h"

namespace jaws::sema {

namespace {

// Below this much source (about 2,000 functions), `jaws check` may keep a
// target's whole model until its split prediction is made on another thread.
constexpr std::size_t kSourceBytesToPredictApart = 1024 * 1024;

using Clock = std::chrono::steady_clock;

struct FoundIn {
  Diagnostic diagnostic;
  std::vector<std::size_t> targets;
};

// Merges the diagnostics of every target: one entry per (code, span,
// message), with the targets it was found in.
void mergeTargets(std::vector<std::vector<Diagnostic>>& perTarget, const std::vector<Target>& targets, Diagnostics& out) {
  std::map<std::tuple<int, FileId, std::uint32_t, std::uint32_t, std::string>, FoundIn> merged;
  std::vector<decltype(merged)::key_type> order;
  for (std::size_t t = 0; t < perTarget.size(); ++t) {
    for (auto& d : perTarget[t]) {
      auto key = std::make_tuple(static_cast<int>(d.code), d.span.file, d.span.begin, d.span.end, d.message);
      auto [it, inserted] = merged.try_emplace(key, FoundIn{std::move(d), {}});
      if (inserted) order.push_back(key);
      if (it->second.targets.empty() || it->second.targets.back() != t) it->second.targets.push_back(t);
    }
  }
  for (const auto& key : order) {
    FoundIn& found = merged.at(key);
    if (found.targets.size() < targets.size()) {
      std::string where;
      for (std::size_t i = 0; i < found.targets.size(); ++i) {
        if (i == 6) {
          where += ", and " + std::to_string(found.targets.size() - 6) + " more";
          break;
        }
        where += (i ? ", " : "") + targets[found.targets[i]].label();
      }
      found.diagnostic.note(Span{}, note::OnlyIn(where));
    }
    out.push_back(std::move(found.diagnostic));
  }
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

// `--stage` or `--region` that selects nothing is an error (JW2113, JW2114),
// the same for every command: there would be nothing to check or build.
void reportEmptySelection(const Program& program, const AnalysisOptions& options,
                          const std::vector<std::string>& regionsOfSelected, Diagnostics& out) {
  std::vector<std::string> stages;
  for (const auto* stage : program.stages) {
    if (stage->name.valid() && std::find(stages.begin(), stages.end(), stage->name.text) == stages.end()) {
      stages.push_back(stage->name.text);
    }
  }
  if (options.stage && std::find(stages.begin(), stages.end(), *options.stage) == stages.end()) {
    if (stages.empty()) return;  // no stage at all: JW2104 says so
    Diagnostic d = diag::UnknownStageOption(Span{}, *options.stage);
    if (auto best = closestMatch(*options.stage, stages)) d.withHelp(note::DidYouMean(*best));
    out.push_back(std::move(d.note(Span{}, note::TheStagesAre(joined(stages)))));
    return;
  }
  // Regions that failed to evaluate were reported where they are written.
  if (!options.region || regionsOfSelected.empty()) return;
  Diagnostic d = diag::NoStackInRegion(Span{}, *options.region,
                                       options.stage ? "stage `" + *options.stage + "` never" : "no stage");
  if (auto best = closestMatch(*options.region, regionsOfSelected)) d.withHelp(note::DidYouMean(*best));
  out.push_back(std::move(d.note(Span{}, note::TheRegionsAre(joined(regionsOfSelected)))));
}

}  // namespace

Analysis analyze(const std::vector<const ast::SourceUnit*>& userUnits, const std::vector<const ast::SourceUnit*>& stdlibUnits,
                 const AnalysisOptions& options) {
  Analysis analysis;
  auto start = Clock::now();
  analysis.program = Binder::bind(userUnits, stdlibUnits, options.programIncomplete, analysis.diagnostics);
  analysis.program->resourceSpec = options.resourceSpec;
  const Program& program = *analysis.program;
  TypeResolver types(program);
  analysis.times.bind = Clock::now() - start;

  start = Clock::now();
  if (program.project != nullptr) {
    std::set<std::string> stageNames;
    std::vector<std::string> regionsOfSelected;
    for (const auto* stage : program.stages) {
      if (!stage->name.valid() || (options.stage && *options.stage != stage->name.text)) continue;
      // A second `stage dev` is already JW2101; it adds no targets of its own.
      if (!stageNames.insert(stage->name.text).second) continue;
      for (const auto& region : stageRegions(*stage, program, types, analysis.diagnostics)) {
        if (std::find(regionsOfSelected.begin(), regionsOfSelected.end(), region) == regionsOfSelected.end()) {
          regionsOfSelected.push_back(region);
        }
        if (options.region && *options.region != region) continue;
        analysis.targets.push_back(Target{stage->name.text, region});
      }
    }
    if (analysis.targets.empty()) reportEmptySelection(program, options, regionsOfSelected, analysis.diagnostics);
  }
  // The declarations' own checks read only the bound program: on several
  // threads they are a task of their own beside the targets' (loading and
  // binding use one core), and their reports go where they would have gone
  // first.
  const unsigned threads = threadsFor(options.jobs, analysis.targets.size(), options.sourceBytes);
  const bool declarationsApart = threads > 1;
  Diagnostics declarationReports;
  const std::size_t declarationsAt = analysis.diagnostics.size();
  if (!declarationsApart) checkDeclarations(program, types, declarationReports);
  std::vector<std::vector<Diagnostic>> perTarget(analysis.targets.size());
  analysis.stacks.resize(analysis.targets.size());
  analysis.splitPredictions.resize(analysis.targets.size());
  // Evaluation fills the TypeResolver's cache, so each thread has its own;
  // the first is the one the stages' regions were read with.
  std::vector<std::unique_ptr<TypeResolver>> threadTypes;
  for (unsigned i = 1; i < threads; ++i) threadTypes.push_back(std::make_unique<TypeResolver>(program));
  std::vector<std::chrono::nanoseconds> evaluateTimes(analysis.targets.size()), rulesTimes(analysis.targets.size());
  // Each target's kept template, found before the threads start (one each).
  std::vector<emit::TemplateReuse*> reuse(analysis.targets.size(), nullptr);
  if (options.templateReuse != nullptr) {
    std::set<std::pair<std::string, std::string>> targets;
    for (std::size_t t = 0; t < analysis.targets.size(); ++t) {
      reuse[t] = &options.templateReuse->of(analysis.targets[t].stage, analysis.targets[t].region);
      targets.emplace(analysis.targets[t].stage, analysis.targets[t].region);
    }
    options.templateReuse->retain(targets);
  }
  // Each target's records of function and route models, found before the threads start.
  ModelMemo* previous = options.previousModels;
  if (previous != nullptr && (options.sources == nullptr || !memoApplies(*previous, *options.sources, program))) previous = nullptr;
  if (options.recordModels && options.keepModels && options.sources != nullptr) {
    analysis.models = startMemo(*options.sources, program, analysis.targets);
  }
  const bool routes = previous != nullptr && sameTypeNames(*previous, program);
  std::vector<ModelReuse> modelReuse(analysis.targets.size());
  for (std::size_t t = 0; t < analysis.targets.size(); ++t) {
    modelReuse[t] = ModelReuse(previous != nullptr ? previous->find(analysis.targets[t]) : nullptr,
                               previous != nullptr ? &previous->sources : nullptr,
                               analysis.models != nullptr ? analysis.models->find(analysis.targets[t]) : nullptr,
                               options.sources, routes);
  }
  // A target's split prediction reads only its stack, so it runs as a task
  // of its own once the target's other rules asked for it: two threads then
  // share three targets' work evenly (the prediction is about half of a split
  // stack's rules). Tasks run in order: every target's model and rules, then
  // the predictions, each waiting for its target's rules, which some thread
  // has taken already. A model is then alive until its prediction is made,
  // so a check that keeps only what the program rules read does this only
  // for projects whose models are small.
  const std::size_t count = analysis.targets.size();
  const bool predictApart =
      threads > 1 && count > 1 && (options.keepModels || options.sourceBytes < kSourceBytesToPredictApart);
  std::vector<SplitPredictionRequest> requests(predictApart ? count : 0);
  std::vector<Diagnostics> predictionReports(requests.size());
  std::vector<std::unique_ptr<std::latch>> asked;
  for (std::size_t t = 0; t < requests.size(); ++t) asked.push_back(std::make_unique<std::latch>(1));
  std::vector<std::chrono::nanoseconds> predictTimes(requests.size());
  // Per target, its two tasks not finished yet: the last one trims the model.
  std::vector<std::atomic<int>> unfinished(requests.size());
  for (auto& tasks : unfinished) tasks = 2;
  auto trim = [&](std::size_t t) {
    if (!options.keepModels && (!predictApart || --unfinished[t] == 0)) keepWhatProgramRulesRead(analysis.stacks[t]);
  };
  // The program rules read every target's functions and nothing a
  // prediction or a trim touches, so on several threads they are the last
  // task, overlapping the predictions, once every model is built (those
  // tasks were all handed out before it). Their reports still follow the
  // targets'.
  const bool programRulesApart = threads > 1 && count > 0;
  std::latch modelsBuilt(programRulesApart ? static_cast<std::ptrdiff_t>(count) : 0);
  Diagnostics programReports;
  std::chrono::nanoseconds programRulesTime{0};
  const std::size_t programRulesTask = count + requests.size();
  const std::size_t targetTasks = programRulesTask + (programRulesApart ? 1 : 0);
  // The declarations go last: the shortest task, it fills the time one
  // thread would otherwise wait for the other's last prediction.
  parallelFor(targetTasks + (declarationsApart ? 1 : 0), threads, [&](std::size_t task, unsigned thread) {
    if (task == targetTasks) {
      checkDeclarations(program, thread == 0 ? types : *threadTypes[thread - 1], declarationReports);
      return;
    }
    if (task == programRulesTask) {
      modelsBuilt.wait();
      const auto start = Clock::now();
      checkProgramRules(program, analysis.stacks, options.projectDir, programReports, options.handlerScans);
      programRulesTime = Clock::now() - start;
      return;
    }
    if (task >= count) {
      const std::size_t t = task - count;
      asked[t]->wait();
      const auto start = Clock::now();
      predictSplitFor(analysis.stacks[t], requests[t], reuse[t], &analysis.splitPredictions[t], predictionReports[t]);
      predictTimes[t] = Clock::now() - start;
      trim(t);
      return;
    }
    const std::size_t t = task;
    // Counted down however the rules end (an exception included): the
    // prediction's task must not wait for ever.
    struct CountDown {
      std::latch* latch;
      ~CountDown() {
        if (latch != nullptr) latch->count_down();
      }
    } countDown{predictApart ? asked[t].get() : nullptr}, modelBuilt{programRulesApart ? &modelsBuilt : nullptr};
    const auto evaluateStart = Clock::now();
    Evaluator evaluator(program, thread == 0 ? types : *threadTypes[thread - 1], analysis.targets[t], perTarget[t]);
    ModelBuilder builder(evaluator, std::move(modelReuse[t]));
    analysis.stacks[t] = builder.build(options.projectDir);
    // The program rules read the model only: they may start while the stack rules run.
    if (modelBuilt.latch != nullptr) std::exchange(modelBuilt.latch, nullptr)->count_down();
    // This check's record of the target: it notes which functions the rules
    // were quiet on, and came with that of the functions taken.
    TargetRecord* record = analysis.models != nullptr ? analysis.models->find(analysis.targets[t]) : nullptr;
    std::optional<QuietFunctions> quiet;
    if (record != nullptr) quiet.emplace(analysis.stacks[t], *record);
    // Numbered also without a check before, so that the next check's hint holds.
    if (reuse[t] != nullptr && (previous != nullptr || analysis.models != nullptr)) {
      reuse[t]->expectUnchanged(previous != nullptr ? previous->check : 0,
                                analysis.models != nullptr ? analysis.models->check : 0, builder.takeTakenFunctions(),
                                builder.takeTakenApis());
    }
    const auto rulesStart = Clock::now();
    evaluateTimes[t] = rulesStart - evaluateStart;
    checkStackRules(analysis.stacks[t], evaluator, perTarget[t], &analysis.splitPredictions[t], reuse[t],
                    predictApart ? &requests[t] : nullptr, quiet ? &*quiet : nullptr);
    if (quiet) quiet->record(*record);
    rulesTimes[t] = Clock::now() - rulesStart;
    // What only the stack rules and the emitters read goes now, while the
    // other targets are evaluated: peak memory holds one whole model per thread.
    trim(t);
  });
  analysis.diagnostics.insert(analysis.diagnostics.begin() + static_cast<std::ptrdiff_t>(declarationsAt),
                              std::make_move_iterator(declarationReports.begin()), std::make_move_iterator(declarationReports.end()));
  // The predictions' reports go where the template rules would have made them.
  for (std::size_t t = 0; t < requests.size(); ++t) {
    rulesTimes[t] += predictTimes[t];
    auto& reports = predictionReports[t];
    const auto at = perTarget[t].begin() + static_cast<std::ptrdiff_t>(std::min(requests[t].at, perTarget[t].size()));
    perTarget[t].insert(at, std::make_move_iterator(reports.begin()), std::make_move_iterator(reports.end()));
  }
  // On several threads the two stages overlap: their wall time is shared out
  // in proportion to the time the targets spent in each.
  const auto targetsWall = Clock::now() - start;
  double evaluateSum = 0, rulesSum = static_cast<double>(programRulesTime.count());
  for (std::size_t t = 0; t < analysis.targets.size(); ++t) {
    evaluateSum += static_cast<double>(evaluateTimes[t].count());
    rulesSum += static_cast<double>(rulesTimes[t].count());
  }
  const std::chrono::nanoseconds rulesTime{
      evaluateSum + rulesSum == 0 ? 0 : static_cast<std::int64_t>(static_cast<double>(targetsWall.count()) * rulesSum / (evaluateSum + rulesSum))};
  mergeTargets(perTarget, analysis.targets, analysis.diagnostics);
  analysis.times.evaluate = Clock::now() - start - rulesTime;

  start = Clock::now();
  if (programRulesApart) {
    analysis.diagnostics.insert(analysis.diagnostics.end(), std::make_move_iterator(programReports.begin()),
                                std::make_move_iterator(programReports.end()));
  } else {
    checkProgramRules(program, analysis.stacks, options.projectDir, analysis.diagnostics, options.handlerScans);
  }
  applyLintPolicy(program, userUnits, options.sources, analysis.diagnostics);
  analysis.times.rules = rulesTime + (Clock::now() - start);
  return analysis;
}

}  // namespace jaws::sema
