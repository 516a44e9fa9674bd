#pragma once
// Semantic analysis of a parsed project: bind, check declarations, then
// evaluate the program for every (stage, region) target into a model::Stack,
// run the AWS rules and the lints, and merge the diagnostics of all targets:
// a problem found in only some targets is reported once, with a note naming
// them.
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "diag/Diagnostic.h"
#include "model/Model.h"
#include "sema/Program.h"
#include "sema/Target.h"
#include "source/SourceManager.h"

namespace jaws::emit {
class TemplateReuses;
}  // namespace jaws::emit

namespace jaws::stubs {
class ExportScanCache;
}  // namespace jaws::stubs

namespace jaws::emit::split {
struct SplitPrediction;
}  // namespace jaws::emit::split

namespace jaws::sema {

struct ModelMemo;

struct AnalysisOptions {
  std::optional<std::string> stage;   // restrict to one stage
  std::optional<std::string> region;  // restrict to one region
  std::string projectDir;             // absolute; handler files are looked up below it
  const SourceManager* sources = nullptr;  // the files' text: `// jaws-disable-next-line` comments are read from it
  // A file of the program could not be read, found or parsed in full: its own
  // error says so, and "no project"/"no stage" would only repeat it.
  bool programIncomplete = false;
  // The resource specification of the standard library in use, if it has one.
  const cfnspec::ResourceSpec* resourceSpec = nullptr;
  // Threads that evaluate and check the targets (0: one per hardware
  // thread). The results do not depend on it.
  unsigned jobs = 0;
  // Bytes of the user's files: with `jobs` 0, a small program's targets stay
  // on one thread (source/ParallelFor.h).
  std::size_t sourceBytes = 0;
  // False when the caller reads only the diagnostics (`jaws check`): each
  // target's model is cut down to what the program rules read once its own
  // rules have run (rules/Rules.h), so Analysis::stacks hold no API, resource
  // or type, and no function's environment, permissions, tags or layers.
  bool keepModels = true;
  // The language server's, kept from one check to the next: each target's
  // split prediction emits and reads again only the declarations that
  // changed (emit/TemplateReuse.h). None: every prediction starts afresh.
  emit::TemplateReuses* templateReuse = nullptr;
  // The language server's: the function models the check before kept
  // (handed over, sema/ModelReuse.h), taken where nothing they depend on
  // changed; and whether this check keeps its own for the next (needs
  // `sources` and `keepModels`).
  ModelMemo* previousModels = nullptr;
  bool recordModels = false;
  // The language server's, kept between checks: what the handler lint found
  // each module to export (stubs/ExportScanCache.h). None: read every time.
  stubs::ExportScanCache* handlerScans = nullptr;
};

struct AnalysisTimes {
  std::chrono::nanoseconds bind{0}, evaluate{0}, rules{0};
};

struct Analysis {
  std::unique_ptr<Program> program;
  std::vector<Target> targets;
  std::vector<model::Stack> stacks;  // one per target, same order
  // The split the template rules planned for each stack (null where they
  // needed none), so that `jaws check --stats` reports it without planning
  // it again.
  std::vector<std::shared_ptr<const emit::split::SplitPrediction>> splitPredictions;
  Diagnostics diagnostics;
  AnalysisTimes times;
  // What the next check may take of this one's function models (with
  // AnalysisOptions::recordModels): hand it over with handOverModels.
  std::shared_ptr<ModelMemo> models;
};

Analysis analyze(const std::vector<const ast::SourceUnit*>& userUnits, const std::vector<const ast::SourceUnit*>& stdlibUnits,
                 const AnalysisOptions& options);

}  // namespace jaws::sema
