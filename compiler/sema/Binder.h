#pragma once
// The binder: declares every name of the program in one namespace (reporting
// duplicates at both places), checks the program's shape (one project, at
// least one stage; not when a file of the program is missing or unparsed, as
// the missing part may hold them), and resolves every name in expressions, route targets and
// type references. Unresolved names are reported once, here, so that the
// per-stage evaluation never reports them again.
#include <memory>
#include <vector>

#include "diag/Diagnostic.h"
#include "sema/Program.h"

namespace jaws::sema {

class Binder {
 public:
  static std::unique_ptr<Program> bind(const std::vector<const ast::SourceUnit*>& userUnits,
                                       const std::vector<const ast::SourceUnit*>& stdlibUnits, bool programIncomplete,
                                       Diagnostics& out);

 private:
  Binder(Program& program, Diagnostics& out) : program_(program), out_(out) {}
  void declare(const ast::Decl& decl);
  void declareBuiltins();
  void checkShape(const std::vector<const ast::SourceUnit*>& userUnits);
  void resolveDecl(const ast::Decl& decl);
  void resolveExpr(const ast::Expr& expr);
  void resolveType(const ast::TypeExpr& type);
  void resolveDecorators(const std::vector<ast::Decorator>& decorators);
  void resolveFunctionName(const ast::Identifier& name);
  void reportUnknownFunction(const ast::Identifier& name);
  void reportUnknownResource(const ast::Identifier& name);
  void reference(Span span, const Symbol* symbol);

  Program& program_;
  Diagnostics& out_;
};

}  // namespace jaws::sema
