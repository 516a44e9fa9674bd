// Expressions, strings and number literals.
#include <charconv>
#include <limits>

#include "JawsLexer.h"
#include "diag/Builders.h"
#include "source/Utf8.h"
#include "syntax/AstBuilder.h"
#include "syntax/ContextCast.h"

namespace jaws::syntax {

using L = jaws::grammar::JawsLexer;

namespace {

struct Unit {
  std::string_view suffix;
  std::int64_t multiplier;
};
constexpr Unit kSizeUnits[] = {{"KB", 1024LL}, {"MB", 1024LL * 1024}, {"GB", 1024LL * 1024 * 1024},
                               {"TB", 1024LL * 1024 * 1024 * 1024}};
constexpr Unit kDurationUnits[] = {{"ms", 1}, {"s", 1000}, {"m", 60'000}, {"h", 3'600'000}, {"d", 86'400'000}};

// The unit a user most likely meant by a suffix we do not know, or empty.
std::string_view likelyUnit(std::string_view suffix) {
  std::string lower;
  for (char c : suffix) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const auto& u : kSizeUnits) {
    std::string l;
    for (char c : u.suffix) l += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == l || lower == l.substr(0, 1) || lower == l.substr(0, 1) + "ib") return u.suffix;
  }
  if (lower == "ms" || lower == "msec" || lower == "millis") return "ms";
  if (lower == "sec" || lower == "secs" || lower == "second" || lower == "seconds") return "s";
  if (lower == "min" || lower == "mins" || lower == "minute" || lower == "minutes") return "m";
  if (lower == "hr" || lower == "hrs" || lower == "hour" || lower == "hours") return "h";
  if (lower == "day" || lower == "days") return "d";
  return {};
}

ast::BinaryOp binaryOp(size_t tokenType) {
  switch (tokenType) {
    case L::EQ: return ast::BinaryOp::Equal;
    case L::NEQ: return ast::BinaryOp::NotEqual;
    case L::AND: return ast::BinaryOp::And;
    default: return ast::BinaryOp::Or;
  }
}

}  // namespace

std::vector<ast::ExprPtr> AstBuilder::buildArguments(P::ArgumentsContext* ctx) {
  std::vector<ast::ExprPtr> args;
  if (ctx == nullptr) return args;
  for (auto* e : ctx->expression()) args.push_back(buildExpr(e));
  return args;
}

ast::ExprPtr AstBuilder::buildExpr(P::ExpressionContext* ctx) {
  if (ctx == nullptr || isMissing(ctx->getStart())) return std::make_unique<ast::ErrorExpr>(span(ctx));
  const Span s = span(ctx);
  if (auto* c = asAlternative<P::PrimaryExprContext>(ctx)) return buildPrimary(c->primary());
  if (auto* c = asAlternative<P::MemberExprContext>(ctx)) {
    return std::make_unique<ast::MemberExpr>(s, buildExpr(c->expression()), anyName(c->anyName(), c));
  }
  if (auto* c = asAlternative<P::CallExprContext>(ctx)) {
    auto call = std::make_unique<ast::CallExpr>(s, buildExpr(c->expression()));
    call->args = buildArguments(c->arguments());
    return call;
  }
  if (auto* c = asAlternative<P::NotExprContext>(ctx)) return std::make_unique<ast::NotExpr>(s, buildExpr(c->expression()));
  if (auto* c = asAlternative<P::EqualityExprContext>(ctx)) {
    return std::make_unique<ast::BinaryExpr>(s, binaryOp(c->op->getType()), buildExpr(c->expression(0)),
                                             buildExpr(c->expression(1)));
  }
  if (auto* c = asAlternative<P::AndExprContext>(ctx)) {
    return std::make_unique<ast::BinaryExpr>(s, ast::BinaryOp::And, buildExpr(c->expression(0)), buildExpr(c->expression(1)));
  }
  if (auto* c = asAlternative<P::OrExprContext>(ctx)) {
    return std::make_unique<ast::BinaryExpr>(s, ast::BinaryOp::Or, buildExpr(c->expression(0)), buildExpr(c->expression(1)));
  }
  if (auto* c = asAlternative<P::ConditionalExprContext>(ctx)) {
    return std::make_unique<ast::ConditionalExpr>(s, buildExpr(c->expression(0)), buildExpr(c->expression(1)),
                                                  buildExpr(c->expression(2)));
  }
  return std::make_unique<ast::ErrorExpr>(s);
}

ast::ExprPtr AstBuilder::buildPrimary(P::PrimaryContext* ctx) {
  if (ctx == nullptr || isMissing(ctx->getStart())) return std::make_unique<ast::ErrorExpr>(span(ctx));
  const Span s = span(ctx);
  if (auto* c = asAlternative<P::IntLiteralContext>(ctx)) return buildNumber(c->INT()->getSymbol(), ast::ExprKind::Int);
  if (auto* c = asAlternative<P::SizeLiteralContext>(ctx)) return buildNumber(c->SIZE()->getSymbol(), ast::ExprKind::Size);
  if (auto* c = asAlternative<P::DurationLiteralContext>(ctx)) {
    return buildNumber(c->DURATION()->getSymbol(), ast::ExprKind::Duration);
  }
  if (auto* c = asAlternative<P::DecimalLiteralContext>(ctx)) {
    return buildNumber(c->DECIMAL()->getSymbol(), ast::ExprKind::Decimal);
  }
  if (auto* c = asAlternative<P::BadNumberLiteralContext>(ctx)) return buildBadNumber(c->BAD_NUMBER()->getSymbol());
  if (auto* c = asAlternative<P::BoolLiteralContext>(ctx)) return std::make_unique<ast::BoolLiteral>(s, c->KW_TRUE() != nullptr);
  if (asAlternative<P::NullLiteralContext>(ctx)) return std::make_unique<ast::NullLiteral>(s);
  if (auto* c = asAlternative<P::StringExprContext>(ctx)) return buildString(c->stringLiteral());
  if (auto* c = asAlternative<P::ListLiteralContext>(ctx)) {
    auto list = std::make_unique<ast::ListLiteral>(s);
    for (auto* item : c->expression()) list->items.push_back(buildExpr(item));
    return list;
  }
  if (auto* c = asAlternative<P::ObjectLiteralContext>(ctx)) {
    auto object = std::make_unique<ast::ObjectLiteral>(s);
    for (auto* entry : c->objectEntry()) {
      ast::ObjectEntry e;
      e.span = span(entry);
      e.key = key(entry->attributeKey(), e.quotedKey);
      e.value = buildExpr(entry->expression());
      object->entries.push_back(std::move(e));
    }
    return object;
  }
  if (auto* c = asAlternative<P::NameExprContext>(ctx)) {
    const Span at = span(c->nameReference());
    return std::make_unique<ast::NameExpr>(s, ast::Identifier{std::string(text(at)), at});
  }
  if (auto* c = asAlternative<P::ParenExprContext>(ctx)) return std::make_unique<ast::ParenExpr>(s, buildExpr(c->expression()));
  if (auto* c = asAlternative<P::MissingExprContext>(ctx)) {
    return std::make_unique<ast::ErrorExpr>(reportMissingPiece(c->MISSING(), "an expression"));
  }
  return std::make_unique<ast::ErrorExpr>(s);
}

// ---- numbers -------------------------------------------------------------------

std::optional<std::int64_t> AstBuilder::parseInteger(antlr4::Token* token, std::string_view digits,
                                                     std::int64_t multiplier) {
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  std::int64_t scaled = 0;
  if (ec != std::errc() || end != digits.data() + digits.size() || __builtin_mul_overflow(value, multiplier, &scaled)) {
    out_.push_back(diag::IntegerOutOfRange(span(token), text(span(token))));
    return std::nullopt;
  }
  return scaled;
}

ast::ExprPtr AstBuilder::buildNumber(antlr4::Token* token, ast::ExprKind kind) {
  const Span s = span(token);
  const std::string_view t = text(s);
  auto error = [&] { return std::make_unique<ast::ErrorExpr>(s); };
  switch (kind) {
    case ast::ExprKind::Int: {
      auto v = parseInteger(token, t, 1);
      if (!v) return error();
      return std::make_unique<ast::IntLiteral>(s, *v);
    }
    case ast::ExprKind::Decimal: {
      double value = 0;
      std::from_chars(t.data(), t.data() + t.size(), value);
      return std::make_unique<ast::DecimalLiteral>(s, value);
    }
    case ast::ExprKind::Size:
      for (const auto& unit : kSizeUnits) {
        if (t.size() > unit.suffix.size() && t.ends_with(unit.suffix)) {
          auto v = parseInteger(token, t.substr(0, t.size() - unit.suffix.size()), unit.multiplier);
          if (!v) return error();
          return std::make_unique<ast::SizeLiteral>(s, *v);
        }
      }
      break;
    case ast::ExprKind::Duration: {
      // Longest suffix first: "ms" before "m" and "s".
      const Unit* match = nullptr;
      for (const auto& unit : kDurationUnits) {
        const std::string_view digits = t.substr(0, t.size() - std::min(t.size(), unit.suffix.size()));
        const bool numeric = !digits.empty() && std::isdigit(static_cast<unsigned char>(digits.back()));
        if (t.ends_with(unit.suffix) && numeric && (!match || unit.suffix.size() > match->suffix.size())) match = &unit;
      }
      if (match) {
        auto v = parseInteger(token, t.substr(0, t.size() - match->suffix.size()), match->multiplier);
        if (!v) return error();
        return std::make_unique<ast::DurationLiteral>(s, *v);
      }
      break;
    }
    default: break;
  }
  return error();
}

ast::ExprPtr AstBuilder::buildBadNumber(antlr4::Token* token) {
  const Span s = span(token);
  const std::string_view t = text(s);
  std::size_t i = (!t.empty() && t.front() == '-') ? 1 : 0;
  while (i < t.size() && (std::isdigit(static_cast<unsigned char>(t[i])) || t[i] == '.')) ++i;
  const std::string_view unit = t.substr(i);
  Diagnostic d = diag::InvalidNumberUnit(s, t, unit);
  const bool knownUnit = std::any_of(std::begin(kSizeUnits), std::end(kSizeUnits), [&](auto& u) { return u.suffix == unit; }) ||
                         std::any_of(std::begin(kDurationUnits), std::end(kDurationUnits), [&](auto& u) { return u.suffix == unit; });
  if (knownUnit) {
    d.withHelp(note::WholeNumbers());
  } else if (std::string_view likely = likelyUnit(unit); !likely.empty()) {
    const std::string replacement = std::string(t.substr(0, i)) + std::string(likely);
    d.withHelp(note::DidYouMean(replacement)).withFix(note::ReplaceWith(replacement), s, replacement);
  } else {
    d.withHelp(note::NumberUnits());
  }
  out_.push_back(std::move(d));
  return std::make_unique<ast::ErrorExpr>(s);
}

// ---- strings -------------------------------------------------------------------

void AstBuilder::appendEscape(antlr4::Token* token, std::string& text) {
  const Span s = span(token);
  const std::string_view escape = this->text(s);
  if (escape.size() >= 2) {
    switch (escape[1]) {
      case '"': text += '"'; return;
      case '\\': text += '\\'; return;
      case 'n': text += '\n'; return;
      case 't': text += '\t'; return;
      case 'r': text += '\r'; return;
      case '$': text += '$'; return;
      case 'u':
        if (escape.size() >= 4 && escape[2] == '{' && escape.back() == '}') {
          const std::string_view hex = escape.substr(3, escape.size() - 4);
          std::uint32_t cp = 0;
          const auto [end, ec] = std::from_chars(hex.data(), hex.data() + hex.size(), cp, 16);
          if (hex.size() >= 1 && hex.size() <= 6 && ec == std::errc() && end == hex.data() + hex.size() &&
              utf8::append(text, cp)) {
            return;
          }
          out_.push_back(diag::InvalidUnicodeEscape(s, escape));
          return;
        }
        break;
      default: break;
    }
  }
  // Show the escape as the user sees it: the backslash and one character.
  std::string_view shown = escape.substr(0, std::min<std::size_t>(escape.size(), 1 + utf8::sequenceLength(
                                                                                        escape.size() > 1 ? escape[1] : 0)));
  out_.push_back(diag::InvalidEscape(Span{s.file, s.begin, static_cast<std::uint32_t>(s.begin + shown.size())}, shown)
                     .withHelp(note::EscapeBackslash())
                     .withFix(note::ReplaceWith("\\\\"), Span{s.file, s.begin, s.begin + 1}, "\\\\"));
}

std::unique_ptr<ast::StringLiteral> AstBuilder::buildString(P::StringLiteralContext* ctx) {
  auto literal = std::make_unique<ast::StringLiteral>(span(ctx));
  if (ctx == nullptr) return literal;
  auto appendText = [&](std::string_view piece, Span at) {
    if (literal->parts.empty() || literal->parts.back().isInterpolation()) {
      literal->parts.push_back(ast::StringPart{std::string(piece), nullptr, at});
    } else {
      literal->parts.back().text += piece;
      literal->parts.back().span = literal->parts.back().span.cover(at);
    }
  };
  for (auto* part : ctx->stringPart()) {
    antlr4::Token* first = part->getStart();
    const Span at = span(part);
    switch (first->getType()) {
      case L::STRING_TEXT:
      case L::STRING_DOLLAR: appendText(text(at), at); break;
      case L::STRING_ESCAPE:
      case L::STRING_BAD_ESCAPE: {
        std::string decoded;
        appendEscape(first, decoded);
        appendText(decoded, at);
        break;
      }
      case L::INTERP_START: literal->parts.push_back(ast::StringPart{"", buildExpr(part->expression()), at}); break;
      default: break;
    }
  }
  if (ctx->STRING_NEWLINE() || !ctx->DQUOTE_END() || isMissing(ctx->DQUOTE_END()->getSymbol())) {
    literal->terminated = false;
    // A string cut by a line break is reported here; one cut by the end of
    // the file was reported by the parser facade from the lexer's state.
    if (ctx->STRING_NEWLINE()) {
      const Span open = span(ctx->DQUOTE());
      out_.push_back(diag::UnterminatedString(Span{file_.id(), open.begin, span(ctx->STRING_NEWLINE()).begin}));
    }
  }
  return literal;
}

}  // namespace jaws::syntax
