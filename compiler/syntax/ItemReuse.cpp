#include "syntax/ItemReuse.h"

#include <algorithm>
#include <limits>
#include <typeinfo>

#include "syntax/AstBinary.h"
#include "syntax/LexedTokenStream.h"
#include "syntax/SourceToken.h"

namespace jaws::syntax {

struct ParsedItems::Body {
  // A token of the window, placed relative to the item's first token.
  struct Token {
    std::int32_t start = 0, stop = 0;  // kNoPlace: conjured by a token pass
    std::int16_t type = 0;
    std::uint8_t channel = 0;
    bool ownText = false;  // its text is not the source's: compared as text
  };
  static constexpr std::int32_t kNoPlace = std::numeric_limits<std::int32_t>::min();

  std::vector<Token> tokens;
  std::vector<std::string> ownTexts;  // of the tokens with ownText, in order
  std::uint32_t firstToItem = 0;      // tokens from the window's first to the item's first
  std::uint32_t itemToLast = 0;       // tokens from the item's first to its last
  std::int32_t textBegin = 0, textEnd = 0;  // the bytes the window covers, relative to the item
  bool atFileStart = false;       // the window starts at the file's first token
  bool onChannelBefore = false;   // the token before the window is a visible one
  bool sawDeclarationBefore = false, sawDeclarationAfter = false;
  std::string tree;  // the item's imports and declarations (ast::writeBinary)
};

namespace {

using Body = ParsedItems::Body;

bool ownTextOf(antlr4::Token* token) {
  if (token->getType() == antlr4::Token::EOF) return false;
  if (typeid(*token) == typeid(SourceToken)) return static_cast<SourceToken*>(token)->hasOwnText();
  return true;  // a CommonToken a pass inserted or replaced
}

std::int32_t placeOf(std::size_t index, std::uint32_t itemOffset) {
  if (index == INVALID_INDEX || index > std::numeric_limits<std::uint32_t>::max()) return Body::kNoPlace;
  return static_cast<std::int32_t>(static_cast<std::int64_t>(index) - itemOffset);
}

// The first token of the comments right before token `first`: where the
// builder looks for the item's doc comment.
std::size_t afterPreviousVisible(LexedTokenStream& tokens, std::size_t first) {
  std::size_t i = first;
  while (i > 0 && tokens.get(i - 1)->getChannel() != antlr4::Token::DEFAULT_CHANNEL) --i;
  return i;
}

// The bytes a token covers, from its start to its end; nothing for EOF and
// conjured tokens.
std::pair<std::size_t, std::size_t> bytesOf(antlr4::Token* token) {
  const std::size_t start = token->getStartIndex(), stop = token->getStopIndex();
  if (start == INVALID_INDEX || token->getType() == antlr4::Token::EOF || stop == INVALID_INDEX || stop < start) {
    return {INVALID_INDEX, INVALID_INDEX};
  }
  return {start, stop + 1};
}

}  // namespace

void ParsedItems::keep(LexedTokenStream& tokens, std::size_t first, std::size_t next, bool sawDeclarationBefore,
                       bool sawDeclarationAfter, ast::SourceUnit& unit, std::size_t importsBefore,
                       std::size_t declsBefore) {
  const auto offset = static_cast<std::uint32_t>(tokens.get(first)->getStartIndex());
  auto body = std::make_shared<Body>();
  // Its last token: the parse goes on after it, past any comments, and the
  // comments before the next item are that item's (its doc), not this one's.
  std::size_t last = next - 1;
  while (last > first && tokens.get(last)->getChannel() != antlr4::Token::DEFAULT_CHANNEL) --last;
  const std::size_t from = std::min(afterPreviousVisible(tokens, first), tokens.lowestLooked());
  const std::size_t to = std::max({tokens.highestLooked(), last, first});
  body->firstToItem = static_cast<std::uint32_t>(first - from);
  body->itemToLast = static_cast<std::uint32_t>(last - first);
  body->atFileStart = from == 0;
  body->onChannelBefore = from > 0 && tokens.get(from - 1)->getChannel() == antlr4::Token::DEFAULT_CHANNEL;
  body->sawDeclarationBefore = sawDeclarationBefore;
  body->sawDeclarationAfter = sawDeclarationAfter;
  std::size_t textBegin = offset, textEnd = offset;
  body->tokens.reserve(to - from + 1);
  for (std::size_t i = from; i <= to; ++i) {
    antlr4::Token* token = tokens.get(i);
    Body::Token kept;
    kept.start = placeOf(token->getStartIndex(), offset);
    kept.stop = placeOf(token->getStopIndex(), offset);
    kept.type = static_cast<std::int16_t>(static_cast<std::ptrdiff_t>(token->getType()));
    kept.channel = static_cast<std::uint8_t>(token->getChannel());
    kept.ownText = ownTextOf(token);
    if (kept.ownText) body->ownTexts.push_back(token->getText());
    body->tokens.push_back(kept);
    if (auto [begin, end] = bytesOf(token); begin != INVALID_INDEX) {
      textBegin = std::min(textBegin, begin);
      textEnd = std::max(textEnd, end);
    }
  }
  body->textBegin = static_cast<std::int32_t>(static_cast<std::int64_t>(textBegin) - offset);
  body->textEnd = static_cast<std::int32_t>(static_cast<std::int64_t>(textEnd) - offset);
  // The tree: what the item added to the unit, written as a unit of its own.
  ast::SourceUnit part;
  part.file = unit.file;
  for (std::size_t i = importsBefore; i < unit.imports.size(); ++i) part.imports.push_back(unit.imports[i]);
  auto& decls = unit.decls;  // lent to `part` while it is written
  for (std::size_t i = declsBefore; i < decls.size(); ++i) part.decls.push_back(std::move(decls[i]));
  const bool written = ast::writeBinary(part, body->tree);
  for (std::size_t i = declsBefore; i < decls.size(); ++i) decls[i] = std::move(part.decls[i - declsBefore]);
  if (!written) return;  // a span into another file: never from the parser, but then not kept
  items_.push_back(Item{offset, 0, std::move(body)});
}

bool ParsedItems::matches(const Item& item, std::int64_t shift, LexedTokenStream& tokens, std::size_t first,
                          std::string_view text) const {
  const Body& body = *item.body;
  const std::int64_t offset = static_cast<std::int64_t>(item.offset) + shift;
  // An empty span at the file's start means "absent" (AstBinary.h), unless
  // the item was parsed at the file's start: then it cannot move.
  const std::int64_t parsedAt = static_cast<std::int64_t>(item.offset) + body.textBegin - item.treeShift;
  if (parsedAt == 0 && item.treeShift + shift != 0) return false;
  if (first < body.firstToItem) return false;
  const std::size_t from = first - body.firstToItem;
  if (from + body.tokens.size() > tokens.size()) return false;
  if (body.atFileStart != (from == 0)) return false;
  if (from > 0 && body.onChannelBefore != (tokens.get(from - 1)->getChannel() == antlr4::Token::DEFAULT_CHANNEL)) {
    return false;
  }
  std::size_t ownText = 0;
  for (std::size_t k = 0; k < body.tokens.size(); ++k) {
    const Body::Token& kept = body.tokens[k];
    antlr4::Token* token = tokens.get(from + k);
    if (kept.type != static_cast<std::int16_t>(static_cast<std::ptrdiff_t>(token->getType())) ||
        kept.channel != token->getChannel() || kept.start != placeOf(token->getStartIndex(), static_cast<std::uint32_t>(offset)) ||
        kept.stop != placeOf(token->getStopIndex(), static_cast<std::uint32_t>(offset))) {
      return false;
    }
    if (kept.ownText != ownTextOf(token)) return false;
    if (kept.ownText && body.ownTexts[ownText++] != token->getText()) return false;
  }
  // The bytes between the tokens too: spans over several tokens are sliced
  // from the text (a string's parts, a doc comment).
  const std::int64_t begin = offset + body.textBegin, end = offset + body.textEnd;
  const std::int64_t oldBegin = static_cast<std::int64_t>(item.offset) + body.textBegin;
  if (begin < 0 || end > static_cast<std::int64_t>(text.size()) || oldBegin < 0 ||
      oldBegin + (end - begin) > static_cast<std::int64_t>(text_.size())) {
    return false;
  }
  return text.substr(static_cast<std::size_t>(begin), static_cast<std::size_t>(end - begin)) ==
         std::string_view(text_).substr(static_cast<std::size_t>(oldBegin), static_cast<std::size_t>(end - begin));
}

bool ParsedItems::take(const ParsedItems& previous, LexedTokenStream& tokens, std::size_t first, bool& sawDeclaration,
                       ast::SourceUnit& unit) {
  const std::size_t start = tokens.get(first)->getStartIndex();
  if (start == INVALID_INDEX) return false;
  // The item stands where it stood (before the edit) or moved by the edit's
  // change of length (after it).
  const std::int64_t lengthChange = static_cast<std::int64_t>(text_.size()) - static_cast<std::int64_t>(previous.text_.size());
  const std::int64_t shifts[] = {0, lengthChange};
  for (std::size_t candidate = 0; candidate < (lengthChange == 0 ? 1 : 2); ++candidate) {
    const std::int64_t shift = shifts[candidate];
    const std::int64_t oldStart = static_cast<std::int64_t>(start) - shift;
    if (oldStart < 0) continue;
    auto it = std::lower_bound(previous.items_.begin(), previous.items_.end(), oldStart,
                               [](const Item& item, std::int64_t at) { return static_cast<std::int64_t>(item.offset) < at; });
    if (it == previous.items_.end() || it->offset != oldStart) continue;
    const Body& body = *it->body;
    if (body.sawDeclarationBefore != sawDeclaration) continue;
    if (!previous.matches(*it, shift, tokens, first, text_)) continue;
    auto part = ast::readBinary(body.tree, unit.file, it->treeShift + shift);
    if (!part) return false;
    for (auto& import : part->imports) unit.imports.push_back(std::move(import));
    for (auto& decl : part->decls) unit.decls.push_back(std::move(decl));
    sawDeclaration = body.sawDeclarationAfter;
    tokens.seek(first + body.itemToLast);
    tokens.consume();  // to the next visible token, as the parse of the item left it
    items_.push_back(Item{static_cast<std::uint32_t>(start), it->treeShift + shift, it->body});
    return true;
  }
  return false;
}

}  // namespace jaws::syntax
