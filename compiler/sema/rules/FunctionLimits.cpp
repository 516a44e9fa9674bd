// Memory and timeout in the units Lambda takes: whole megabytes and whole
// seconds. The model keeps Lambda's numbers (MemorySize in MB, Timeout in
// seconds), so these rules look at the value as written, in the function's
// block or in the project block it inherits from.
#include "diag/Builders.h"
#include "sema/rules/RuleContext.h"

namespace jaws::sema {

namespace {

using K = model::Value::Kind;

constexpr std::int64_t kMegabyte = 1024 * 1024;
constexpr std::int64_t kSecond = 1000;

// Whether `value` is a literal whose number of milliseconds or bytes is a
// whole number of `unit`: nothing to report, and nothing to evaluate (most
// functions write `memory = 512MB`; evaluating it again per target was most
// of this rule).
bool wholeLiteral(const ast::Expr& value, std::int64_t unit) {
  if (value.kind == ast::ExprKind::Size) return static_cast<const ast::SizeLiteral&>(value).bytes % unit == 0;
  if (value.kind == ast::ExprKind::Duration) return static_cast<const ast::DurationLiteral&>(value).milliseconds % unit == 0;
  return false;
}

// The attribute's value for this target, as written: the function's own
// (evaluated into `evaluated`), else the project's (which
// Evaluator::projectValue() already holds, looked at where it is); null when
// there is none, or when the function writes a literal that is a whole
// number of `unit`.
const model::Value* writtenValue(const StackRuleContext& c, const ast::BlockDecl* function, std::string_view name,
                                 std::int64_t unit, MaybeValue& evaluated) {
  if (function != nullptr) {
    if (const ast::Attribute* a = findAttribute(*function, name)) {
      if (wholeLiteral(*a->value, unit)) return nullptr;
      // Evaluating again reports nothing new: an error here was reported (and
      // is merged with this one) when the model was built.
      const std::size_t before = c.out.size();
      evaluated = c.evaluator.eval(*a->value);
      c.out.resize(before);
      if (!evaluated) return nullptr;
      evaluated->origin = spanOr(evaluated->origin, a->value->span);
      return &*evaluated;
    }
  }
  const model::Value* v = c.evaluator.projectValue().field(name);
  if (v == nullptr || !v->origin.valid()) return nullptr;  // a stdlib default
  return v;
}

}  // namespace

void checkFunctionLimits(const StackRuleContext& context) {
  forEachFunction(context, [&](const model::Function& f) {
    const ast::BlockDecl* decl = blockDecl(context.program, f.name, SymbolKind::Function);
    MaybeValue evaluated;
    if (const model::Value* memory = writtenValue(context, decl, "memory", kMegabyte, evaluated);
        memory != nullptr && memory->kind == K::Size && memory->integer % kMegabyte != 0) {
      context.out.push_back(diag::MemoryNotWholeMegabytes(spanOr(memory->origin, f.span), model::describe(*memory)));
    }
    if (const model::Value* timeout = writtenValue(context, decl, "timeout", kSecond, evaluated);
        timeout != nullptr && timeout->kind == K::Duration && timeout->integer % kSecond != 0) {
      context.out.push_back(diag::TimeoutNotWholeSeconds(spanOr(timeout->origin, f.span), model::describe(*timeout)));
    }
  });
}

}  // namespace jaws::sema
