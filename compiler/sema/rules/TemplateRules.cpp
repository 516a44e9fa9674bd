// Rules on the template a stack will become: every logical ID the emitter
// will write (emit/CfnNames.h names them all) is unique and short enough,
// and the template stays within CloudFormation's resource and output quotas.
#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>
#include <vector>

#include "diag/Builders.h"
#include "emit/apidocs/ApiSecurity.h"
#include "emit/cloudformation/CfnNames.h"
#include "emit/cloudformation/CloudFormationEmitter.h"
#include "emit/cloudformation/CodeParameters.h"
#include "emit/cloudformation/events/EventResources.h"
#include "emit/TemplateReuse.h"
#include "emit/split/StackSplitter.h"
#include "sema/rules/RuleContext.h"
#include "sema/rules/Rules.h"
#include "sema/rules/SplitDiagnostics.h"

namespace jaws::sema {

namespace {

// Who a logical ID belongs to: the declaration (for messages) and its span.
struct Owner {
  std::string declaration;  // "function `listTodos`"
  std::string name;         // the declaration's name, to skip a JW2101 duplicate
  Span span;
};

class LogicalIds {
 public:
  explicit LogicalIds(const StackRuleContext& c) : c_(c), lengthLimit_(c.aws.limit("logicalIdLength")) {}

  // By value: most IDs are built for this call, and move into the index.
  void add(std::string id, const Owner& owner) {
    if (lengthLimit_ && static_cast<std::int64_t>(id.size()) > *lengthLimit_) {
      c_.out.push_back(diag::LogicalIdTooLong(owner.span, id, std::to_string(id.size()), std::to_string(*lengthLimit_)));
    }
    // A declaration adds its IDs one after the other: its owner is kept once.
    if (owners_.empty() || !sameOwner(owners_.back(), owner)) owners_.push_back(owner);
    auto [it, inserted] = ids_.try_emplace(std::move(id), owners_.size() - 1);  // not moved from when present
    const Owner& first = owners_[it->second];
    if (inserted || first.name == owner.name) return;  // one declaration's own IDs never collide
    // Two declarations collide on all their IDs alike (`ListTodosFunction`,
    // `ListTodosRole`, ...): one report per pair.
    if (!reportedPairs_.emplace(first.declaration, owner.declaration).second) return;
    c_.out.push_back(diag::LogicalIdCollision(owner.span, id, first.declaration, owner.declaration)
                         .note(first.span, note::DeclaredHere()));
  }
  // A resource whose ID cannot collide (it ends with a content hash).
  void countOnly() { ++uncheckable_; }
  void reserve(std::size_t ids) { ids_.reserve(ids); }
  std::size_t size() const { return ids_.size() + uncheckable_; }

 private:
  static bool sameOwner(const Owner& a, const Owner& b) {
    return a.name == b.name && a.declaration == b.declaration && a.span == b.span;
  }

