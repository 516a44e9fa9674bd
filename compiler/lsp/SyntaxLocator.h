#pragma once
// What is under the cursor: the innermost named thing of a file's syntax tree
// at a byte offset (a declaration's name, a name in an expression, an
// attribute key, a route's function, a type name, ...), with the declaration,
// route and attribute-key path around it. Hover, definition, references and
// rename start here.
#include <cstdint>
#include <string>
#include <vector>

#include "syntax/Ast.h"

namespace jaws::lsp {

struct Located {
  enum class Kind : std::uint8_t {
    None,
    DeclName,      // the name in `function listTodos {`
    Name,          // a name in an expression (`tableName`)
    Member,        // the member of `todos.arn`
    RouteTarget,   // the function after `->`
    TypeName,      // a named type (`Todo`, `string`)
    AttributeKey,  // a key of a block, or of an object inside one (`memory`, `cors.origins`)
    FieldName,     // a field of a record type
    ImportPath,    // the string of an `import`
    Decorator,     // a decorator's name (`retain` in `@retain`)
  };
  Kind kind = Kind::None;
  Span span;  // of the identifier (or string) under the cursor
  std::string name;
  const ast::Decl* decl = nullptr;          // the declaration around it
  const ast::Route* route = nullptr;        // the route around it, in an api
  const ast::Expr* expr = nullptr;          // Name, Member: the expression
  const ast::Attribute* attribute = nullptr;  // the block attribute around it
  const ast::Field* field = nullptr;        // FieldName
  const ast::ImportDecl* import = nullptr;  // ImportPath
  // AttributeKey, and values inside attributes: the keys from the block down,
  // `cors = { origins = [...] }` gives ["cors", "origins"] at `origins`.
  std::vector<std::string> keyPath;
  // Inside a call's argument (`sqs(jobs, { batchSize = 1 })`): the call, the
  // argument, and where in keyPath the argument's own keys start.
  const ast::CallExpr* call = nullptr;
  std::size_t callArgument = 0, callKeys = 0;
};

Located locate(const ast::SourceUnit& unit, std::uint32_t offset);

}  // namespace jaws::lsp
