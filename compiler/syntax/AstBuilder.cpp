#include "syntax/AstBuilder.h"

#include "JawsLexer.h"
#include "diag/Builders.h"
#include "syntax/TokenDescriptions.h"

namespace jaws::syntax {

using L = jaws::grammar::JawsLexer;

// ---- positions -----------------------------------------------------------------

bool AstBuilder::isMissing(antlr4::Token* token) {
  // Tokens conjured by error recovery have no position in the input.
  return token == nullptr || token->getStartIndex() == INVALID_INDEX || token->getTokenIndex() == INVALID_INDEX;
}

Span AstBuilder::span(antlr4::Token* token) const {
  if (isMissing(token)) return Span{file_.id(), 0, 0};
  const size_t start = token->getStartIndex();
  const size_t stop = token->getStopIndex();
  if (token->getType() == antlr4::Token::EOF || stop == INVALID_INDEX || stop < start) {
    return Span{file_.id(), static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(start)};
  }
  return Span{file_.id(), static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(stop + 1)};
}

Span AstBuilder::span(antlr4::tree::TerminalNode* node) const {
  return node ? span(node->getSymbol()) : Span{file_.id(), 0, 0};
}

Span AstBuilder::span(antlr4::ParserRuleContext* ctx) const {
  if (ctx == nullptr) return Span{file_.id(), 0, 0};
  const Span first = span(ctx->getStart());
  antlr4::Token* stop = ctx->getStop();
  if (isMissing(stop) || stop->getTokenIndex() < ctx->getStart()->getTokenIndex()) {
    return Span{file_.id(), first.begin, first.begin};
  }
  return first.cover(span(stop));
}

std::string AstBuilder::docBefore(antlr4::ParserRuleContext* ctx) const {
  if (ctx == nullptr || isMissing(ctx->getStart())) return {};
  const auto hidden = tokens_.getHiddenTokensToLeft(ctx->getStart()->getTokenIndex(), L::COMMENTS);
  // Only the doc comments right before the node, after any other comment.
  std::vector<std::string_view> lines;
  for (antlr4::Token* token : hidden) {
    if (token->getType() != L::DOC_COMMENT) {
      lines.clear();
      continue;
    }
    std::string_view line = text(span(token)).substr(3);
    if (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
    lines.push_back(line);
  }
  std::string doc;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i) doc += '\n';
    doc += lines[i];
  }
  return doc;
}

Span AstBuilder::reportMissingPiece(antlr4::tree::TerminalNode* missing, const char* what) {
  const Span at = span(missing);
  antlr4::Token* next = missing->getSymbol();
  for (size_t i = next->getTokenIndex() + 1; i < tokens_.size(); ++i) {
    next = tokens_.get(i);
    if (next->getChannel() == antlr4::Token::DEFAULT_CHANNEL) break;
  }
  out_.push_back(diag::MissingToken(at, what, describeToken(next)));
  return at;
}

ast::Identifier AstBuilder::identifier(P::IdentifierContext* ctx, antlr4::ParserRuleContext* fallback) {
  if (ctx == nullptr || ctx->ID() == nullptr || isMissing(ctx->ID()->getSymbol())) {
    Span at = span(fallback);
    return ast::Identifier{"", Span{file_.id(), at.end, at.end}};
  }
  const Span s = span(ctx->ID());
  return ast::Identifier{std::string(text(s)), s};
}

ast::Identifier AstBuilder::anyName(P::AnyNameContext* ctx, antlr4::ParserRuleContext* fallback) {
  if (ctx == nullptr || isMissing(ctx->getStart())) {
    Span at = span(fallback);
    return ast::Identifier{"", Span{file_.id(), at.end, at.end}};
  }
  const Span s = span(ctx->getStart());
  return ast::Identifier{std::string(text(s)), s};
}

ast::Identifier AstBuilder::key(P::AttributeKeyContext* ctx, bool& quoted) {
  quoted = false;
  if (ctx && ctx->stringLiteral()) {
    quoted = true;
    auto str = buildString(ctx->stringLiteral());
    return ast::Identifier{str->plainText(), str->span};
  }
  return anyName(ctx ? ctx->anyName() : nullptr, ctx);
}

// ---- declarations ------------------------------------------------------------

void AstBuilder::buildTopLevel(P::TopLevelContext* ctx, ast::SourceUnit& unit, bool& sawDeclaration) {
  if (auto* imp = ctx->importDecl()) {
    ast::ImportDecl decl;
    decl.span = span(imp);
    if (auto* str = imp->stringLiteral()) {
      auto literal = buildString(str);
      decl.pathSpan = literal->span;
      decl.path = literal->plainText();
      decl.interpolated = !literal->isPlain();
      if (decl.interpolated) out_.push_back(diag::ImportPathInterpolated(literal->span));
    } else {
      decl.pathSpan = Span{file_.id(), decl.span.end, decl.span.end};
    }
    if (sawDeclaration) out_.push_back(diag::ImportNotAtTop(decl.span));
    if (!decl.path.empty()) unit.imports.push_back(std::move(decl));
    return;
  }
  if (auto* declaration = ctx->declaration()) {
    if (auto decl = buildDeclaration(declaration)) {
      sawDeclaration = true;
      unit.decls.push_back(std::move(decl));
    }
  }
}

std::vector<ast::Decorator> AstBuilder::buildDecorators(const std::vector<P::DecoratorContext*>& list) {
  std::vector<ast::Decorator> out;
  out.reserve(list.size());
  for (auto* d : list) out.push_back(buildDecorator(d));
  return out;
}

