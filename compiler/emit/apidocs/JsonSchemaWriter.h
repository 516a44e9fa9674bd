#pragma once
// model::Schema as JSON Schema, in the two dialects the API artifacts use:
// - Swagger 2.0 (the API Gateway body): draft 4 subset; no anyOf/oneOf (Swagger
//   2.0 has none), type arrays for nullable primitives, refs to
//   `#/definitions/`, definition names alphanumeric (API Gateway model names);
// - OpenAPI 3.0: anyOf, `nullable`, `deprecated`, `example`, refs to
//   `#/components/schemas/`.
// Only the named types an API reaches are emitted, sorted by name.
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/Model.h"

namespace jaws::emit {

using Json = nlohmann::ordered_json;

enum class SchemaDialect : std::uint8_t { Swagger2, OpenApi3 };

class JsonSchemaWriter {
 public:
  JsonSchemaWriter(const model::Stack& stack, SchemaDialect dialect);

  // The schema of a body, response, field or parameter; records the named
  // types it refers to.
  Json schema(const model::Schema& schema);

  // A named schema that is not a declared type (a hoisted inline body):
  // `preferred`, made unique and valid, is registered and returned.
  std::string addDefinition(const std::string& preferred, const model::Schema& schema);

  // Every definition referred to so far (transitively), sorted by name.
  Json definitions();

  // Follows `Ref`s to aliases (`type Id = string`) until a non-alias schema;
  // constraints on the way are kept when the target has none of its own.
  model::Schema resolveAliases(const model::Schema& schema) const;

  // A literal value (a default or example) as JSON.
  Json literal(const model::Value& value) const;

 private:
  std::string definitionName(const std::string& typeName);
  std::string refTarget(const std::string& definition) const;
  Json unionSchema(const model::Schema& schema);
  void applyConstraints(Json& out, const model::Constraints& constraints) const;
  // The declared type of that name (null: none).
  const model::NamedSchema* findType(std::string_view name) const;

  const model::Stack& stack_;
  SchemaDialect dialect_;
  std::vector<const model::NamedSchema*> types_;             // sorted by name
  std::map<std::string, std::string> definitionNames_;      // type name -> definition name
  std::set<std::string> usedDefinitionNames_;
  std::map<std::string, Json> definitions_;                  // definition name -> schema
  std::vector<std::string> pending_;                         // referred types not yet written
};

}  // namespace jaws::emit
