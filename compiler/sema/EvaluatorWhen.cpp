// `@when(expr)`: a function, resource, api, output or route exists only in the
// targets where its compile-time condition is true (design §15). Stage and
// region are known when compiling, so nothing conditional reaches the
// template: a declaration that does not exist is simply not in the model of
// that target, and a reference to it from one that does is JW2123 there (the
// merge of the targets adds the "only in ..." note).
#include "diag/Builders.h"
#include "sema/Evaluator.h"
#include "sema/TypeResolver.h"

namespace jaws::sema {

bool Evaluator::exists(const std::vector<ast::Decorator>& decorators, const void* key) {
  const ast::Decorator* when = findDecorator(decorators, "when");
  if (when == nullptr || when->args.size() != 1) return true;  // a malformed @when is JW3021
  if (auto it = exists_.find(key); it != exists_.end()) return it->second;
  // Counted as existing while its condition is evaluated: a condition that
  // reads the declaration itself (deploy-time, so an error) does not recurse.
  exists_[key] = true;
  const MaybeValue condition = compileTimeBool(*when->args[0], "`@when`");
  const bool result = !condition || condition->boolean;
  exists_[key] = result;
  return result;
}

bool Evaluator::present(const Symbol& symbol, Span at) {
  if (symbol.decl == nullptr || symbol.stdlib) return true;
  logRead(Read::Kind::Present, symbol.name, symbol.kind);
  if (exists(*symbol.decl)) return true;
  out_.push_back(diag::DeclarationNotInTarget(at, symbol.name, symbolKindName(symbol.kind))
                     .note(symbol.decl->name.span, note::DeclaredHere()));
  return false;
}

}  // namespace jaws::sema
