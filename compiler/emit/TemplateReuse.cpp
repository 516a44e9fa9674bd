#include "emit/TemplateReuse.h"

#include <algorithm>
#include <set>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "emit/JsonObjects.h"
#include "emit/cloudformation/CodeParameters.h"

namespace jaws::emit {

namespace {

bool hasEvents(const model::Stack& stack) {
  return std::any_of(stack.functions.begin(), stack.functions.end(), [](const model::Function& f) { return !f.events.empty(); });
}

template <typename Declaration>
bool sameNames(const std::vector<Declaration>& a, const std::vector<Declaration>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const auto& x, const auto& y) { return x.name == y.name; });
}

// A declaration's resources are kept under its name: two of one name (an
// error) would share them.
template <typename Declaration>
bool namesUnique(const std::vector<Declaration>& declarations) {
  // Sorted views: no node allocated per name (this runs on every prediction).
  std::vector<std::string_view> names;
  names.reserve(declarations.size());
  for (const auto& d : declarations) names.emplace_back(d.name);
  std::sort(names.begin(), names.end());
  return std::adjacent_find(names.begin(), names.end()) == names.end();
}

bool sameApiKinds(const model::Stack& a, const model::Stack& b) {
  return std::equal(a.apis.begin(), a.apis.end(), b.apis.begin(), b.apis.end(),
                    [](const model::Api& x, const model::Api& y) { return x.name == y.name && x.kind == y.kind; });
}

// An API's parts but its routes (and its place): the routes of an API the
// hint names are known unchanged. The bindings name every member, so this
// stops compiling when model::Api gains one.
bool samePartsButRoutes(const model::Api& a, const model::Api& b) {
  const auto& [name, kind, description, cors, auth, endpoint, validate, binaryMediaTypes, throttle, routes, span] = a;
  return name == b.name && kind == b.kind && description == b.description && cors == b.cors && auth == b.auth &&
         endpoint == b.endpoint && validate == b.validate && binaryMediaTypes == b.binaryMediaTypes && throttle == b.throttle &&
         routes.size() == b.routes.size();
}

// The CodeKey parameter of each source folder: a function's resources name theirs.
std::vector<std::pair<std::string, std::string>> codeKeyNames(const model::Stack& stack) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& parameter : codeParameters(stack, {})) out.emplace_back(parameter.name, parameter.source);
  return out;
}

}  // namespace

bool TemplateReuse::sameContext(const model::Stack& stack, bool functionNamesUnique) const {
  const model::Stack& last = *last_;
  // What a declaration's emitter reads besides the declaration: the project's
  // tags, the stage, the resources (an ARN's form), the types (an API's
  // schemas), the APIs' kinds (an API ID's form), the code parameters; the
  // template around them reads the outputs and the splitting policy. (The
  // functions' names, which a resource's DependsOn reads, are compared in
  // unchanged().)
  return last.project == stack.project && last.stage == stack.stage && last.stackName == stack.stackName &&
         last.projectDir == stack.projectDir && last.splitting == stack.splitting && last.resources == stack.resources &&
         last.outputs == stack.outputs && last.types == stack.types && sameApiKinds(last, stack) &&
         codeKeyNames(last) == codeKeyNames(stack) && !hasEvents(last) && !hasEvents(stack) &&
         namesUnique(stack.apis) && namesUnique(stack.resources) && lastFunctionNamesUnique_ && functionNamesUnique;
}

bool TemplateReuse::routesUnchanged(const model::Stack& stack, std::size_t index, const Hint* hint) const {
  if (hint == nullptr) return false;
  auto it = hint->apis.find(stack.apis[index].name);
  return it != hint->apis.end() && it->second == index && index < last_->apis.size();
}

