#include "sema/ModelReuse.h"

#include <algorithm>
#include <atomic>

#include "model/Places.h"

namespace jaws::sema {

namespace {

std::vector<std::string> fileKeys(const SourceManager& sources) {
  std::vector<std::string> keys;
  keys.reserve(sources.size());
  for (FileId id = 0; id < sources.size(); ++id) keys.push_back(sources.key(id));
  return keys;
}

bool functionNamesUnique(const Program& program) {
  std::set<std::string_view> names;
  for (const auto* f : program.functions) {
    if (!names.insert(f->name.text).second) return false;
  }
  return true;
}

std::vector<std::string> typeNamesOf(const Program& program) {
  std::vector<std::string> names;
  names.reserve(program.types.size());
  for (const auto* type : program.types) names.push_back(type->name.text);
  return names;
}

bool sameValue(const MaybeValue& a, const MaybeValue& b) {
  if (!a || !b) return !a && !b;
  return model::identical(*a, *b);
}

}  // namespace

TargetRecord* ModelMemo::find(const Target& target) {
  for (auto& [t, record] : targets) {
    if (t == target) return &record;
  }
  return nullptr;
}

bool memoApplies(const ModelMemo& previous, const SourceManager& sources, const Program& program) {
  return previous.files == fileKeys(sources) && previous.stages == program.stageNames() && functionNamesUnique(program);
}

std::shared_ptr<ModelMemo> startMemo(const SourceManager& sources, const Program& program, const std::vector<Target>& targets) {
  if (!functionNamesUnique(program)) return nullptr;  // a model is kept under its function's name
  static std::atomic<std::uint64_t> checks{0};
  auto memo = std::make_shared<ModelMemo>();
  memo->check = ++checks;
  memo->files = fileKeys(sources);
  memo->stages = program.stageNames();
  memo->typeNames = typeNamesOf(program);
  // Once for every target: a function's text is the same in each.
  memo->sources.reserve(program.functions.size());
  for (const auto* f : program.functions) {
    const SourceFile* file = sources.find(f->span.file);
    if (file == nullptr || f->span.end > file->size() || f->span.begin > f->span.end) continue;
    memo->sources.emplace(f->name.text, FunctionSource{std::string(file->text().substr(f->span.begin, f->span.size())), f->doc, f->span});
  }
  for (const auto& target : targets) memo->targets.emplace_back(target, TargetRecord{});
  return memo;
}

bool sameTypeNames(const ModelMemo& previous, const Program& program) { return previous.typeNames == typeNamesOf(program); }

void handOverModels(ModelMemo& memo, std::vector<model::Stack>& stacks, const std::vector<Target>& targets) {
  for (std::size_t t = 0; t < targets.size() && t < stacks.size(); ++t) {
    if (TargetRecord* record = memo.find(targets[t])) {
      record->models = std::move(stacks[t].functions);
      record->apis = std::move(stacks[t].apis);
    }
  }
}

std::string_view ModelReuse::textOf(Span span) const {
  const SourceFile* file = sources_->find(span.file);
  if (file == nullptr || span.end > file->size() || span.begin > span.end) return {};
  return file->text().substr(span.begin, span.end - span.begin);
}

void ModelReuse::startTarget(Evaluator& evaluator, const model::Stack& stack) {
  const model::Value& project = evaluator.projectValue();
  if (previous_ != nullptr &&
      !(model::identical(previous_->project, project) && previous_->failedProject == evaluator.failedProjectAttributes() &&
        previous_->projectModel == stack.project && previous_->stage == stack.stage)) {
    previous_ = nullptr;
  }
  if (next_ != nullptr) {
    next_->project = project;
    next_->failedProject = evaluator.failedProjectAttributes();
    next_->projectModel = stack.project;
    next_->stage = stack.stage;
  }
}

const MaybeValue* ModelReuse::current(const Read& read, Evaluator& evaluator) const {
  const Program& program = evaluator.program();
  if (read.kind == Read::Kind::StdlibLet) {
    auto it = program.stdlibLets.find(read.name);
    return it == program.stdlibLets.end() ? nullptr : &evaluator.letValue(*it->second);
  }
  const Symbol* symbol = program.lookup(read.name);
  if (symbol == nullptr || symbol->stdlib || symbol->decl == nullptr) return nullptr;
  if (read.kind == Read::Kind::Param && symbol->kind == SymbolKind::Param) {
    return &evaluator.paramValue(static_cast<const ast::ParamDecl&>(*symbol->decl));
  }
  if (read.kind == Read::Kind::Let && symbol->kind == SymbolKind::Let) {
    return &evaluator.letValue(static_cast<const ast::LetDecl&>(*symbol->decl));
  }
  return nullptr;
}

bool ModelReuse::replay(std::uint32_t number, Evaluator& evaluator) {
  if (number >= previous_->reads.size()) return false;
  if (replayed_.empty()) replayed_.assign(previous_->reads.size(), Replayed::Not);
  // A read replayed before in this target is answered from the evaluator's
  // cache, with nothing else done: its answer stands.
  if (replayed_[number] != Replayed::Not) return replayed_[number] == Replayed::Same;
  const Read& read = previous_->reads[number];
  bool same = false;
  if (read.kind == Read::Kind::Present) {
    const Symbol* symbol = evaluator.program().lookup(read.name);
    // present() without its report: a difference stops here.
    same = symbol != nullptr && !symbol->stdlib && symbol->decl != nullptr && symbol->kind == read.symbol &&
           evaluator.exists(*symbol->decl);
  } else if (const MaybeValue* now = current(read, evaluator)) {
    same = sameValue(previous_->values[number], *now);
  }
  replayed_[number] = same ? Replayed::Same : Replayed::Different;
  return same;
}

std::optional<std::uint32_t> ModelReuse::numberInNext(const Read& read, Evaluator& evaluator) {
  auto [it, added] = next_->readNumbers.try_emplace(std::make_pair(read.kind, read.name),
                                                    static_cast<std::uint32_t>(next_->reads.size()));
  if (!added) return it->second;
  MaybeValue value;
  if (read.kind != Read::Kind::Present) {
    const MaybeValue* now = current(read, evaluator);
    if (now == nullptr) {
      next_->readNumbers.erase(it);
      return std::nullopt;
    }
    value = *now;
  }
  next_->reads.push_back(read);
  next_->values.push_back(std::move(value));
  return it->second;
}

bool ModelReuse::replayAll(const std::vector<std::uint32_t>& reads, Evaluator& evaluator) {
  for (std::uint32_t number : reads) {
    if (!replay(number, evaluator)) return false;
  }
  return true;
}

bool ModelReuse::renumber(std::vector<std::uint32_t>& reads, Evaluator& evaluator) {
  if (renumbered_.empty()) renumbered_.resize(previous_->reads.size());
  for (auto& number : reads) {
    // Replayed the same, so its name finds what it found before.
    if (!renumbered_[number]) renumbered_[number] = numberInNext(previous_->reads[number], evaluator);
    if (!renumbered_[number]) return false;  // cannot happen; the record is then dropped
    number = *renumbered_[number];
  }
  return true;
}

std::optional<std::vector<std::uint32_t>> ModelReuse::numbered(const ReadLog& log, Evaluator& evaluator) {
  // A read repeated is answered from the evaluator's cache, with nothing
  // else done: replaying the first is enough.
  std::vector<std::uint32_t> out;
  std::set<std::uint32_t> seen;
  for (const auto& read : log.reads) {
    const auto number = numberInNext(read, evaluator);
    if (!number) return std::nullopt;  // its name finds nothing now: nothing to compare it with next time
    if (seen.insert(*number).second) out.push_back(*number);
  }
  return out;
}

bool ModelReuse::take(const ast::FunctionDecl& decl, Evaluator& evaluator, model::Stack& stack) {
  if (previous_ == nullptr || previousSources_ == nullptr || sources_ == nullptr) return false;
  auto it = previous_->functions.find(decl.name.text);
  auto source = previousSources_->find(decl.name.text);
  if (it == previous_->functions.end() || source == previousSources_->end()) return false;
  FunctionRecord& before = it->second;
  const Span was = source->second.span;
  if (was.file != decl.span.file || source->second.doc != decl.doc || source->second.text != textOf(decl.span) ||
      (before.index && *before.index >= previous_->models.size())) {
    return false;
  }
  if (!replayAll(before.reads, evaluator)) return false;
  taken_.insert(decl.name.text);
  FunctionRecord taken = std::move(before);
  previous_->functions.erase(it);
  if (taken.index) {
    model::Function& function = stack.functions.emplace_back(std::move(previous_->models[*taken.index]));
    model::shiftPlaces(function, model::PlaceShift{was.file, was.begin, was.end,
                                                   static_cast<std::int64_t>(decl.span.begin) - was.begin});
    taken.index = stack.functions.size() - 1;
  }
  if (next_ != nullptr && renumber(taken.reads, evaluator)) {
    next_->functions.emplace(decl.name.text, std::move(taken));
    ++next_->taken;
  }
  return true;
}

void ModelReuse::record(const ast::FunctionDecl& decl, ReadLog log, bool reported, std::optional<std::size_t> index,
                        Evaluator& evaluator, const model::Stack& stack) {
  if (next_ == nullptr || sources_ == nullptr || reported || log.unrepeatable) return;
  if (index && !stack.functions[*index].events.empty()) return;  // events are not moved (model/Places.h)
  auto reads = numbered(log, evaluator);
  if (!reads) return;
  next_->functions.emplace(decl.name.text, FunctionRecord{std::move(*reads), index});
}

bool ModelReuse::takeRoute(const ast::Route& route, std::size_t apiIndex, model::Api& api, Evaluator& evaluator) {
  if (!routes_ || previous_ == nullptr || sources_ == nullptr) return false;
  auto routes = previous_->routes.find(api.name);
  if (routes == previous_->routes.end()) return false;
  const std::string_view text = textOf(route.span);
  auto it = routes->second.find(text);
  if (it == routes->second.end()) return false;
  RouteRecord& before = it->second;
  if (before.span.file != route.span.file || before.doc != route.doc ||
      (before.index && (before.api >= previous_->apis.size() || *before.index >= previous_->apis[before.api].routes.size()))) {
    return false;
  }
  if (!replayAll(before.reads, evaluator)) return false;
  RouteRecord taken = std::move(before);
  routes->second.erase(it);
  if (taken.index) {
    takenRoutes_.push_back({api.routes.size(), {taken.api, *taken.index}});
    model::Route& model = api.routes.emplace_back(std::move(previous_->apis[taken.api].routes[*taken.index]));
    const Span was = taken.span;
    model::shiftPlaces(model, model::PlaceShift{was.file, was.begin, was.end,
                                                static_cast<std::int64_t>(route.span.begin) - was.begin});
    if (taken.apiAuth) model.auth = api.auth;
    taken.api = apiIndex;
    taken.index = api.routes.size() - 1;
  }
  if (next_ != nullptr && renumber(taken.reads, evaluator)) {
    taken.span = route.span;
    next_->routes[api.name].emplace(text, std::move(taken));
    ++next_->takenRoutes;
  }
  return true;
}

void ModelReuse::recordRoute(const ast::Route& route, std::size_t apiIndex, const model::Api& api, ReadLog log,
                             bool reported, std::optional<std::size_t> index, bool apiAuth, Evaluator& evaluator) {
  if (next_ == nullptr || sources_ == nullptr || reported || log.unrepeatable) return;
  // Its target is a function of the program, whose presence it read: a
  // route to anything else is not kept.
  const Symbol* target = evaluator.program().lookup(route.target.text);
  if (target == nullptr || target->kind != SymbolKind::Function || target->stdlib || target->decl == nullptr) return;
  auto reads = numbered(log, evaluator);
  if (!reads) return;
  RouteRecord record{std::move(*reads), route.doc, route.span, apiIndex, index, apiAuth};
  next_->routes[api.name].emplace(textOf(route.span), std::move(record));
}

void ModelReuse::finishApi(const model::Api& api) {
  std::vector<TakenRoute> taken = std::move(takenRoutes_);
  takenRoutes_.clear();
  if (taken.empty() || taken.size() != api.routes.size()) return;
  const std::size_t before = taken.front().from.first;
  if (previous_ == nullptr || before >= previous_->apis.size() || previous_->apis[before].routes.size() != taken.size()) return;
  for (std::size_t i = 0; i < taken.size(); ++i) {
    if (taken[i].index != i || taken[i].from != std::make_pair(before, i)) return;
  }
  takenApis_.emplace(api.name, before);
}

}  // namespace jaws::sema
