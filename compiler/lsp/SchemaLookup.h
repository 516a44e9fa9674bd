#pragma once
// The stdlib schemas as the editor needs them: which record a block (or an
// object inside one) is checked against, the field a key path names, and the
// strings an enum-like type allows. The schemas are ordinary stdlib `type`
// declarations; nothing here lists attributes.
#include <string>
#include <vector>

#include "sema/TypeResolver.h"

namespace jaws::lsp {

// The schema of a declaration's block (`Project`, `Stage`, `Function`,
// `Api`), or of a route's braces (`Route`); null for other declarations.
sema::TypePtr blockSchema(sema::TypeResolver& types, ast::DeclKind decl, bool inRoute);

// The record a value of this type may be written as: the type itself, or the
// one record among a union's members (`cors: bool | Cors`).
const sema::Type* recordOf(const sema::Type& type);
// The element type of a list (or of the one list in a union), else null.
const sema::Type* listElementOf(const sema::Type& type);

// The field at the end of a key path below a schema: ["cors", "origins"]
// in `Api` is `Cors.origins`. Keys of a `map<T>` lead to T, reported as a
// field without an AST field. Null when the path leaves the schema.
struct FieldAt {
  const sema::Type* type = nullptr;         // the field's type
  const sema::FieldType* field = nullptr;   // null for map entries
};
FieldAt fieldAtPath(const sema::Type& schema, const std::vector<std::string>& path);

// The options record of an event builtin (`SqsOptions` for `sqs`), when
// `callee` names one and `argument` is where its options go; else null.
sema::TypePtr eventOptionsSchema(sema::TypeResolver& types, const sema::Program& program, const std::string& callee,
                                 std::size_t argument);
// What hover and completion say about an event builtin: its record's doc
// and its options' keys.
std::string eventBuiltinDoc(const sema::Program& program, const sema::EventBuiltinInfo& info);

// The string literals a type allows, looking through lists and unions:
// `Region[]` gives every region; `Auth` gives "none", "iam", "apiKey".
std::vector<std::string> allowedStrings(const sema::Type& type);

}  // namespace jaws::lsp
