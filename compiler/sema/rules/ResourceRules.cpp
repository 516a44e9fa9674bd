// Raw `resource` blocks against CloudFormation's resource specification, per
// target: the type must exist in the stack's region, and the properties must
// fit the type (sema/rules/ResourceProperties.h). Outputs must be strings.
// The type names themselves are checked once (DeclarationRules.cpp).
#include <map>

#include "cfnspec/ResourceSpec.h"
#include "diag/Builders.h"
#include "sema/rules/ResourceProperties.h"
#include "sema/rules/RuleContext.h"

namespace jaws::sema {

void checkResourceRules(const StackRuleContext& context) {
  if (context.program.resourceSpec == nullptr) return;
  std::map<std::string_view, const ast::ResourceDecl*> declarations;
  for (const auto* r : context.program.resources) declarations.emplace(r->name.text, r);
  ResourcePropertyChecker checker(context.program, context.out);
  for (const auto& resource : context.stack.resources) {
    auto it = declarations.find(resource.name);
    if (it == declarations.end()) continue;
    const cfnspec::ResourceType* type = context.program.resourceType(*it->second);
    if (type == nullptr) continue;
    if (!type->availableIn(context.stack.stage.region)) {
      context.out.push_back(diag::ResourceTypeNotInRegion(it->second->resourceTypeSpan, type->name, context.stack.stage.region));
      continue;
    }
    checker.checkBlock(*type, resource, *it->second);
  }
}

void checkOutputRules(const StackRuleContext& context) {
  for (const auto& output : context.stack.outputs) {
    const auto kind = output.value.kind;
    if (kind != model::Value::Kind::List && kind != model::Value::Kind::Object) continue;
    context.out.push_back(diag::OutputNotString(spanOr(output.value.origin, output.span),
                                                kind == model::Value::Kind::List ? "a list" : "an object"));
  }
}

}  // namespace jaws::sema