std::map<std::string, std::map<std::string, Json>> TemplateReuse::unchanged(const model::Stack& stack,
                                                                          split::PredictionReuse& memo,
                                                                          const Hint* hint,
                                                                          const FunctionsByName& lastFunctions) {
  std::map<std::string, std::map<std::string, Json>> out;
  const bool functionNamesUnique = namesUnique(stack.functions);
  const bool same = last_ && sameContext(stack, functionNamesUnique);
  lastFunctionNamesUnique_ = functionNamesUnique;  // of the stack kept next (keepStack)
  if (!same) {
    graph_.reset();
    graphOwners_.clear();
    return out;
  }
  auto keep = [&](const std::string& owner) {
    auto it = emitted_.find(owner);
    if (it != emitted_.end()) out.insert(emitted_.extract(it));  // the node itself moves
  };
  // A function with an error is left out of the model: functions come and go.
  for (const auto& f : stack.functions) {
    auto it = lastFunctions.find(f.name);
    if (it == lastFunctions.end()) continue;
    if ((hint != nullptr && hint->functions.count(f.name) != 0) || *it->second == f) {
      keep("function:" + f.name);
    }
  }
  // The same APIs in the same order (sameContext): compared by position.
  for (std::size_t i = 0; i < stack.apis.size(); ++i) {
    const bool same = routesUnchanged(stack, i, hint) ? samePartsButRoutes(stack.apis[i], last_->apis[i])
                                                     : stack.apis[i] == last_->apis[i];
    if (same) keep("api:" + stack.apis[i].name);
  }
  // The resources are the same (sameContext); their DependsOn names functions.
  if (sameNames(last_->functions, stack.functions)) {
    for (const auto& resource : stack.resources) keep("resource:" + resource.name);
  }
  // What was measured and read of the resources kept goes to the prediction:
  // the others' (left in emitted_) are dropped, the kept ones' stay where
  // they are (sizes_ and readings_ hold only resources of emitted_). What
  // was read of the others is what the kept graph was built from: the
  // prediction compares it with what it reads of them now.
  for (const auto& [owner, resources] : emitted_) {
    for (const auto& [id, body] : resources) {
      sizes_.erase(id);
      if (auto reading = readings_.find(id); reading != readings_.end()) memo.replaced.insert(readings_.extract(reading));
    }
  }
  memo.sizes = std::move(sizes_);
  memo.readings = std::move(readings_);
  memo.graph = std::move(graph_);
  memo.owners = std::move(graphOwners_);
  graph_.reset();
  graphOwners_.clear();
  return out;
}

void TemplateReuse::keepStack(const model::Stack& stack, const Hint* hint, FunctionsByName& lastFunctions) {
  if (!last_) last_.emplace();
  model::Stack& kept = *last_;
  if (hint == nullptr) {
    kept.functions = stack.functions;
  } else {
    kept.functions = keptFunctions(stack, hint->functions, lastFunctions);
  }
  // An API whose routes the hint knows unchanged, and whose other parts are
  // the same, keeps the API kept before (equal, places aside: a route that
  // sets no auth has the API's, so the parts must be the same too).
  std::vector<std::uint8_t> routesKept(stack.apis.size(), 0);
  for (std::size_t i = 0; i < stack.apis.size(); ++i) {
    routesKept[i] = routesUnchanged(stack, i, hint) && samePartsButRoutes(stack.apis[i], last_->apis[i]) ? 1 : 0;
  }
  kept.apis.resize(stack.apis.size());
  for (std::size_t i = 0; i < stack.apis.size(); ++i) {
    if (routesKept[i] == 0) kept.apis[i] = stack.apis[i];
  }
  // Every part but the functions, copied over the stack kept before: a copy
  // assignment reuses the memory the parts already have (a new stack beside
  // the old one would take fresh pages for every API).
  kept.project = stack.project;
  kept.stage = stack.stage;
  kept.stackName = stack.stackName;
  kept.resources = stack.resources;
  kept.outputs = stack.outputs;
  kept.types = stack.types;
  kept.projectDir = stack.projectDir;
  kept.splitting = stack.splitting;
}

std::vector<model::Function> TemplateReuse::keptFunctions(const model::Stack& stack,
                                                          const std::unordered_set<std::string>& unchangedFunctions,
                                                          FunctionsByName& before) {
  std::vector<model::Function> functions;
  functions.reserve(stack.functions.size());
  for (const auto& f : stack.functions) {
    auto it = unchangedFunctions.count(f.name) != 0 ? before.find(f.name) : before.end();
    if (it != before.end()) {
      functions.push_back(std::move(*it->second));  // equal to `f`, places aside
      before.erase(it);
    } else {
      functions.push_back(f);
    }
  }
  return functions;
}

