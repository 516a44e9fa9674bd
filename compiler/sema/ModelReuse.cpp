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

void handOverModels(ModelMemo& memo, std::vector<model::Stack>& stacks, const std::vector<Target>& targets) {
  for (std::size_t t = 0; t < targets.size() && t < stacks.size(); ++t) {
    if (TargetRecord* record = memo.find(targets[t])) record->models = std::move(stacks[t].functions);
  }
}

std::string_view FunctionReuse::textOf(Span span) const {
  const SourceFile* file = sources_->find(span.file);
  if (file == nullptr || span.end > file->size() || span.begin > span.end) return {};
  return file->text().substr(span.begin, span.end - span.begin);
}

void FunctionReuse::startTarget(Evaluator& evaluator, const model::Stack& stack) {
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

const MaybeValue* FunctionReuse::current(const Read& read, Evaluator& evaluator) const {
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

bool FunctionReuse::replay(const Read& read, Evaluator& evaluator) {
  if (read.kind == Read::Kind::Present) {
    const Symbol* symbol = evaluator.program().lookup(read.name);
    if (symbol == nullptr || symbol->stdlib || symbol->decl == nullptr || symbol->kind != read.symbol) return false;
    return evaluator.exists(*symbol->decl);  // present() without its report: a difference stops here
  }
  const MaybeValue* now = current(read, evaluator);
  if (now == nullptr) return false;
  const auto key = std::make_pair(read.kind, read.name);
  if (auto known = same_.find(key); known != same_.end()) return known->second;
  auto before = previous_->values.find(key);
  const bool same = before != previous_->values.end() && sameValue(before->second, *now);
  same_.emplace(key, same);
  return same;
}

bool FunctionReuse::take(const ast::FunctionDecl& decl, Evaluator& evaluator, model::Stack& stack) {
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
  for (const auto& read : before.reads) {
    if (!replay(read, evaluator)) return false;
  }
  taken_.insert(decl.name.text);
  FunctionRecord taken = std::move(before);
  previous_->functions.erase(it);
  if (taken.index) {
    model::Function function = std::move(previous_->models[*taken.index]);
    model::shiftPlaces(function, model::PlaceShift{was.file, was.begin, was.end,
                                                   static_cast<std::int64_t>(decl.span.begin) - was.begin});
    taken.index = stack.functions.size();
    stack.functions.push_back(std::move(function));
  }
  if (next_ != nullptr) {
    for (const auto& read : taken.reads) {
      const auto key = std::make_pair(read.kind, read.name);
      if (read.kind == Read::Kind::Present || next_->values.count(key) != 0) continue;
      if (const MaybeValue* now = current(read, evaluator)) next_->values.emplace(key, *now);
    }
    next_->functions.emplace(decl.name.text, std::move(taken));
    ++next_->taken;
  }
  return true;
}

void FunctionReuse::record(const ast::FunctionDecl& decl, ReadLog log, bool reported, std::optional<std::size_t> index,
                           Evaluator& evaluator, const model::Stack& stack) {
  if (next_ == nullptr || sources_ == nullptr || reported || log.unrepeatable) return;
  if (index && !stack.functions[*index].events.empty()) return;  // events are not moved (model/Places.h)
  for (const auto& read : log.reads) {
    const auto key = std::make_pair(read.kind, read.name);
    if (read.kind == Read::Kind::Present || next_->values.count(key) != 0) continue;
    const MaybeValue* now = current(read, evaluator);
    if (now == nullptr) return;  // its name finds nothing now: nothing to compare it with next time
    next_->values.emplace(key, *now);
  }
  // A read repeated is answered from the evaluator's cache, with nothing
  // else done: replaying the first is enough.
  std::set<std::pair<Read::Kind, std::string>> seen;
  std::erase_if(log.reads, [&](const Read& read) { return !seen.emplace(read.kind, read.name).second; });
  FunctionRecord record;
  record.reads = std::move(log.reads);
  record.index = index;
  next_->functions.emplace(decl.name.text, std::move(record));
}

}  // namespace jaws::sema
