#include "sema/TypeResolver.h"

namespace jaws::sema {

const ast::Decorator* findDecorator(const std::vector<ast::Decorator>& decorators, std::string_view name) {
  for (const auto& d : decorators) {
    if (d.name.text == name) return &d;
  }
  return nullptr;
}

TypeResolver::~TypeResolver() {
  auto unlink = [](const TypePtr& type) {
    if (!type) return;
    type->fields.clear();
    type->members.clear();
    type->element.reset();
  };
  for (auto& [decl, type] : declared_) unlink(type);
  for (auto& [expr, type] : resolved_) unlink(type);
}

TypePtr TypeResolver::declared(const ast::TypeDecl& decl, bool inStdlib) {
  if (auto it = declared_.find(&decl); it != declared_.end()) return it->second;
  if (decl.isAlias) {
    // Guard against `type A = A`: the alias is Error while it resolves.
    declared_[&decl] = primitiveType(Type::Kind::Error);
    TypePtr inner = resolve(*decl.type, inStdlib);
    auto alias = std::make_shared<Type>(*inner);
    alias->name = decl.name.text;
    alias->decl = &decl;
    declared_[&decl] = alias;
    return alias;
  }
  auto record = std::make_shared<Type>();
  record->kind = Type::Kind::Record;
  record->name = decl.name.text;
  record->decl = &decl;
  declared_[&decl] = record;
  if (decl.type->kind == ast::TypeKind::Record) {
    for (const auto& f : static_cast<const ast::RecordType&>(*decl.type).fields) {
      record->fields.push_back(FieldType{f.name.text, f.optional, resolve(*f.type, inStdlib), &f,
                                         findDecorator(f.decorators, "deployTime") != nullptr});
    }
  }
  return record;
}

TypePtr TypeResolver::named(std::string_view name, bool inStdlib) {
  if (!inStdlib) {
    if (!userTypesIndexed_) {
      userTypesIndexed_ = true;
      for (const auto* t : program_.types) userTypes_.emplace(t->name.text, t);
    }
    if (auto it = userTypes_.find(name); it != userTypes_.end()) return declared(*it->second, false);
  }
  if (auto it = program_.stdlibTypes.find(std::string(name)); it != program_.stdlibTypes.end()) {
    return declared(*it->second, true);
  }
  return nullptr;
}

TypePtr TypeResolver::resolveNamed(const ast::NamedType& type, bool inStdlib) {
  const std::string& n = type.name.text;
  static constexpr std::pair<std::string_view, Type::Kind> kPrimitives[] = {
      {"string", Type::Kind::String}, {"int", Type::Kind::Int},   {"number", Type::Kind::Number},
      {"bool", Type::Kind::Bool},     {"size", Type::Kind::Size}, {"duration", Type::Kind::Duration},
      {"any", Type::Kind::Any},       {"null", Type::Kind::Null}};
  for (const auto& [name, kind] : kPrimitives) {
    if (n == name) return primitiveType(kind);
  }
  if (n == "map") {
    auto map = std::make_shared<Type>();
    map->kind = Type::Kind::Map;
    map->element = type.args.empty() ? primitiveType(Type::Kind::Any) : resolve(*type.args.front(), inStdlib);
    return map;
  }
  if (TypePtr t = named(n, inStdlib)) return t;
  return primitiveType(Type::Kind::Error);  // reported by the binder
}

TypePtr TypeResolver::resolve(const ast::TypeExpr& type, bool inStdlib) {
  if (auto it = resolved_.find(&type); it != resolved_.end()) return it->second;
  TypePtr result = resolveUncached(type, inStdlib);
  resolved_.emplace(&type, result);
  return result;
}

TypePtr TypeResolver::resolveUncached(const ast::TypeExpr& type, bool inStdlib) {
  switch (type.kind) {
    case ast::TypeKind::Named: return resolveNamed(static_cast<const ast::NamedType&>(type), inStdlib);
    case ast::TypeKind::StringLiteral: {
      auto t = std::make_shared<Type>();
      t->kind = Type::Kind::Literal;
      t->literal = model::Value::ofString(static_cast<const ast::StringLiteralType&>(type).value);
      return t;
    }
    case ast::TypeKind::IntLiteral: {
      auto t = std::make_shared<Type>();
      t->kind = Type::Kind::Literal;
      t->literal = model::Value::ofInt(static_cast<const ast::IntLiteralType&>(type).value);
      return t;
    }
    case ast::TypeKind::BoolLiteral: {
      auto t = std::make_shared<Type>();
      t->kind = Type::Kind::Literal;
      t->literal = model::Value::ofBool(static_cast<const ast::BoolLiteralType&>(type).value);
      return t;
    }
    case ast::TypeKind::Union: {
      auto t = std::make_shared<Type>();
      t->kind = Type::Kind::Union;
      for (const auto& m : static_cast<const ast::UnionType&>(type).members) t->members.push_back(resolve(*m, inStdlib));
      return t;
    }
    case ast::TypeKind::List: {
      auto t = std::make_shared<Type>();
      t->kind = Type::Kind::List;
      t->element = resolve(*static_cast<const ast::ListType&>(type).element, inStdlib);
      return t;
    }
    case ast::TypeKind::Paren: return resolve(*static_cast<const ast::ParenType&>(type).inner, inStdlib);
    case ast::TypeKind::Record: {
      auto t = std::make_shared<Type>();
      t->kind = Type::Kind::Record;
      for (const auto& f : static_cast<const ast::RecordType&>(type).fields) {
        t->fields.push_back(FieldType{f.name.text, f.optional, resolve(*f.type, inStdlib), &f,
                                      findDecorator(f.decorators, "deployTime") != nullptr});
      }
      return t;
    }
    case ast::TypeKind::Error: return primitiveType(Type::Kind::Error);
  }
  return primitiveType(Type::Kind::Error);
}

}  // namespace jaws::sema
