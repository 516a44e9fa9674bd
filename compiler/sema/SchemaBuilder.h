#pragma once
// Converts checked types into the model's API schemas (for Swagger, OpenAPI
// and typed stub models): user `type` declarations become references to named
// definitions, decorators become constraints, doc comments descriptions.
#include "model/Schema.h"
#include "sema/Program.h"
#include "sema/Types.h"

namespace jaws::sema {

class Evaluator;

class SchemaBuilder {
 public:
  explicit SchemaBuilder(Evaluator& evaluator) : evaluator_(evaluator) {}

  model::Schema schemaOf(const Type& type, const std::vector<ast::Decorator>* decorators = nullptr, bool inlineNamed = false);
  std::vector<model::NamedSchema> namedSchemas(const Program& program);
  model::Constraints constraintsOf(const std::vector<ast::Decorator>& decorators);

 private:
  Evaluator& evaluator_;
};

}  // namespace jaws::sema
