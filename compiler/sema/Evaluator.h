#pragma once
// Evaluates expressions for one target (stage, region): literals, names,
// members, builtin calls, operators and interpolation, into model values that
// are either known now or at deploy time. Lets, params and the project block
// are evaluated on first use and cached. An expression whose evaluation
// reported an error yields nullopt, and whatever uses it stays silent, so one
// mistake gives one diagnostic.
#include <optional>
#include <set>
#include <unordered_map>

#include "diag/Diagnostic.h"
#include "model/Value.h"
#include "sema/Program.h"
#include "sema/ReadLog.h"
#include "sema/Target.h"
#include "sema/TypeResolver.h"
#include "sema/ValueChecker.h"

namespace jaws::sema {

using MaybeValue = std::optional<model::Value>;

class Evaluator {
 public:
  Evaluator(const Program& program, TypeResolver& types, Target target, Diagnostics& out);

  const Target& target() const { return target_; }
  MaybeValue eval(const ast::Expr& expr);
  // A param's or let's value in this target, computed once: a reference into
  // the cache (valid as long as the evaluator), so reading it copies nothing.
  const MaybeValue& paramValue(const ast::ParamDecl& param);
  const MaybeValue& letValue(const ast::LetDecl& let);
  // The project block with its schema's defaults applied.
  const model::Value& projectValue();
  // A stdlib `let` (runtime lifecycle, limits), evaluated without a stage.
  const MaybeValue& stdlibLet(std::string_view name);

  // Evaluates a block against a record schema: its attributes, plus the
  // defaults of the fields it leaves out. Reports unknown, duplicate and
  // missing attributes and values of the wrong type. `extraKeys` are keys the
  // block may hold besides the schema's (a stage's params).
  // With `failed`, a block with bad attributes still yields the object of
  // its good ones, and `failed` names the others.
  MaybeValue evaluateBlock(const std::vector<ast::Attribute>& attributes, const Type& schema, std::string_view blockName,
                           Span blockSpan, const std::set<std::string>& extraKeys = {},
                           std::set<std::string>* failed = nullptr);

  // While set, every read of a param, a let or a declaration's presence is
  // logged there, and reads a replay cannot repeat mark it (sema/ReadLog.h).
  void setReadLog(ReadLog* log) { log_ = log; }
  // The project block's attributes whose value had an error (reading them stays silent).
  const std::set<std::string>& failedProjectAttributes() const { return projectFailed_; }

  ValueChecker& checker() { return checker_; }
  Diagnostics& diagnostics() { return out_; }
  const Program& program() const { return program_; }
  TypeResolver& types() { return types_; }
  const ast::StageDecl* stageDecl() const { return stageDecl_; }
  // Every `fn.url` evaluated in this target: the function and where.
  struct FunctionUrlRead {
    std::string function;
    Span span;
  };
  const std::vector<FunctionUrlRead>& functionUrlReads() const { return functionUrlReads_; }

  // Per-target declarations (design §15): whether a declaration or route
  // exists in this target, that is, has no `@when` or one whose condition is
  // true here. A condition with an error counts as true, so what it guards is
  // still checked. Computed once per declaration and target.
  bool exists(const std::vector<ast::Decorator>& decorators, const void* key);
  bool exists(const ast::Decl& decl) { return exists(decl.decorators, &decl); }
  // Whether the declaration `symbol` names exists here; JW2123 at `at` when
  // it does not (something that exists here refers to it).
  bool present(const Symbol& symbol, Span at);
  // A string the compiler knows (`@deletionPolicy(stage == "prod" ? "Retain" : "Delete")`):
  // JW3009 for a deploy-time value, JW3003 for another type; `what` names the place.
  MaybeValue compileTimeString(const ast::Expr& expr, std::string_view what);

 private:
  MaybeValue evalName(const ast::NameExpr& name);
  MaybeValue evalMember(const ast::MemberExpr& member);
  MaybeValue evalCall(const ast::CallExpr& call);
  // `fn.role`: the function's `role` when it sets one, else its generated role.
  MaybeValue functionRole(const Symbol& function, Span at);
  // A builtin's record (`jwt`, `cognito`) completed by an options object,
  // checked against the stdlib schema `schemaName`.
  MaybeValue withOptions(model::Value fixed, const ast::Expr& options, std::string_view schemaName);
  // The event builtins (sqs, stream, ...; sema/EventBuiltins.cpp).
  MaybeValue evalEventCall(const ast::CallExpr& call, const std::string& name);
  MaybeValue eventSource(const ast::Expr& expr, const std::string& builtin, const model::Value& entry, bool bucketOnly);
  MaybeValue eventOptions(const ast::Expr* expr, const std::string& builtin, const std::string& typeName, Span callSpan);
  MaybeValue eventOptionValue(const ast::Expr& expr);
  MaybeValue evalBinary(const ast::BinaryExpr& binary);
  MaybeValue evalString(const ast::StringLiteral& string);
  MaybeValue compileTimeBool(const ast::Expr& expr, std::string_view what);
  void checkStageComparison(const ast::BinaryExpr& binary, const model::Value& lhs, const model::Value& rhs);
  // A field's default: its value, null when it has none, nullopt when it
  // depends on something that had an error.
  // Valid until the next call.
  const MaybeValue& fieldDefault(const FieldType& field);
  // A let's or param's value, computed once per target: the cached value, or
  // JW2109 when computing it reads the declaration itself.
  template <typename Compute>
  const MaybeValue& evaluateOnce(const ast::Decl& decl, Compute compute);
  // The value a name of a let, param or the project stands for, read in
  // place from the caches. `found` false for any other expression (eval()
  // computes it, copying); `value` null for a value with an error, already
  // reported (evaluating it again could report a cycle twice).
  struct Cached {
    bool found = false;
    const model::Value* value = nullptr;
  };
  Cached cachedValue(const ast::Expr& expr);
  // A param's value in this target: the stage's, else the default, checked.
  MaybeValue computeParam(const ast::ParamDecl& param);
  bool isProject(const ast::Expr& expr) const;
  std::optional<std::pair<const ast::ResourceDecl*, std::string>> resourceChain(const ast::MemberExpr& member) const;

  const Program& program_;
  TypeResolver& types_;
  Target target_;
  Diagnostics& out_;
  ValueChecker checker_;
  const ast::StageDecl* stageDecl_ = nullptr;
  std::unordered_map<const ast::Decl*, MaybeValue> values_;
  std::set<const ast::Decl*> inProgress_;
  std::optional<model::Value> project_;
  std::set<std::string> projectFailed_;  // project attributes with errors: reading them stays silent
  bool projectInProgress_ = false;
  std::vector<FunctionUrlRead> functionUrlReads_;
  std::unordered_map<const void*, bool> exists_;
  std::set<const ast::Attribute*> rolesInProgress_;
  std::unordered_map<const ast::Expr*, MaybeValue> defaults_;  // field defaults, by their expression
  MaybeValue uncachedDefault_;  // a default evaluated inside a declaration, not cached
  ReadLog* log_ = nullptr;
  void logRead(Read::Kind kind, const std::string& name, SymbolKind symbol = SymbolKind::Let) {
    if (log_ != nullptr) log_->reads.push_back({kind, name, symbol});
  }
  void logUnrepeatable() {
    if (log_ != nullptr) log_->unrepeatable = true;
  }
};

}  // namespace jaws::sema
