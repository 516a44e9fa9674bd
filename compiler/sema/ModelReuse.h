#pragma once
// The language server checks a project again on every edit, and evaluating
// every function block and route of every target was a third of an edit's
// time. A function or a route whose text did not change, and whose evaluation
// read the same values as in the check before, has the same model: the check
// takes that model, its places moved with its text (model/Places.h), instead
// of evaluating it again. `jaws check` and `jaws build` keep nothing.
//
// A function's model is taken in a target only when:
// - the program's files are the same, in the same order (places name files
//   by number), its function names are unique and its stages the same;
// - the project block's value (places included) and its failed attributes,
//   and the target's project and stage in the model, are the same;
// - the function's text (from its first decorator to its closing brace) and
//   doc comment are the same, in the same file;
// - its evaluation reported nothing, gave no event sources and read nothing
//   a replay cannot repeat (sema/ReadLog.h);
// - replaying its reads in their order finds the same values at the same
//   places, and the same declarations present.
// A route's model is taken on the same terms, its text (decorators to the
// end of its body) and doc the same in an API of the same name, its target a
// function of the program. Its schemas name the program's types (a `$ref`),
// so the program's type names must be the same too; a route that sets no
// `auth` of its own takes the API's as it is now.
// Replaying the reads is what evaluating the block does first, in the same
// order, so a replay that stops at a difference has done nothing the
// evaluation would not do; the block is then evaluated as usual.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "model/Model.h"
#include "sema/Evaluator.h"
#include "sema/ReadLog.h"
#include "sema/Target.h"
#include "source/SourceManager.h"

namespace jaws::sema {

struct FunctionRecord {
  std::vector<std::uint32_t> reads;  // TargetRecord::reads, in the order first read
  std::optional<std::size_t> index;  // its model's place in the stack's functions (none: it has none here)
  // The rules that look at one function reported nothing on its model
  // (sema/rules/QuietFunctions.h); a taken record keeps it.
  bool quiet = false;
};

struct RouteRecord {
  std::vector<std::uint32_t> reads;  // as FunctionRecord's
  std::string doc;
  Span span;  // where it was written
  // Its model's place: the API's in the stack's APIs, its own in the API's
  // routes (none: it has none here).
  std::size_t api = 0;
  std::optional<std::size_t> index;
  bool apiAuth = false;  // it sets no `auth`: its model has the API's
};

// A function declaration as the check saw it, the same in every target.
struct FunctionSource {
  std::string text;  // from its first decorator to its closing brace (ast::Decl::span)
  std::string doc;
  Span span;
};

struct TargetRecord {
  model::Value project;                 // the project block's value
  std::set<std::string> failedProject;  // its attributes with errors
  model::Project projectModel;
  model::Stage stage;
  // Every read of the functions, once per target, and the value it found
  // (none for a Present read): a function's record numbers its reads here,
  // so a replay compares each value once per check.
  std::vector<Read> reads;
  std::vector<MaybeValue> values;
  std::map<std::pair<Read::Kind, std::string>, std::uint32_t> readNumbers;
  std::unordered_map<std::string, FunctionRecord> functions;
  // By API name, then by the route's text.
  std::map<std::string, std::map<std::string, RouteRecord, std::less<>>, std::less<>> routes;
  // The stack's function models and APIs, moved in whole when the check is
  // handed over (handOverModels): the records' indices point here then.
  std::vector<model::Function> models;
  std::vector<model::Api> apis;
  // Of the functions and routes, how many were taken from the check before (a test's figures).
  std::size_t taken = 0, takenRoutes = 0;
  // Of the functions, how many the rules that look at one function skipped (a test's figure).
  std::size_t quietSkipped = 0;
};

// What one check kept of its function models for the next.
struct ModelMemo {
  std::uint64_t check = 0;          // numbers the checks of a process, from 1
  std::vector<std::string> files;   // the program's file keys, by FileId
  std::vector<std::string> stages;  // Program::stageNames()
  std::vector<std::string> typeNames;  // the program's `type` declarations', in order
  std::unordered_map<std::string, FunctionSource> sources;  // by function name
  std::vector<std::pair<Target, TargetRecord>> targets;
  TargetRecord* find(const Target& target);
};

// Whether `previous` (a check's memo, handed over) can serve a program with
// these files and this program; false also when function names repeat.
bool memoApplies(const ModelMemo& previous, const SourceManager& sources, const Program& program);
// A new memo for this check, with an empty record per target.
std::shared_ptr<ModelMemo> startMemo(const SourceManager& sources, const Program& program, const std::vector<Target>& targets);

// Whether the program's type names are those `previous` saw: routes are
// taken only then.
bool sameTypeNames(const ModelMemo& previous, const Program& program);

// Moves each target's function models and APIs out of its stack into the
// memo: what the next check may take. The stacks are left without them.
void handOverModels(ModelMemo& memo, std::vector<model::Stack>& stacks, const std::vector<Target>& targets);

// One target's side of it, used by the ModelBuilder.
class ModelReuse {
 public:
  ModelReuse() = default;
  // `previousSources`: the functions as the check before saw them.
  // `routes`: whether routes may be taken (sameTypeNames).
  ModelReuse(TargetRecord* previous, const std::unordered_map<std::string, FunctionSource>* previousSources,
             TargetRecord* next, const SourceManager* sources, bool routes)
      : previous_(previous), previousSources_(previousSources), next_(next), sources_(sources), routes_(routes) {}

