#pragma once
// The shape of API data (request bodies, responses, parameters), built from
// `type` declarations and route items. Swagger/OpenAPI definitions and the
// typed models of handler stubs are generated from it.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/Value.h"

namespace jaws::model {

// Decorator constraints that apply to a schema (JSON Schema draft 4 subset).
struct Constraints {
  std::optional<std::int64_t> minLength, maxLength, minItems, maxItems;
  std::optional<double> minimum, maximum;
  std::optional<std::string> pattern, format;
  std::optional<std::string> description;
  std::optional<Value> example;
  bool deprecated = false;
  friend bool operator==(const Constraints&, const Constraints&) = default;
};

struct SchemaField;

struct Schema {
  enum class Kind : std::uint8_t {
    String, Integer, Number, Boolean, Null, Any,
    Literal,  // a string, integer or boolean constant (literal types)
    Union,    // members; a union of string literals is an enum
    Array,    // element
    Map,      // element (string keys)
    Object,   // fields (an inline record)
    Ref,      // refName: a named `type` declaration
  };
  Kind kind = Kind::Any;
  Value literal;                   // Literal
  std::vector<Schema> members;     // Union
  SharedPart<Schema> element;  // Array, Map
  std::vector<SchemaField> fields;  // Object
  std::string refName;              // Ref
  Constraints constraints;
  friend bool operator==(const Schema&, const Schema&) noexcept;
};

struct SchemaField {
  std::string name;
  bool optional = false;
  Schema schema;
  std::optional<Value> defaultValue;
  std::string description;  // the field's doc comment or @description
  friend bool operator==(const SchemaField&, const SchemaField&) noexcept;
};

// Defaulted here, where both are complete: each holds the other. Declared
// noexcept: clang 14 crashes working out the exception specification of
// these mutually recursive comparisons (as it does for Value's).
inline bool operator==(const Schema&, const Schema&) noexcept = default;
inline bool operator==(const SchemaField&, const SchemaField&) noexcept = default;

// A `type` declaration: `type Todo { ... }` or `type Id = string`.
struct NamedSchema {
  std::string name;
  Schema schema;
  std::string description;
  SourceSpan span;
  friend bool operator==(const NamedSchema&, const NamedSchema&) = default;
};

}  // namespace jaws::model
