#include "syntax/Tokenizer.h"

#include <algorithm>
#include <cstring>
#include <string_view>

#include "JawsLexer.h"

namespace jaws::syntax {

namespace {

using L = jaws::grammar::JawsLexer;

bool isDigit(int c) { return c >= '0' && c <= '9'; }
bool isNameStart(int c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool isNamePart(int c) { return isNameStart(c) || isDigit(c); }
bool isHexDigit(int c) { return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
// PATH_CHAR in the grammar.
bool isPathChar(int c) {
  return isNamePart(c) || c == '.' || c == '~' || c == '+' || c == '{' || c == '}';
}
bool isWhitespace(int c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == 0x0B; }
// STRAY_CHARACTERS: characters that start no token and form a run.
bool isStrayRun(int c) {
  switch (c) {
    case '#': case '$': case '%': case '^': case '*': case '+': case '`': case '~': case '\'': case '\\': return true;
    default: return (c >= 0x00 && c <= 0x08) || (c >= 0x0E && c <= 0x1F) || c == 0x7F;
  }
}

// The reserved words of the lexer grammar, longest match first: an identifier
// that spells one is that keyword.
size_t keywordOrId(std::string_view word) {
  struct Keyword {
    std::string_view text;
    size_t type;
  };
  static constexpr Keyword kKeywords[] = {
      {"import", L::IMPORT}, {"project", L::PROJECT},   {"param", L::PARAM},   {"let", L::LET},
      {"stage", L::STAGE},   {"type", L::TYPE},         {"function", L::FUNCTION}, {"api", L::API},
      {"resource", L::RESOURCE}, {"output", L::OUTPUT}, {"true", L::KW_TRUE},  {"false", L::KW_FALSE},
      {"null", L::KW_NULL},
  };
  if (word.size() < 3 || word.size() > 8) return L::ID;
  for (const Keyword& k : kKeywords) {
    if (k.text == word) return k.type;
  }
  return L::ID;
}

}  // namespace

void Tokenizer::advanceTo(size_t to) {
  // Columns count bytes; only '\n' starts a line (no other byte is shown as one).
  const std::string_view text = input_.text();
  to = std::min(to, text.size());
  while (position_ < to) {
    const void* newline = std::memchr(text.data() + position_, '\n', to - position_);
    if (newline == nullptr) {
      column_ += to - position_;
      position_ = to;
      return;
    }
    position_ = static_cast<size_t>(static_cast<const char*>(newline) - text.data()) + 1;
    ++line_;
    column_ = 0;
  }
}

std::unique_ptr<antlr4::Token> Tokenizer::make(size_t type, size_t channel, size_t start) {
  return std::unique_ptr<antlr4::Token>(
      new (arena_) SourceToken(origin_, type, channel, start, position_ - 1, tokenLine_, tokenColumn_));
}

std::unique_ptr<antlr4::Token> Tokenizer::nextToken() {
  for (;;) {
    const size_t start = position_;
    tokenLine_ = line_;
    tokenColumn_ = column_;
    if (start >= size_) return make(antlr4::Token::EOF, antlr4::Token::DEFAULT_CHANNEL, start);
    size_t type = 0, channel = antlr4::Token::DEFAULT_CHANNEL;
    if (mode_ == Mode::String) {
      scanString(start, type);
    } else if (!scanDefault(start, type, channel)) {
      continue;  // skipped
    }
    return make(type, channel, start);
  }
}

// STRING_MODE: text, escapes, `${`, `$`, the closing quote or a line break.
void Tokenizer::scanString(size_t start, size_t& type) {
  const int c = at(start);
  size_t end = start + 1;
  switch (c) {
    case '"':
      type = L::DQUOTE_END;
      mode_ = modes_.back();
      modes_.pop_back();
      break;
    case '\r':
    case '\n':
      if (c == '\r' && at(end) == '\n') ++end;
      type = L::STRING_NEWLINE;
      mode_ = modes_.back();
      modes_.pop_back();
      break;
    case '$':
      if (at(end) == '{') {
        ++end;
        type = L::INTERP_START;
        interpolationDepths_.push_back(braceDepth_);
        modes_.push_back(mode_);
        mode_ = Mode::Default;
      } else {
        type = L::STRING_DOLLAR;
      }
      break;
    case '\\': {
      const int next = at(end);
      if (next < 0 || next == '\r' || next == '\n') {
        type = L::STRING_BAD_ESCAPE;
        break;
      }
      type = L::STRING_ESCAPE;
      ++end;  // `\x`, or `\u` when `u{hex*}` does not close
      if (next == 'u' && at(end) == '{') {
        size_t hex = end + 1;
        while (isHexDigit(at(hex))) ++hex;
        if (at(hex) == '}') end = hex + 1;
      }
      break;
    }
    default:
      type = L::STRING_TEXT;
      for (int d = at(end); d >= 0 && d != '"' && d != '\\' && d != '$' && d != '\r' && d != '\n'; d = at(++end)) {
      }
      break;
  }
  advanceTo(end);
}

size_t Tokenizer::scanNumber(size_t start) {
  size_t end = start;
  if (at(end) == '-') ++end;
  while (isDigit(at(end))) ++end;
  bool decimal = false;
  if (at(end) == '.' && isDigit(at(end + 1))) {
    decimal = true;
    end += 2;
    while (isDigit(at(end))) ++end;
  }
  size_t type = decimal ? L::DECIMAL : L::INT;
  if (isNameStart(at(end))) {
    const size_t suffixStart = end;
    while (isNamePart(at(end))) ++end;
    std::string_view suffix = input_.text().substr(suffixStart, end - suffixStart);
    type = L::BAD_NUMBER;
    if (!decimal) {
      if (suffix == "KB" || suffix == "MB" || suffix == "GB" || suffix == "TB") type = L::SIZE;
      if (suffix == "ms" || suffix == "s" || suffix == "m" || suffix == "h" || suffix == "d") type = L::DURATION;
    }
  }
  advanceTo(end);
  return type;
}

// ROUTE_PATH from the `/` at `start`: '/' (PATH_CHARS ('-'* '/' PATH_CHARS?)*)?
// then dashes, each only if no `>` follows it. That is: the longest run of
// path characters, dashes and slashes whose first character other than a
// dash is a path character, cut back to its last path character or slash;
// then the dashes after that, but not one right before `>`.
size_t Tokenizer::routePathEnd(size_t start) const {
  size_t runEnd = start + 1;
  size_t firstNonDash = 0;
  bool sawNonDash = false;
  for (int c = at(runEnd); c == '-' || c == '/' || isPathChar(c); c = at(++runEnd)) {
    if (c != '-' && !sawNonDash) {
      sawNonDash = true;
      firstNonDash = runEnd;
    }
  }
  size_t end = start + 1;  // past the body (before any trailing dashes)
  if (sawNonDash && at(firstNonDash) != '/') {
    for (size_t i = runEnd; i > start + 1; --i) {
      if (at(i - 1) != '-') {
        end = i;
        break;
      }
    }
  }
  // The dashes after the body, as far as the run goes; a last one before `>`
  // is the start of an arrow.
  size_t dashes = end;
  while (dashes < runEnd && at(dashes) == '-') ++dashes;
  if (dashes > end && at(dashes) == '>') --dashes;
  return dashes;
}

bool Tokenizer::scanDefault(size_t start, size_t& type, size_t& channel) {
  const int c = at(start);
  size_t end = start + 1;
  auto single = [&](size_t t) { type = t; };
  auto pair = [&](int second, size_t two, size_t one) {
    if (at(end) == second) {
      ++end;
      type = two;
    } else {
      type = one;
    }
  };
  switch (c) {
    case '{':
      type = L::LBRACE;
      ++braceDepth_;
      break;
    case '}':
      type = L::RBRACE;
      if (!interpolationDepths_.empty() && interpolationDepths_.back() == braceDepth_) {
        interpolationDepths_.pop_back();
        type = L::INTERP_END;
        mode_ = modes_.back();
        modes_.pop_back();
      } else if (braceDepth_ > 0) {
        --braceDepth_;
      }
      break;
    case '(': single(L::LPAREN); break;
    case ')': single(L::RPAREN); break;
    case '[': single(L::LBRACKET); break;
    case ']': single(L::RBRACKET); break;
    case '<': single(L::LT); break;
    case '>': single(L::GT); break;
    case ',': single(L::COMMA); break;
    case ';': single(L::SEMI); break;
    case ':': single(L::COLON); break;
    case '.': single(L::DOT); break;
    case '@': single(L::AT); break;
    case '?': single(L::QUESTION); break;
    case '=': pair('=', L::EQ, L::ASSIGN); break;
    case '!': pair('=', L::NEQ, L::BANG); break;
    case '|': pair('|', L::OR, L::PIPE); break;
    case '&':
      pair('&', L::AND, L::STRAY_CHARACTER);
      if (type == L::STRAY_CHARACTER) channel = L::ERRORS;
      break;
    case '-':
      if (at(end) == '>') {
        ++end;
        type = L::ARROW;
      } else if (isDigit(at(end))) {
        type = scanNumber(start);
        return true;
      } else {
        type = L::STRAY_CHARACTER;
        channel = L::ERRORS;
      }
      break;
    case '"':
      type = L::DQUOTE;
      modes_.push_back(mode_);
      mode_ = Mode::String;
      break;
    case '/': {
      const int next = at(end);
      if (next == '/') {
        type = at(end + 1) == '/' ? L::DOC_COMMENT : L::LINE_COMMENT;
        channel = L::COMMENTS;
        for (int d = at(end); d >= 0 && d != '\r' && d != '\n'; d = at(++end)) {
        }
      } else if (next == '*') {
        const size_t close = input_.text().find("*/", start + 2);
        if (close == std::string_view::npos) {
          type = L::UNTERMINATED_BLOCK_COMMENT;
          channel = L::ERRORS;
          end = size_;
        } else {
          type = L::BLOCK_COMMENT;
          channel = L::COMMENTS;
          end = close + 2;
        }
      } else {
        type = L::ROUTE_PATH;
        end = routePathEnd(start);
      }
      break;
    }
    case 0xEF:
      // Shown as itself only within a byte-order mark (ByteCharStream).
      if (at(end) == 0xBB && at(end + 1) == 0xBF) {
        advanceTo(end + 2);
        return false;
      }
      type = L::STRAY_CHARACTER;
      channel = L::ERRORS;
      break;
    default:
      if (isDigit(c)) {
        type = scanNumber(start);
        return true;
      }
      if (isNameStart(c)) {
        while (isNamePart(at(end))) ++end;
        type = keywordOrId(input_.text().substr(start, end - start));
        break;
      }
      if (isWhitespace(c)) {
        while (isWhitespace(at(end))) ++end;
        advanceTo(end);
        return false;
      }
      type = L::STRAY_CHARACTER;
      channel = L::ERRORS;
      if (isStrayRun(c)) {
        while (isStrayRun(at(end))) ++end;
      }
      break;
  }
  advanceTo(end);
  return true;
}

}  // namespace jaws::syntax
