#pragma once
// The types the checker works with: primitives, literal types, unions, lists,
// maps and records, resolved from `type` declarations and inline type
// expressions. Records keep a pointer to their AST fields, because a field's
// default is an expression evaluated per stage (`memory = project.memory`).
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/Value.h"
#include "syntax/Ast.h"

namespace jaws::sema {

struct Type;
using TypePtr = std::shared_ptr<Type>;

struct FieldType {
  std::string name;
  bool optional = false;
  TypePtr type;
  const ast::Field* field = nullptr;  // its default, decorators and doc
  bool deployTime = false;            // @deployTime: accepts deploy-time values
};

struct Type {
  enum class Kind : std::uint8_t {
    Any, Error, String, Int, Number, Bool, Size, Duration, Null,
    Literal, Union, List, Map, Record,
  };
  Kind kind = Kind::Any;
  model::Value literal;            // Literal: a String, Int or Bool value
  std::vector<TypePtr> members;    // Union
  TypePtr element;                 // List, Map
  std::vector<FieldType> fields;   // Record
  std::string name;                // the declared name (`Todo`, `Runtime`), or empty
  const ast::TypeDecl* decl = nullptr;

  const FieldType* field(std::string_view fieldName) const;
  // The string literals of a union of string literals (an enum), else empty.
  std::vector<std::string> stringLiterals() const;
};

TypePtr primitiveType(Type::Kind kind);

// How a type is shown in messages: `size`, `"a" | "b"`, `Runtime`, `string[]`.
std::string describeType(const Type& type);
// How a value's type is shown: `string "256"`, `size`, `list`.
std::string describeValueType(const model::Value& value);

}  // namespace jaws::sema
