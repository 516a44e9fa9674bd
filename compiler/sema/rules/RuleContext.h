#pragma once
// What the rule and lint checkers share (internal to sema/Rules*.cpp): the
// stack of one target with its evaluator and the stdlib's AWS tables, and
// helpers that find the source of a value in the AST, so a diagnostic points
// at the attribute, key or literal that causes it rather than at the block.
#include <memory>
#include <string>
#include <string_view>

#include "diag/Diagnostic.h"
#include "model/Model.h"
#include "sema/rules/AwsTables.h"
#include "sema/rules/QuietFunctions.h"
#include "sema/Evaluator.h"
#include "sema/Program.h"

namespace jaws::emit {
class TemplateReuse;
}  // namespace jaws::emit

namespace jaws::emit::split {
struct SplitPrediction;
}  // namespace jaws::emit::split

namespace jaws::stubs {
class ExportScanCache;
}  // namespace jaws::stubs

namespace jaws::sema {

struct SplitPredictionRequest;  // sema/rules/Rules.h

struct StackRuleContext {
  const model::Stack& stack;
  Evaluator& evaluator;
  const Program& program;
  const AwsTables& aws;
  Diagnostics& out;
  // Where checkTemplateRules leaves the split it planned, if anywhere.
  std::shared_ptr<const emit::split::SplitPrediction>* splitPrediction = nullptr;
  // Where checkTemplateRules plans the split from, when it is kept between checks.
  emit::TemplateReuse* templateReuse = nullptr;
  // When given, checkTemplateRules leaves the split prediction here instead of making it.
  SplitPredictionRequest* deferredPrediction = nullptr;
  // The functions the language server knows these rules are quiet on (null: none).
  QuietFunctions* quiet = nullptr;
};

// Calls check(function) for each of the stack's functions but those the
// context knows quiet, and notes those it reported on. Only for a check that
// reads nothing but the function, the stage, the project and the AWS tables
// (sema/rules/QuietFunctions.h).
template <typename Check>
void forEachFunction(const StackRuleContext& c, Check&& check) {
  const auto& functions = c.stack.functions;
  for (std::size_t i = 0; i < functions.size(); ++i) {
    if (c.quiet != nullptr && c.quiet->skips(i)) continue;
    const std::size_t before = c.out.size();
    check(functions[i]);
    if (c.quiet != nullptr && c.out.size() != before) c.quiet->reported(i);
  }
}

// Per target (merged across targets by Analysis).
void checkFunctionRules(const StackRuleContext& context);
void checkFunctionLimits(const StackRuleContext& context);
void checkEnvironmentRules(const StackRuleContext& context);
void checkApiRules(const StackRuleContext& context);
void checkApiQuotaRules(const StackRuleContext& context);
void checkHttpApiRules(const StackRuleContext& context);
void checkFunctionUrlRules(const StackRuleContext& context);
void checkTemplateRules(const StackRuleContext& context);
void checkTagRules(const StackRuleContext& context);
void checkStackLints(const StackRuleContext& context);
void checkSecureValueRules(const StackRuleContext& context);
// Function options of design §14 (name, tracing, vpc, storage, deadLetter, async, role).
void checkFunctionOptionRules(const StackRuleContext& context);
// Resource options (@retain, @deletionPolicy, @updateReplacePolicy, @dependsOn) and JW5020.
void checkResourceOptionRules(const StackRuleContext& context);
// Event sources (sema/rules/events/).
void checkEventRules(const StackRuleContext& context);
// JW4016 for a schedule expression (the `schedule` attribute, `schedule(...)` events).
void reportInvalidSchedule(const StackRuleContext& c, const std::string& expression, Span at);
void checkResourceRules(const StackRuleContext& context);  // ResourceRules.cpp
void checkOutputRules(const StackRuleContext& context);    // ResourceRules.cpp

// Once per program.
void checkRouteRules(const Program& program, Diagnostics& out);
void checkDeclarationRules(const Program& program, const std::vector<model::Stack>& stacks, Diagnostics& out);
// JW4072: a function `name` two stacks of one account and region would share.
void checkFunctionNames(const std::vector<model::Stack>& stacks, Diagnostics& out);
void checkProgramLints(const Program& program, const std::vector<model::Stack>& stacks, Diagnostics& out);
// `scans`: what earlier checks found the modules to export (null: none kept).
void checkHandlers(const Program& program, const std::vector<model::Stack>& stacks, const std::string& projectDir,
                   Diagnostics& out, stubs::ExportScanCache* scans = nullptr);
void checkProjectPaths(const Program& program, const std::vector<model::Stack>& stacks, const std::string& projectDir,
                       Diagnostics& out);

// ---- finding sources ---------------------------------------------------------

const ast::BlockDecl* blockDecl(const Program& program, std::string_view name, SymbolKind kind);
const ast::Attribute* findAttribute(const ast::BlockDecl& block, std::string_view key);
// The span of `key` in an object literal (looking through `( )` and both arms
// of `c ? a : b`); invalid when the expression is no such literal.
Span objectKeySpan(const ast::Expr& expr, std::string_view key);
// The key of an attribute's object value: the function's `attribute`, else the
// stage's, else the project's (where a default it inherits is written).
Span inheritedKeySpan(const StackRuleContext& context, const ast::BlockDecl* function, std::string_view attribute,
                      std::string_view key);
// Where an attribute of a function is written: its own block, else the
// project block it inherits from; invalid when neither sets it.
const ast::Attribute* inheritedAttribute(const Program& program, const ast::BlockDecl* function, std::string_view attribute);
// Where a function's `handler` is written (its value), else its name.
Span handlerSpan(const Program& program, const model::Function& function);
inline Span spanOr(Span span, Span fallback) { return span.valid() ? span : fallback; }
// Whether two stacks may deploy to one account: the same literal `account`, or
// a stage that gives none (export names JW4028, function names JW4072).
inline bool mayShareAccount(const model::Stack& a, const model::Stack& b) {
  return !a.stage.account || !b.stage.account || *a.stage.account == *b.stage.account;
}

}  // namespace jaws::sema
