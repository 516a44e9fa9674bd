// Finding the source of a value, for the rules' diagnostics (RuleContext.h).
#include "sema/rules/RuleContext.h"

namespace jaws::sema {

const ast::BlockDecl* blockDecl(const Program& program, std::string_view name, SymbolKind kind) {
  const Symbol* symbol = program.lookup(name);
  if (symbol == nullptr || symbol->kind != kind || symbol->decl == nullptr) return nullptr;
  switch (symbol->decl->kind) {
    case ast::DeclKind::Project:
    case ast::DeclKind::Stage:
    case ast::DeclKind::Function:
    case ast::DeclKind::Api:
    case ast::DeclKind::Resource: return static_cast<const ast::BlockDecl*>(symbol->decl);
    default: return nullptr;
  }
}

const ast::Attribute* findAttribute(const ast::BlockDecl& block, std::string_view key) {
  for (const auto& a : block.attributes) {
    if (a.key.text == key) return &a;
  }
  return nullptr;
}

Span objectKeySpan(const ast::Expr& expr, std::string_view key) {
  switch (expr.kind) {
    case ast::ExprKind::Object:
      for (const auto& entry : static_cast<const ast::ObjectLiteral&>(expr).entries) {
        if (entry.key.text == key) return entry.key.span;
      }
      return Span{};
    case ast::ExprKind::Paren: return objectKeySpan(*static_cast<const ast::ParenExpr&>(expr).inner, key);
    case ast::ExprKind::Conditional: {
      const auto& c = static_cast<const ast::ConditionalExpr&>(expr);
      return spanOr(objectKeySpan(*c.whenTrue, key), objectKeySpan(*c.whenFalse, key));
    }
    default: return Span{};
  }
}

const ast::Attribute* inheritedAttribute(const Program& program, const ast::BlockDecl* function, std::string_view attribute) {
  if (function != nullptr) {
    if (const ast::Attribute* a = findAttribute(*function, attribute)) return a;
  }
  return program.project != nullptr ? findAttribute(*program.project, attribute) : nullptr;
}

Span inheritedKeySpan(const StackRuleContext& context, const ast::BlockDecl* function, std::string_view attribute,
                      std::string_view key) {
  std::vector<const ast::BlockDecl*> blocks{function, context.evaluator.stageDecl(), context.program.project};
  for (const ast::BlockDecl* block : blocks) {
    if (block == nullptr) continue;
    if (const ast::Attribute* a = findAttribute(*block, attribute)) {
      if (Span at = objectKeySpan(*a->value, key); at.valid()) return at;
    }
  }
  return Span{};
}

Span handlerSpan(const Program& program, const model::Function& function) {
  const ast::BlockDecl* decl = blockDecl(program, function.name, SymbolKind::Function);
  const ast::Attribute* handler = decl ? findAttribute(*decl, "handler") : nullptr;
  return handler ? handler->value->span : Span{function.span};
}

}  // namespace jaws::sema
