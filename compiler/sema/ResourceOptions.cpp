// Reads the resource options of a `resource` declaration into the model:
// `@retain` sets both policies to Retain, and an explicit `@deletionPolicy` or
// `@updateReplacePolicy` overrides its half. A policy is a compile-time string,
// so it may differ per target (`stage == "prod" ? "Retain" : "Delete"`);
// ResourceOptionRules reports the ones CloudFormation would refuse.
#include <algorithm>

#include "sema/ModelBuilder.h"
#include "sema/TypeResolver.h"

namespace jaws::sema {

namespace {

void readPolicy(Evaluator& evaluator, const ast::Decorator* d, std::string& policy, Span& span) {
  if (d == nullptr || d->args.size() != 1) return;  // JW3021
  const std::string what = "`@" + d->name.text + "`";
  if (MaybeValue v = evaluator.compileTimeString(*d->args[0], what)) {
    policy = v->string;
    span = v->origin.valid() ? v->origin : d->args[0]->span;  // the literal chosen, for the fix
  }
}

}  // namespace

void readResourceOptions(const ast::ResourceDecl& decl, Evaluator& evaluator, model::Resource& resource) {
  const Program& program = evaluator.program();
  if (const ast::Decorator* retain = findDecorator(decl.decorators, "retain")) {
    resource.deletionPolicy = resource.updateReplacePolicy = "Retain";
    resource.deletionPolicySpan = resource.updateReplacePolicySpan = retain->span;
  }
  readPolicy(evaluator, findDecorator(decl.decorators, "deletionPolicy"), resource.deletionPolicy, resource.deletionPolicySpan);
  readPolicy(evaluator, findDecorator(decl.decorators, "updateReplacePolicy"), resource.updateReplacePolicy,
             resource.updateReplacePolicySpan);
  for (const auto& d : decl.decorators) {
    if (d.name.text != "dependsOn") continue;
    for (const auto& arg : d.args) {
      const Symbol* symbol = program.binding(arg.get());
      if (symbol == nullptr || symbol->decl == &decl) continue;  // unknown (JW2105) or itself (JW2121)
      model::Dependency dependency;
      switch (symbol->kind) {
        case SymbolKind::Resource: dependency.kind = model::Dependency::Kind::Resource; break;
        case SymbolKind::Function: dependency.kind = model::Dependency::Kind::Function; break;
        case SymbolKind::Api: dependency.kind = model::Dependency::Kind::Api; break;
        default: continue;  // JW2120
      }
      dependency.name = symbol->name;
      dependency.span = arg->span;
      const bool repeated = std::any_of(resource.dependsOn.begin(), resource.dependsOn.end(),
                                        [&](const model::Dependency& other) { return other.name == dependency.name; });
      if (!repeated) resource.dependsOn.push_back(std::move(dependency));
    }
  }
}

}  // namespace jaws::sema
