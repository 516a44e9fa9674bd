#pragma once
// The language server checks a project again on every edit, and a stack over
// CloudFormation's quotas has its split predicted each time: the template
// emitted, every resource measured and read. An edit changes one declaration
// or a few; TemplateReuse keeps, for one stack (one target), what the last
// prediction emitted, measured and read of each declaration, and the next
// prediction emits and reads again only the declarations whose model changed
// (model/Comparable.h: the same deployment, wherever written). The
// prediction is the one `jaws check` makes from scratch; a test holds the two
// to the same result after random edits.
//
// Nothing is reused when what every declaration's resources depend on
// changed (the project, the stage, the splitting policy, the resources, types
// or outputs, the APIs' names and kinds, the code parameters), when two
// declarations share a name, or when a function has event sources, whose
// emitters change resources that other declarations emitted.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "emit/cloudformation/CloudFormationEmitter.h"
#include "emit/split/StackSplitter.h"
#include "model/Model.h"
#include "source/ParallelFor.h"

namespace jaws::emit {

class TemplateReuse {
 public:
  // split::predictSplit(stack, emitTemplate(stack, {}, ContentHashes::Placeholder)),
  // from what changed since the last call.
  split::SplitPrediction predict(const model::Stack& stack);
  // What the last predict() left for the next one: the template's resources
  // sorted back by declaration. The next predict() does it first if nothing
  // did it before; the language server has it done on another thread
  // (TemplateReuses::finishInBackground).
  void finishPending();

  // Before predict(): the functions whose model is the one they had in the
  // check numbered `since`, taken from it (sema/ModelReuse.h), in the check
  // numbered `now` (0: a check that numbers nothing); and the APIs all of
  // whose routes were taken, in order, from the API at the given place in
  // that check's stack, which had no others. When the last prediction was
  // that check's, they are known unchanged without comparing their models
  // (an API's parts but its routes are compared), and the kept stack keeps
  // its copies of them.
  void expectUnchanged(std::uint64_t since, std::uint64_t now, std::unordered_set<std::string> functions,
                       std::map<std::string, std::size_t> apis = {}) {
    hint_ = Hint{since, now, std::move(functions), std::move(apis)};
  }

  // Declarations the last call emitted again, and those whose resources its
  // prediction rewrote (an uploaded body): a test's figures.
  std::size_t lastEmitted() const { return lastEmitted_; }
  std::size_t lastRewritten() const { return lastRewritten_; }
  // Whether the last call planned the graph the one before kept, brought up
  // to date (split::refreshResourceGraph): a test's figure.
  bool lastGraphRefreshed() const { return lastGraphRefreshed_; }

 private:
  // What the last prediction's stack and `stack` share that all their
  // declarations' resources depend on. `functionNamesUnique`: of `stack`'s.
  bool sameContext(const model::Stack& stack, bool functionNamesUnique) const;
  struct Hint {
    std::uint64_t since = 0, now = 0;
    std::unordered_set<std::string> functions;
    std::map<std::string, std::size_t> apis;
  };
  // The resources of the declarations whose model did not change, by owner,
  // with their sizes and readings moved into `memo`.
  // `hint`: what is known unchanged without comparing (null: nothing).
  // The kept stack's functions by name, looked up by unchanged() and taken
  // from by keptFunctions(): built once per prediction.
  using FunctionsByName = std::map<std::string_view, model::Function*>;
  std::map<std::string, std::map<std::string, Json>> unchanged(const model::Stack& stack, split::PredictionReuse& memo,
                                                               const Hint* hint, const FunctionsByName& lastFunctions);
  // Whether the hint knows the routes of the stack's API at `index` unchanged.
  bool routesUnchanged(const model::Stack& stack, std::size_t index, const Hint* hint) const;

  // Keeps `stack` for the next prediction; a function the hint names moves
  // from the stack kept before instead of being copied, and an API whose
  // routes it knows unchanged keeps the routes kept before.
  void keepStack(const model::Stack& stack, const Hint* hint, FunctionsByName& lastFunctions);
  // The stack's functions, those the hint names moved from the kept stack
  // (and out of `lastFunctions`).
  std::vector<model::Function> keptFunctions(const model::Stack& stack, const std::unordered_set<std::string>& unchangedFunctions,
                                             FunctionsByName& lastFunctions);

  // The last prediction's template and owners, and the declarations whose
  // resources it rewrote: what finishPending() sorts back into emitted_.
  struct Pending {
    Json document;
    std::map<std::string, std::string> owners;
    std::set<std::string> rewritten;
  };
  std::optional<Pending> pending_;
  std::optional<Hint> hint_;
  std::uint64_t lastCheck_ = 0;  // the check of the last prediction (0: unnumbered)
  std::optional<model::Stack> last_;
  bool lastFunctionNamesUnique_ = false;  // of last_'s functions
  std::map<std::string, std::map<std::string, Json>> emitted_;  // by owner: the resources as emitted
  split::ResourceSizes sizes_;                                   // by logical ID
  split::ResourceReadings readings_;                             // by logical ID
  // Of the last prediction, for the next one's: its graph, and the owners
  // that graph was built with.
  std::optional<split::KeptGraph> graph_;
  std::map<std::string, std::string> graphOwners_;
  std::size_t lastEmitted_ = 0, lastRewritten_ = 0;
  bool lastGraphRefreshed_ = false;
};

// A TemplateReuse per target (stage, region), kept by the language server
// from one check of a project to the next.
class TemplateReuses {
 public:
  // The target's, made on first use. Not safe to call from several threads;
  // the TemplateReuse it returns is used by one at a time.
  TemplateReuse& of(const std::string& stage, const std::string& region) {
    waitForBackground();
    return byTarget_[{stage, region}];
  }
  // Forgets the targets a check no longer has.
  void retain(const std::set<std::pair<std::string, std::string>>& targets) {
    waitForBackground();
    std::erase_if(byTarget_, [&](const auto& entry) { return targets.count(entry.first) == 0; });
  }
  // Runs `first` (when set), then every target's finishPending(), on a thread
  // of its own, while the caller loads and binds the next check on one core;
  // of() and retain() wait for it. Without a thread to spare, both run here.
  void finishInBackground(std::function<void()> first);

 private:
  void waitForBackground();
  // `first`, then every target's finishPending(); if either throws (out of
  // memory), the kept templates are forgotten once it is waited for.
  void runBackground(const std::function<void()>& first) noexcept;

  std::map<std::pair<std::string, std::string>, TemplateReuse> byTarget_;
  bool backgroundFailed_ = false;
  std::optional<HelperThread> background_;  // after byTarget_: destroyed (joined) first
};

}  // namespace jaws::emit
