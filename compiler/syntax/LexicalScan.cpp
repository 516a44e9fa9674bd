#include "syntax/LexicalScan.h"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "JawsLexer.h"
#include "diag/Builders.h"
#include "source/Utf8.h"
#include "syntax/SyntaxErrorStrategy.h"

namespace jaws::syntax {

namespace {

using L = jaws::grammar::JawsLexer;

// How a stray character is named in a message: invisible and confusable ones
// (controls, format characters such as bidirectional overrides and zero-width
// spaces, the backtick that quotes code) by their code point only.
std::string shownCharacter(std::string_view text) {
  // The file is valid UTF-8 (checked before lexing), so this decodes.
  const std::uint32_t cp = utf8::decode(text, 0)->codePoint;
  const std::string codePoint = fmt::format("U+{:04X}", cp);
  const bool invisible = cp < 0x20 || cp == 0x7F || cp == '`' || (cp >= 0x80 && cp < 0xA0) || cp == 0xAD ||
                         (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F) ||
                         cp == 0xFEFF;
  if (invisible) return codePoint;
  if (cp >= 0x80) return fmt::format("`{}` ({})", text, codePoint);
  return fmt::format("`{}`", text);
}

}  // namespace

TokenScan scanTokens(const SourceFile& file, antlr4::CommonTokenStream& tokens, ast::SourceUnit& unit, Diagnostics& out) {
  TokenScan scan;
  std::vector<std::uint32_t> openQuotes;
  std::uint32_t strayReported = 0, skipUntil = 0;
  for (antlr4::Token* token : tokens.getTokens()) {
    const auto begin = static_cast<std::uint32_t>(token->getStartIndex());
    const auto end = static_cast<std::uint32_t>(token->getStopIndex() + 1);
    switch (token->getType()) {
      case L::DQUOTE: openQuotes.push_back(begin); break;
      case L::DQUOTE_END:
      case L::STRING_NEWLINE:
        if (!openQuotes.empty()) openQuotes.pop_back();
        break;
      case L::LINE_COMMENT: unit.comments.push_back({ast::Comment::Kind::Line, Span{file.id(), begin, end}}); break;
      case L::DOC_COMMENT: unit.comments.push_back({ast::Comment::Kind::Doc, Span{file.id(), begin, end}}); break;
      case L::BLOCK_COMMENT: unit.comments.push_back({ast::Comment::Kind::Block, Span{file.id(), begin, end}}); break;
      case L::UNTERMINATED_BLOCK_COMMENT:
        scan.endsInsideComment = true;
        scan.unterminatedFrom = std::min(scan.unterminatedFrom, begin);
        out.push_back(diag::UnterminatedBlockComment(Span{file.id(), begin, begin + 2}));
        break;
      case L::STRAY_CHARACTER: {
        // A run of stray characters is one token; each character is one error.
        for (std::uint32_t at = std::max(begin, skipUntil); at < end && strayReported <= SyntaxErrorStrategy::kMaxErrors;) {
          const auto lead = static_cast<unsigned char>(file.text()[at]);
          const std::uint32_t length = static_cast<std::uint32_t>(utf8::sequenceLength(lead));
          skipUntil = std::min(at + length, file.size());  // a character may end past this token
          const Span character{file.id(), at, skipUntil};
          if (++strayReported <= SyntaxErrorStrategy::kMaxErrors) {
            out.push_back(diag::StrayCharacter(character, shownCharacter(file.slice(character))));
          } else {
            out.push_back(diag::TooManySyntaxErrors(character, std::to_string(SyntaxErrorStrategy::kMaxErrors)));
          }
          at = skipUntil;
        }
        break;
      }
      default: break;
    }
  }
  if (!openQuotes.empty()) {
    scan.endsInsideString = true;
    scan.unterminatedFrom = std::min(scan.unterminatedFrom, openQuotes.front());
    const std::uint32_t open = openQuotes.back();
    out.push_back(diag::UnterminatedString(Span{file.id(), open, file.size()}));
  }
  return scan;
}


}  // namespace jaws::syntax
