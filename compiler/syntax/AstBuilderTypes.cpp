// Types: `string`, `Todo[]`, `map<string>`, `"a" | "b"`, `{ a: T, b?: U }`.
#include <charconv>

#include "diag/Builders.h"
#include "syntax/AstBuilder.h"
#include "syntax/ContextCast.h"

namespace jaws::syntax {

ast::TypePtr AstBuilder::buildType(P::TypeExprContext* ctx) {
  if (ctx == nullptr) return std::make_unique<ast::ErrorType>(Span{file_.id(), 0, 0});
  const auto members = ctx->typePostfix();
  if (members.size() == 1) return buildTypePostfix(members.front());
  auto u = std::make_unique<ast::UnionType>(span(ctx));
  for (auto* member : members) u->members.push_back(buildTypePostfix(member));
  return u;
}

ast::TypePtr AstBuilder::buildTypePostfix(P::TypePostfixContext* ctx) {
  ast::TypePtr type = buildTypePrimary(ctx->typePrimary());
  for (auto* bracket : ctx->RBRACKET()) {
    const Span s = type->span.cover(span(bracket));
    type = std::make_unique<ast::ListType>(s, std::move(type));
  }
  return type;
}

ast::TypePtr AstBuilder::buildTypePrimary(P::TypePrimaryContext* ctx) {
  if (ctx == nullptr || isMissing(ctx->getStart())) return std::make_unique<ast::ErrorType>(span(ctx));
  if (auto* c = asAlternative<P::NamedTypeContext>(ctx)) {
    auto t = std::make_unique<ast::NamedType>(span(c), identifier(c->identifier(), c));
    if (c->LT()) {
      t->hasArgs = true;
      t->args.push_back(buildType(c->typeExpr()));
    }
    return t;
  }
  if (auto* c = asAlternative<P::StringLiteralTypeContext>(ctx)) {
    auto literal = buildString(c->stringLiteral());
    return std::make_unique<ast::StringLiteralType>(literal->span, literal->plainText());
  }
  if (auto* c = asAlternative<P::IntLiteralTypeContext>(ctx)) {
    auto value = buildNumber(c->INT()->getSymbol(), ast::ExprKind::Int);
    if (value->kind != ast::ExprKind::Int) return std::make_unique<ast::ErrorType>(span(c));
    return std::make_unique<ast::IntLiteralType>(span(c), static_cast<ast::IntLiteral&>(*value).value);
  }
  if (auto* c = asAlternative<P::BoolLiteralTypeContext>(ctx)) {
    return std::make_unique<ast::BoolLiteralType>(span(c), c->KW_TRUE() != nullptr);
  }
  if (auto* c = asAlternative<P::RecordTypeRefContext>(ctx)) return buildRecord(c->recordType());
  if (auto* c = asAlternative<P::MissingTypeContext>(ctx)) {
    return std::make_unique<ast::ErrorType>(reportMissingPiece(c->MISSING(), "a type"));
  }
  if (auto* c = asAlternative<P::ParenTypeContext>(ctx)) {
    return std::make_unique<ast::ParenType>(span(c), buildType(c->typeExpr()));
  }
  return std::make_unique<ast::ErrorType>(span(ctx));
}

ast::TypePtr AstBuilder::buildRecord(P::RecordTypeContext* ctx) {
  if (ctx == nullptr) return std::make_unique<ast::ErrorType>(Span{file_.id(), 0, 0});
  auto record = std::make_unique<ast::RecordType>(span(ctx));
  for (auto* field : ctx->field()) record->fields.push_back(buildField(field));
  return record;
}

ast::Field AstBuilder::buildField(P::FieldContext* ctx) {
  ast::Field f;
  f.span = span(ctx);
  f.name = anyName(ctx->anyName(), ctx);
  f.optional = ctx->QUESTION() != nullptr;
  f.type = buildType(ctx->typeExpr());
  if (ctx->ASSIGN()) f.defaultValue = buildExpr(ctx->expression());
  f.decorators = buildDecorators(ctx->decorator());
  f.doc = docBefore(ctx);
  return f;
}

}  // namespace jaws::syntax
