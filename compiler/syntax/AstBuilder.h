#pragma once
// Turns ANTLR's parse tree into the owned AST, one typed method per grammar
// rule (the Kuzu way, not std::any visitors). It also does the checks that are
// about spelling rather than grammar: escapes, number units and ranges, route
// paths, HTTP methods and route items. Missing parts of a broken tree become
// Error nodes so later stages can still run.
#include <memory>

#include "JawsParser.h"
#include "diag/Diagnostic.h"
#include "source/SourceFile.h"
#include "syntax/Ast.h"

namespace jaws::syntax {

using P = jaws::grammar::JawsParser;

class AstBuilder {
 public:
  AstBuilder(const SourceFile& file, antlr4::CommonTokenStream& tokens, Diagnostics& out)
      : file_(file), tokens_(tokens), out_(out) {}

  // Adds one import or declaration to `unit` (the parser facade parses and
  // builds one top-level item at a time). `sawDeclaration`: whether a
  // declaration came before, so that a later import is reported (JW1021).
  void buildTopLevel(P::TopLevelContext* ctx, ast::SourceUnit& unit, bool& sawDeclaration);

 private:
  // declarations (AstBuilder.cpp)
  ast::DeclPtr buildDeclaration(P::DeclarationContext* ctx);
  ast::DeclPtr buildDeclarationBody(P::DeclarationBodyContext* ctx);
  void buildBlock(P::BlockContext* ctx, ast::BlockDecl& decl);
  ast::Attribute buildAttribute(P::AttributeContext* ctx);
  ast::Decorator buildDecorator(P::DecoratorContext* ctx);
  std::vector<ast::Decorator> buildDecorators(const std::vector<P::DecoratorContext*>& list);
  // Decorators after a param's type or default (JW1023, with a fix-it).
  void reportTrailingDecorators(P::TrailingDecoratorsContext* ctx, Span keyword);

  // routes (AstBuilderRoutes.cpp)
  void buildApiBody(P::ApiBodyContext* ctx, ast::ApiDecl& api);
  ast::Route buildRoute(P::RouteContext* ctx);
  void buildRouteItem(P::RouteItemContext* ctx, ast::Route& route);
  ast::RoutePath buildRoutePath(antlr4::tree::TerminalNode* node);

  // types (AstBuilderTypes.cpp)
  ast::TypePtr buildType(P::TypeExprContext* ctx);
  ast::TypePtr buildTypePostfix(P::TypePostfixContext* ctx);
  ast::TypePtr buildTypePrimary(P::TypePrimaryContext* ctx);
  ast::TypePtr buildRecord(P::RecordTypeContext* ctx);
  ast::Field buildField(P::FieldContext* ctx);

  // expressions (AstBuilderExpr.cpp)
  ast::ExprPtr buildExpr(P::ExpressionContext* ctx);
  ast::ExprPtr buildPrimary(P::PrimaryContext* ctx);
  std::vector<ast::ExprPtr> buildArguments(P::ArgumentsContext* ctx);
  std::unique_ptr<ast::StringLiteral> buildString(P::StringLiteralContext* ctx);
  void appendEscape(antlr4::Token* token, std::string& text);
  ast::ExprPtr buildNumber(antlr4::Token* token, ast::ExprKind kind);
  ast::ExprPtr buildBadNumber(antlr4::Token* token);
  std::optional<std::int64_t> parseInteger(antlr4::Token* token, std::string_view digits, std::int64_t multiplier);

  // names and positions (AstBuilder.cpp)
  ast::Identifier identifier(P::IdentifierContext* ctx, antlr4::ParserRuleContext* fallback);
  ast::Identifier anyName(P::AnyNameContext* ctx, antlr4::ParserRuleContext* fallback);
  // An attribute or object key: a name, or a string's text.
  ast::Identifier key(P::AttributeKeyContext* ctx, bool& quoted);
  Span span(antlr4::ParserRuleContext* ctx) const;
  Span span(antlr4::Token* token) const;
  Span span(antlr4::tree::TerminalNode* node) const;
  std::string_view text(Span s) const { return file_.slice(s); }
  std::string docBefore(antlr4::ParserRuleContext* ctx) const;
  // A MISSING token (syntax/MissingPieces): reports "expected <what> before
  // <the next token>" there, once; returns its (empty) span.
  Span reportMissingPiece(antlr4::tree::TerminalNode* missing, const char* what);
  static bool isMissing(antlr4::Token* token);

  const SourceFile& file_;
  antlr4::CommonTokenStream& tokens_;
  Diagnostics& out_;
};

}  // namespace jaws::syntax