ast::Decorator AstBuilder::buildDecorator(P::DecoratorContext* ctx) {
  ast::Decorator d;
  d.span = span(ctx);
  d.name = ctx->MISSING() ? ast::Identifier{"", reportMissingPiece(ctx->MISSING(), "a decorator name")}
                          : anyName(ctx->anyName(), ctx);
  d.hasParens = ctx->LPAREN() != nullptr;
  d.args = buildArguments(ctx->arguments());
  return d;
}

ast::DeclPtr AstBuilder::buildDeclaration(P::DeclarationContext* ctx) {
  ast::DeclPtr decl = buildDeclarationBody(ctx->declarationBody());
  if (!decl) return nullptr;
  // A param's decorators written after its type (reported) follow those
  // written first.
  std::vector<ast::Decorator> trailing = std::move(decl->decorators);
  decl->decorators = buildDecorators(ctx->decorator());
  for (auto& d : trailing) decl->decorators.push_back(std::move(d));
  decl->doc = docBefore(ctx);
  decl->span = span(ctx);
  return decl;
}

ast::DeclPtr AstBuilder::buildDeclarationBody(P::DeclarationBodyContext* ctx) {
  if (ctx == nullptr) return nullptr;
  if (auto* c = ctx->projectDecl()) {
    auto d = std::make_unique<ast::ProjectDecl>();
    d->keywordSpan = span(c->PROJECT());
    d->name = identifier(c->identifier(), c);
    buildBlock(c->block(), *d);
    return d;
  }
  if (auto* c = ctx->stageDecl()) {
    auto d = std::make_unique<ast::StageDecl>();
    d->keywordSpan = span(c->STAGE());
    d->name = identifier(c->identifier(), c);
    buildBlock(c->block(), *d);
    return d;
  }
  if (auto* c = ctx->functionDecl()) {
    auto d = std::make_unique<ast::FunctionDecl>();
    d->keywordSpan = span(c->FUNCTION());
    d->name = identifier(c->identifier(), c);
    buildBlock(c->block(), *d);
    return d;
  }
  if (auto* c = ctx->apiDecl()) {
    auto d = std::make_unique<ast::ApiDecl>();
    d->keywordSpan = span(c->API());
    d->name = identifier(c->identifier(), c);
    buildApiBody(c->apiBody(), *d);
    return d;
  }
  if (auto* c = ctx->resourceDecl()) {
    auto d = std::make_unique<ast::ResourceDecl>();
    d->keywordSpan = span(c->RESOURCE());
    d->name = identifier(c->identifier(), c);
    if (auto* str = c->stringLiteral()) {
      auto literal = buildString(str);
      d->resourceType = literal->plainText();
      d->resourceTypeSpan = literal->span;
    }
    buildBlock(c->block(), *d);
    return d;
  }
  if (auto* c = ctx->paramDecl()) {
    auto d = std::make_unique<ast::ParamDecl>();
    d->keywordSpan = span(c->PARAM());
    d->name = identifier(c->identifier(), c);
    d->type = buildType(c->typeExpr());
    if (c->ASSIGN()) d->defaultValue = buildExpr(c->expression());
    for (auto* trailing : c->trailingDecorators()) {
      std::vector<ast::Decorator> list = buildDecorators(trailing->decorator());
      reportTrailingDecorators(trailing, d->keywordSpan);
      for (auto& decorator : list) d->decorators.push_back(std::move(decorator));
    }
    return d;
  }
  if (auto* c = ctx->letDecl()) {
    auto d = std::make_unique<ast::LetDecl>();
    d->keywordSpan = span(c->LET());
    d->name = identifier(c->identifier(), c);
    d->value = buildExpr(c->expression());
    return d;
  }
  if (auto* c = ctx->typeDecl()) {
    auto d = std::make_unique<ast::TypeDecl>();
    d->keywordSpan = span(c->TYPE());
    d->name = identifier(c->identifier(), c);
    if (c->recordType()) {
      d->type = buildRecord(c->recordType());
    } else {
      d->isAlias = true;
      d->type = buildType(c->typeExpr());
    }
    return d;
  }
  if (auto* c = ctx->outputDecl()) {
    auto d = std::make_unique<ast::OutputDecl>();
    d->keywordSpan = span(c->OUTPUT());
    d->name = identifier(c->identifier(), c);
    d->value = buildExpr(c->expression());
    return d;
  }
  return nullptr;
}

void AstBuilder::reportTrailingDecorators(P::TrailingDecoratorsContext* ctx, Span keyword) {
  // The fix-it moves the decorators' text, and the whitespace before it, to
  // just before `param`.
  const Span decorators = span(ctx);
  std::uint32_t from = decorators.begin;
  while (from > 0 && (file_.text()[from - 1] == ' ' || file_.text()[from - 1] == '\t')) --from;
  Diagnostic d = diag::ParamDecoratorAfterType(decorators);
  d.fixes.push_back(FixIt{note::MoveDecoratorsFirst().str(),
                          {TextEdit{Span{file_.id(), keyword.begin, keyword.begin}, std::string(text(decorators)) + " "},
                           TextEdit{Span{file_.id(), from, decorators.end}, ""}}});
  out_.push_back(std::move(d));
}

void AstBuilder::buildBlock(P::BlockContext* ctx, ast::BlockDecl& decl) {
  if (ctx == nullptr) return;
  decl.bodySpan = span(ctx);
  for (auto* attribute : ctx->attribute()) decl.attributes.push_back(buildAttribute(attribute));
}

ast::Attribute AstBuilder::buildAttribute(P::AttributeContext* ctx) {
  ast::Attribute a;
  a.span = span(ctx);
  a.key = key(ctx->attributeKey(), a.quotedKey);
  a.value = buildExpr(ctx->expression());
  a.doc = docBefore(ctx);
  return a;
}

}  // namespace jaws::syntax