void TemplateReuse::finishPending() {
  if (!pending_) return;
  Pending pending = std::move(*pending_);
  pending_.reset();
  if (pending.document.contains("Resources")) {
    // The emitter writes Resources in logical-ID order, the order `owners`
    // keeps, and one declaration's resources mostly side by side: each owner
    // is found by walking forward, and each declaration's map once.
    auto next = pending.owners.begin();
    auto into = emitted_.end();
    for (auto& [id, body] : pending.document["Resources"].get_ref<Json::object_t&>()) {
      if (next != pending.owners.begin() && std::prev(next)->first >= id) next = pending.owners.lower_bound(id);  // out of order after all
      while (next != pending.owners.end() && next->first < id) ++next;
      const bool owned = next != pending.owners.end() && next->first == id;
      if (!owned || pending.rewritten.count(next->second) != 0) {
        // Not kept as emitted: nor what was measured and read of it. (A
        // resource no declaration owns is an event source's, and with event
        // sources nothing is kept.)
        sizes_.erase(id);
        readings_.erase(id);
        continue;
      }
      if (into == emitted_.end() || into->first != next->second) into = emitted_.try_emplace(next->second).first;
      into->second.emplace_hint(into->second.end(), id, std::move(body));
      ++next;
    }
  }
  if (graph_) graphOwners_ = std::move(pending.owners);
  releaseJson(pending.document);
}

split::SplitPrediction TemplateReuse::predict(const model::Stack& stack) {
  finishPending();
  // The hint holds when the last prediction was of the check it compares with.
  std::optional<Hint> hint = std::move(hint_);
  hint_.reset();
  const Hint* known = hint && hint->since != 0 && hint->since == lastCheck_ ? &*hint : nullptr;
  lastCheck_ = hint ? hint->now : 0;
  FunctionsByName lastFunctions;
  if (last_) {
    for (auto& f : last_->functions) lastFunctions.emplace(f.name, &f);
  }
  split::PredictionReuse memo;
  auto before = unchanged(stack, memo, known, lastFunctions);
  emitted_.clear();
  sizes_.clear();
  readings_.clear();
  lastEmitted_ = stack.functions.size() + stack.apis.size() + stack.resources.size() - before.size();

  split::SplitPrediction prediction =
      split::predictSplit(stack, emitTemplate(stack, {}, ContentHashes::Placeholder, &before), memo);

  // Each declaration's resources as emitted, for the next prediction; a
  // declaration one of whose resources the prediction rewrote (an uploaded
  // body) is emitted again next time.
  std::set<std::string> rewritten;
  for (const auto& id : memo.rewritten) {
    if (auto owner = memo.owners.find(id); owner != memo.owners.end()) rewritten.insert(owner->second);
  }
  sizes_ = std::move(memo.sizes);
  readings_ = std::move(memo.readings);
  lastRewritten_ = rewritten.size();
  lastGraphRefreshed_ = memo.graphRefreshed;
  graph_ = std::move(memo.graph);
  // Sorting the template's resources back by declaration is for the next
  // prediction only: finishPending() does it, on another thread if the
  // language server asks it to.
  pending_.emplace(Pending{std::move(memo.document), std::move(memo.owners), std::move(rewritten)});
  keepStack(stack, known, lastFunctions);
  return prediction;
}

void TemplateReuses::finishInBackground(std::function<void()> first) {
  waitForBackground();
  try {
    background_.emplace([this, first = std::move(first)] { runBackground(first); });
  } catch (const std::system_error&) {
    runBackground(first);  // no thread to spare
  }
}

void TemplateReuses::runBackground(const std::function<void()>& first) noexcept {
  try {
    if (first) first();
    for (auto& [target, reuse] : byTarget_) reuse.finishPending();
  } catch (...) {
    // A template half sorted back would mislead the next prediction: the
    // next check predicts from scratch instead.
    backgroundFailed_ = true;
  }
}

void TemplateReuses::waitForBackground() {
  background_.reset();
  if (backgroundFailed_) byTarget_.clear();
  backgroundFailed_ = false;
}

}  // namespace jaws::emit