  // Compares the target's context with the check before (dropping the
  // previous record when it differs), and records it for the next.
  void startTarget(Evaluator& evaluator, const model::Stack& stack);
  // Takes `decl`'s model from the check before into `stack` (and records it
  // for the next check); false when it cannot, and the block is evaluated.
  bool take(const ast::FunctionDecl& decl, Evaluator& evaluator, model::Stack& stack);
  bool recording() const { return next_ != nullptr; }
  // The functions take() took, by name.
  std::unordered_set<std::string>& taken() { return taken_; }
  // Records an evaluation of `decl`: its reads, whether it reported
  // something, and where its model went (none when it gave none).
  void record(const ast::FunctionDecl& decl, ReadLog log, bool reported, std::optional<std::size_t> index,
              Evaluator& evaluator, const model::Stack& stack);

  // Takes `route`'s model from the check before into `api` (being built, at
  // `apiIndex` in the stack's APIs): false when it cannot, and the route is
  // evaluated.
  bool takeRoute(const ast::Route& route, std::size_t apiIndex, model::Api& api, Evaluator& evaluator);
  // Records an evaluation of `route`: as record(); `apiAuth`: the model has
  // the API's auth, the route setting none.
  void recordRoute(const ast::Route& route, std::size_t apiIndex, const model::Api& api, ReadLog log, bool reported,
                   std::optional<std::size_t> index, bool apiAuth, Evaluator& evaluator);
  // Called when `api` is complete: whether all its routes were taken, in
  // their order, from one API of the check before that had no others.
  void finishApi(const model::Api& api);
  // The APIs finishApi() found taken whole, by name, with that API's place
  // in the check before's stack (the kept template's hint, emit/TemplateReuse.h).
  std::map<std::string, std::size_t>& takenApis() { return takenApis_; }

 private:
  std::string_view textOf(Span span) const;
  // Replays the reads of a record of the check before: whether all find the same.
  bool replayAll(const std::vector<std::uint32_t>& reads, Evaluator& evaluator);
  // Numbers a taken record's reads for the next record; false when one finds nothing.
  bool renumber(std::vector<std::uint32_t>& reads, Evaluator& evaluator);
  // The next record's numbers of a logged evaluation's reads, each once;
  // none when one finds nothing now.
  std::optional<std::vector<std::uint32_t>> numbered(const ReadLog& log, Evaluator& evaluator);
  // The read's current value (its first evaluation, if it is the first).
  const MaybeValue* current(const Read& read, Evaluator& evaluator) const;
  // Replays the previous record's read `number`: whether it finds the same.
  bool replay(std::uint32_t number, Evaluator& evaluator);
  // The next record's number for `read`, its value recorded on first use;
  // none when its name finds nothing now.
  std::optional<std::uint32_t> numberInNext(const Read& read, Evaluator& evaluator);

  TargetRecord* previous_ = nullptr;
  const std::unordered_map<std::string, FunctionSource>* previousSources_ = nullptr;
  TargetRecord* next_ = nullptr;
  const SourceManager* sources_ = nullptr;
  // Per read of the check before: not replayed yet, found the same, or not.
  enum class Replayed : std::uint8_t { Not, Same, Different };
  std::vector<Replayed> replayed_;
  // Per read of the check before: its number in the next record, once known.
  std::vector<std::optional<std::uint32_t>> renumbered_;
  std::unordered_set<std::string> taken_;
  bool routes_ = false;
  // The API being built: the routes taken into it, and from where (API, route).
  struct TakenRoute {
    std::size_t index;
    std::pair<std::size_t, std::size_t> from;
  };
  std::vector<TakenRoute> takenRoutes_;
  std::map<std::string, std::size_t> takenApis_;
};

}  // namespace jaws::sema
