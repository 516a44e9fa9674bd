#pragma once
// The language server checks a project again on every edit, and evaluating
// every function block of every target was a third of an edit's time. A
// function whose text did not change, and whose evaluation read the same
// values as in the check before, has the same model: the check takes that
// model, its places moved with its text (model/Places.h), instead of
// evaluating the block again. `jaws check` and `jaws build` keep nothing.
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
  std::map<std::string, FunctionRecord, std::less<>> functions;
  // The stack's function models, moved in whole when the check is handed
  // over (handOverModels): FunctionRecord::index points here then.
  std::vector<model::Function> models;
  std::size_t taken = 0;  // of these, how many were taken from the check before (a test's figure)
};

// What one check kept of its function models for the next.
struct ModelMemo {
  std::uint64_t check = 0;          // numbers the checks of a process, from 1
  std::vector<std::string> files;   // the program's file keys, by FileId
  std::vector<std::string> stages;  // Program::stageNames()
  std::unordered_map<std::string, FunctionSource> sources;  // by function name
  std::vector<std::pair<Target, TargetRecord>> targets;
  TargetRecord* find(const Target& target);
};

// Whether `previous` (a check's memo, handed over) can serve a program with
// these files and this program; false also when function names repeat.
bool memoApplies(const ModelMemo& previous, const SourceManager& sources, const Program& program);
// A new memo for this check, with an empty record per target.
std::shared_ptr<ModelMemo> startMemo(const SourceManager& sources, const Program& program, const std::vector<Target>& targets);

// Moves each target's function models out of its stack into the memo: what
// the next check may take. The stacks are left without functions.
void handOverModels(ModelMemo& memo, std::vector<model::Stack>& stacks, const std::vector<Target>& targets);

// One target's side of it, used by the ModelBuilder.
class FunctionReuse {
 public:
  FunctionReuse() = default;
  // `previousSources`: the functions as the check before saw them.
  FunctionReuse(TargetRecord* previous, const std::unordered_map<std::string, FunctionSource>* previousSources,
                TargetRecord* next, const SourceManager* sources)
      : previous_(previous), previousSources_(previousSources), next_(next), sources_(sources) {}

  // Compares the target's context with the check before (dropping the
  // previous record when it differs), and records it for the next.
  void startTarget(Evaluator& evaluator, const model::Stack& stack);
  // Takes `decl`'s model from the check before into `stack` (and records it
  // for the next check); false when it cannot, and the block is evaluated.
  bool take(const ast::FunctionDecl& decl, Evaluator& evaluator, model::Stack& stack);
  bool recording() const { return next_ != nullptr; }
  // The functions take() took, by name.
  std::set<std::string>& taken() { return taken_; }
  // Records an evaluation of `decl`: its reads, whether it reported
  // something, and where its model went (none when it gave none).
  void record(const ast::FunctionDecl& decl, ReadLog log, bool reported, std::optional<std::size_t> index,
              Evaluator& evaluator, const model::Stack& stack);

 private:
  std::string_view textOf(Span span) const;
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
  std::set<std::string> taken_;
};

}  // namespace jaws::sema
