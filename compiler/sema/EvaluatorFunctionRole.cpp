// `fn.role` (design §14): the ARN of the function's role. With `role` the
// function runs under that existing role, so `fn.role` is its value; without,
// it is the role Jaws generates (GetAtt <Fn>Role.Arn).
#include "diag/Builders.h"
#include "sema/Evaluator.h"

namespace jaws::sema {

MaybeValue Evaluator::functionRole(const Symbol& function, Span at) {
  const auto* decl = static_cast<const ast::FunctionDecl*>(function.decl);
  const ast::Attribute* role = nullptr;
  for (const auto& a : decl->attributes) {
    if (a.key.text == "role" && a.value) role = &a;
  }
  if (role == nullptr) {
    return model::Value::deploy(model::DeployRef{model::DeployRef::Kind::FunctionRole, function.name, "", "", "", false}, at);
  }
  // `role = other.role` and `other`'s `role = this.role`: a cycle.
  if (!rolesInProgress_.insert(role).second) {
    out_.push_back(diag::CyclicDefinition(at, function.name + ".role"));
    return std::nullopt;
  }
  MaybeValue v = eval(*role->value);
  rolesInProgress_.erase(role);
  // null leaves `role` unset, as in every block.
  if (v && v->kind == model::Value::Kind::Null) {
    return model::Value::deploy(model::DeployRef{model::DeployRef::Kind::FunctionRole, function.name, "", "", "", false}, at);
  }
  if (v) v->origin = at;
  return v;
}

}  // namespace jaws::sema
