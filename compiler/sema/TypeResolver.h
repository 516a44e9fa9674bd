#pragma once
// Turns type expressions into Types. Named types resolve in the user's
// declarations first and then in the standard library (which sees only
// itself). Each `type` declaration is resolved once; recursive records are
// allowed (`type Tree { children: Tree[] }`) because a record's Type exists
// before its fields are filled in.
#include <string_view>
#include <unordered_map>

#include "sema/Program.h"
#include "sema/Types.h"

namespace jaws::sema {

class TypeResolver {
 public:
  explicit TypeResolver(const Program& program) : program_(program) {}
  // Declared types may refer to each other (`type Node { children: Node[] }`),
  // so their shared pointers form cycles; the destructor breaks them. Types
  // handed out must not outlive the resolver that made them.
  ~TypeResolver();
  TypeResolver(const TypeResolver&) = delete;
  TypeResolver& operator=(const TypeResolver&) = delete;

  TypePtr resolve(const ast::TypeExpr& type, bool inStdlib = false);
  // A `type` declaration by name: a user type (unless inStdlib), else a stdlib one.
  TypePtr named(std::string_view name, bool inStdlib = false);
  // The schema of a block kind (`Project`, `Function`, ...), from the stdlib.
  TypePtr schema(std::string_view name) { return named(name, true); }
  TypePtr declared(const ast::TypeDecl& decl, bool inStdlib);

 private:
  TypePtr resolveNamed(const ast::NamedType& type, bool inStdlib);
  TypePtr resolveUncached(const ast::TypeExpr& type, bool inStdlib);

  const Program& program_;
  std::unordered_map<const ast::TypeDecl*, TypePtr> declared_;
  // Every type expression resolves once; targets share the result.
  std::unordered_map<const ast::TypeExpr*, TypePtr> resolved_;
  // The user's types by name (the first declaration of a name: a second is
  // JW2101), indexed on the first lookup: a scan per reference is quadratic.
  std::unordered_map<std::string_view, const ast::TypeDecl*> userTypes_;
  bool userTypesIndexed_ = false;
};

// Whether a field carries `@name`.
const ast::Decorator* findDecorator(const std::vector<ast::Decorator>& decorators, std::string_view name);

}  // namespace jaws::sema
