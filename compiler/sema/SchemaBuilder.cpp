#include "sema/SchemaBuilder.h"

#include "sema/Evaluator.h"
#include "sema/ValueChecker.h"

#include <algorithm>

namespace jaws::sema {

model::Constraints SchemaBuilder::constraintsOf(const std::vector<ast::Decorator>& decorators) {
  model::Constraints c;
  for (const auto& d : decorators) {
    const std::string& n = d.name.text;
    const auto number = constraintArgument(d);
    auto text = [&]() -> std::optional<std::string> {
      if (d.args.size() != 1 || d.args[0]->kind != ast::ExprKind::String) return std::nullopt;
      return static_cast<const ast::StringLiteral&>(*d.args[0]).plainText();
    };
    if (n == "minLength") c.minLength = number;
    if (n == "maxLength") c.maxLength = number;
    if (n == "minItems") c.minItems = number;
    if (n == "maxItems") c.maxItems = number;
    if (n == "min" && number) c.minimum = static_cast<double>(*number);
    if (n == "max" && number) c.maximum = static_cast<double>(*number);
    if (n == "min" && d.args.size() == 1 && d.args[0]->kind == ast::ExprKind::Decimal) {
      c.minimum = static_cast<const ast::DecimalLiteral&>(*d.args[0]).value;
    }
    if (n == "max" && d.args.size() == 1 && d.args[0]->kind == ast::ExprKind::Decimal) {
      c.maximum = static_cast<const ast::DecimalLiteral&>(*d.args[0]).value;
    }
    if (n == "pattern") c.pattern = text();
    if (n == "format") c.format = text();
    if (n == "description") c.description = text();
    if (n == "deprecated") c.deprecated = true;
    if (n == "example" && d.args.size() == 1) {
      const std::size_t before = evaluator_.diagnostics().size();
      if (MaybeValue v = evaluator_.eval(*d.args[0]); v && !v->isDeployTime()) c.example = *v;
      evaluator_.diagnostics().resize(before);
    }
  }
  return c;
}

model::Schema SchemaBuilder::schemaOf(const Type& type, const std::vector<ast::Decorator>* decorators, bool inlineNamed) {
  model::Schema s;
  if (decorators) s.constraints = constraintsOf(*decorators);
  // A user `type` is referenced by name; the stdlib's are expanded in place.
  if (!inlineNamed && type.decl != nullptr && !type.name.empty() && evaluator_.program().isUserType(type.decl)) {
    s.kind = model::Schema::Kind::Ref;
    s.refName = type.name;
    return s;
  }
  using SK = model::Schema::Kind;
  switch (type.kind) {
    case Type::Kind::String: s.kind = SK::String; break;
    case Type::Kind::Int:
    case Type::Kind::Size:
    case Type::Kind::Duration: s.kind = SK::Integer; break;
    case Type::Kind::Number: s.kind = SK::Number; break;
    case Type::Kind::Bool: s.kind = SK::Boolean; break;
    case Type::Kind::Null: s.kind = SK::Null; break;
    case Type::Kind::Any:
    case Type::Kind::Error: s.kind = SK::Any; break;
    case Type::Kind::Literal:
      s.kind = SK::Literal;
      s.literal = type.literal;
      break;
    case Type::Kind::Union:
      s.kind = SK::Union;
      for (const auto& m : type.members) s.members.push_back(schemaOf(*m));
      break;
    case Type::Kind::List:
      s.kind = SK::Array;
      s.element = std::make_shared<model::Schema>(schemaOf(*type.element));
      break;
    case Type::Kind::Map:
      s.kind = SK::Map;
      s.element = std::make_shared<model::Schema>(schemaOf(*type.element));
      break;
    case Type::Kind::Record:
      s.kind = SK::Object;
      for (const auto& f : type.fields) {
        model::SchemaField field;
        field.name = f.name;
        field.optional = f.optional;
        field.schema = schemaOf(*f.type, f.field ? &f.field->decorators : nullptr);
        if (f.field) {
          field.description = f.field->doc;
          if (field.schema.constraints.description && field.description.empty()) field.description = *field.schema.constraints.description;
          if (f.field->defaultValue) {
            const std::size_t before = evaluator_.diagnostics().size();
            if (MaybeValue v = evaluator_.eval(*f.field->defaultValue); v && !v->isDeployTime()) field.defaultValue = *v;
            evaluator_.diagnostics().resize(before);
          }
        }
        s.fields.push_back(std::move(field));
      }
      break;
  }
  return s;
}

std::vector<model::NamedSchema> SchemaBuilder::namedSchemas(const Program& program) {
  std::vector<model::NamedSchema> out;
  for (const auto* decl : program.types) {
    if (!decl->name.valid()) continue;
    TypePtr type = evaluator_.types().declared(*decl, false);
    model::NamedSchema named;
    named.name = decl->name.text;
    named.schema = schemaOf(*type, &decl->decorators, true);
    named.description = decl->doc;
    named.span = decl->name.span;
    out.push_back(std::move(named));
  }
  return out;
}

}  // namespace jaws::sema