  const StackRuleContext& c_;
  const std::optional<std::int64_t> lengthLimit_;
  std::vector<Owner> owners_;
  std::unordered_map<std::string, std::size_t> ids_;  // the first owner of each ID, by its place in owners_
  std::set<std::pair<std::string, std::string>> reportedPairs_;
  std::size_t uncheckable_ = 0;
};

void addFunctions(const model::Stack& stack, LogicalIds& ids) {
  namespace names = emit::names;
  for (const auto& f : stack.functions) {
    const Owner owner{"function `" + f.name + "`", f.name, f.span};
    ids.add(names::function(f.name), owner);
    if (!f.options.role) ids.add(names::role(f.name), owner);
    ids.add(names::logGroup(f.name), owner);
    if (f.options.async) ids.add(names::eventInvokeConfig(f.name), owner);
    for (std::size_t i = 0; i < f.schedules.size(); ++i) {
      ids.add(names::scheduleRule(f.name, i), owner);
      ids.add(names::schedulePermission(f.name, i), owner);
    }
    if (f.url) {
      ids.add(names::functionUrl(f.name), owner);
      if (!f.url->iam) {
        ids.add(names::functionUrlPermission(f.name), owner);
        ids.add(names::functionUrlInvokePermission(f.name), owner);
      }
    }
    for (const auto& id : emit::eventLogicalIds(f)) ids.add(id, owner);
  }
  for (const auto& [id, resource] : emit::stackEventLogicalIds(stack)) {
    const auto r = std::find_if(stack.resources.begin(), stack.resources.end(), [&name = resource](const auto& x) { return x.name == name; });
    ids.add(id, Owner{"resource `" + resource + "`", resource, r == stack.resources.end() ? Span{} : Span{r->span}});
  }
}

void addApis(const model::Stack& stack, LogicalIds& ids) {
  namespace names = emit::names;
  for (const auto& api : stack.apis) {
    const Owner owner{"api `" + api.name + "`", api.name, api.span};
    ids.add(names::api(api), owner);
    // An API without routes gets neither a deployment nor a stage.
    if (api.routes.empty()) continue;
    // A REST API's deployment: its ID ends with a hash of the Swagger body.
    // An HTTP API's stage deploys itself.
    if (api.kind == model::ApiKind::Rest) ids.countOnly();
    ids.add(names::stage(api.name), owner);
    for (auto& id : names::routePermissions(api)) ids.add(std::move(id), owner);
    const emit::ApiSecurity security(api);
    for (const auto& fn : security.authorizerFunctions()) ids.add(names::authorizerPermission(api.name, fn), owner);
    if (security.usesApiKey()) {
      ids.add(names::apiKey(api.name), owner);
      ids.add(names::usagePlan(api.name), owner);
      ids.add(names::usagePlanKey(api.name), owner);
    }
  }
}

}  // namespace

void checkTemplateRules(const StackRuleContext& c) {
  const model::Stack& stack = c.stack;
  LogicalIds ids(c);
  // A function's three IDs, most often, and an API's one per route: no rehash on the way.
  std::size_t routes = 0;
  for (const auto& api : stack.apis) routes += api.routes.size();
  ids.reserve(4 * stack.functions.size() + routes + stack.resources.size() + 8);
  // Parameters share the namespace of resources (a `Ref` names either).
  const Span projectSpan = c.program.project ? c.program.project->name.span : Span{};
  const auto parameters = emit::codeParameters(stack, {});
  if (!parameters.empty()) ids.add(emit::kCodeBucketParameter, Owner{"the parameter CodeBucket", "", projectSpan});
  for (const auto& p : parameters) ids.add(p.name, Owner{"the code parameter of source \"" + p.source + "\"", "", projectSpan});
  const std::size_t parameterCount = ids.size();
  addFunctions(stack, ids);
  addApis(stack, ids);
  for (const auto& r : stack.resources) ids.add(emit::names::resource(r.name), Owner{"resource `" + r.name + "`", r.name, r.span});

  const std::string where = stackWhere(stack);
  const std::size_t resources = ids.size() - parameterCount;
  const auto limit = c.aws.limit("templateResources");
  const bool tooMany = limit && static_cast<std::int64_t>(resources) > *limit;
  if (tooMany && stack.splitting.mode == model::SplitMode::Off) {
    c.out.push_back(diag::TemplateTooManyResources(projectSpan, where, std::to_string(resources), std::to_string(*limit))
                        .withHelp(note::SplitOff()));
    c.out.back().severity = Severity::Error;
  } else if (tooMany || stack.splitting.mode == model::SplitMode::Always) {
    // The split `jaws build` will write, planned from the template it will
    // emit; only for stacks that are split, so other projects pay nothing.
    SplitPredictionRequest request{true, c.out.size(), tooMany, resources, limit.value_or(0), where, projectSpan};
    if (c.deferredPrediction != nullptr) {
      *c.deferredPrediction = std::move(request);
    } else {
      predictSplitFor(stack, request, c.templateReuse, c.splitPrediction, c.out);
    }
  }

  LogicalIds outputs(c);
  for (const auto& o : stack.outputs) outputs.add(emit::names::output(o.name), Owner{"output `" + o.name + "`", o.name, o.span});
  if (auto limit = c.aws.limit("templateOutputs"); limit && static_cast<std::int64_t>(stack.outputs.size()) > *limit) {
    c.out.push_back(diag::TooManyOutputs(projectSpan, where, std::to_string(stack.outputs.size()), std::to_string(*limit)));
  }
}

void predictSplitFor(const model::Stack& stack, const SplitPredictionRequest& request, emit::TemplateReuse* templateReuse,
                     std::shared_ptr<const emit::split::SplitPrediction>* splitPrediction, Diagnostics& out) {
  if (!request.wanted) return;
  auto prediction = std::make_shared<const emit::split::SplitPrediction>(
      templateReuse != nullptr ? templateReuse->predict(stack)
                               : emit::split::predictSplit(stack, emit::emitTemplate(stack, {}, emit::ContentHashes::Placeholder)));
  if (splitPrediction != nullptr) *splitPrediction = prediction;
  const auto& predicted = *prediction;
  if (request.tooMany && predicted.split && !predicted.templates.empty()) {
    std::size_t largest = 0;
    for (std::size_t t = 1; t < predicted.templates.size(); ++t) {
      largest = std::max(largest, predicted.templates[t].predicted.resources);
    }
    const std::size_t nested = predicted.templates.size() - 1;
    out.push_back(diag::TemplateTooManyResources(request.projectSpan, request.where, std::to_string(request.resources),
                                                 std::to_string(request.limit))
                      .note(Span{}, note::SplitPlan(std::to_string(predicted.templates[0].predicted.resources) + " resources",
                                                    std::to_string(nested) + " nested stack" + (nested == 1 ? "" : "s") +
                                                        " of at most " + std::to_string(largest) + " resources")));
  }
  reportSplitIssues(stack, predicted.issues, request.projectSpan, out);
}

}  // namespace jaws::sema
