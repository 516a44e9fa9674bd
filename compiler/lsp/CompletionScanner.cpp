#include "lsp/CompletionScanner.h"

#include <algorithm>

namespace jaws::lsp {

namespace {

using Kind = Scope::Kind;

bool isIdentStart(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool isIdentChar(char c) { return isIdentStart(c) || (c >= '0' && c <= '9'); }

bool isPunct(const ScanToken* t, std::string_view text) { return t && t->kind == ScanToken::Kind::Punct && t->text == text; }
bool isIdent(const ScanToken* t) { return t && t->kind == ScanToken::Kind::Identifier; }

std::optional<ast::DeclKind> declKeyword(std::string_view word) {
  static constexpr std::pair<std::string_view, ast::DeclKind> kKeywords[] = {
      {"project", ast::DeclKind::Project}, {"param", ast::DeclKind::Param},       {"let", ast::DeclKind::Let},
      {"stage", ast::DeclKind::Stage},     {"type", ast::DeclKind::Type},         {"function", ast::DeclKind::Function},
      {"api", ast::DeclKind::Api},         {"resource", ast::DeclKind::Resource}, {"output", ast::DeclKind::Output}};
  for (const auto& [text, kind] : kKeywords) {
    if (text == word) return kind;
  }
  return std::nullopt;
}

// The token `back` places before the end of a scope's tokens (1 = the last).
const ScanToken* tokenBack(const Scope& scope, std::size_t back) {
  return back <= scope.tokens.size() ? &scope.tokens[scope.tokens.size() - back] : nullptr;
}

// The key of `KEY = ...` that a value being written belongs to: the token
// before the last plain `=` of the scope (both arms of `c ? a : b` included).
std::optional<std::string> keyBeingSet(const Scope& scope) {
  for (std::size_t i = scope.tokens.size(); i-- > 1;) {
    const ScanToken& t = scope.tokens[i];
    if (t.kind != ScanToken::Kind::Punct || t.text != "=") continue;
    const ScanToken& key = scope.tokens[i - 1];
    if (key.kind == ScanToken::Kind::Identifier || key.kind == ScanToken::Kind::String) return key.text;
    return std::nullopt;
  }
  return std::nullopt;
}

// At the top level: the declaration being written (its keyword followed by
// its name), and where its tokens start.
struct TopItem {
  std::optional<ast::DeclKind> kind;
  std::string name;
  std::size_t first = 0;
};
TopItem topItem(const Scope& top) {
  for (std::size_t i = top.tokens.size(); i-- > 0;) {
    const ScanToken& t = top.tokens[i];
    if (t.kind != ScanToken::Kind::Identifier) continue;
    auto kind = declKeyword(t.text);
    if (!kind || i + 1 >= top.tokens.size() || top.tokens[i + 1].kind != ScanToken::Kind::Identifier) continue;
    return TopItem{kind, top.tokens[i + 1].text, i};
  }
  return {};
}

// What a bracket opens, from the scope it opens in and the tokens before it.
Scope openScope(const Scope& parent, char bracket, std::uint32_t start) {
  Scope scope;
  scope.start = start;
  scope.decl = parent.decl;
  scope.declName = parent.declName;
  scope.inRoute = parent.inRoute;
  scope.callee = parent.callee;
  scope.argument = parent.argument;
  const ScanToken* last = tokenBack(parent, 1);
  if (bracket == '$') {
    scope.kind = Kind::Interpolation;
    return scope;
  }
  if (bracket == '(') {
    scope.kind = Kind::Call;
    scope.callee = isIdent(last) ? last->text : "";
    scope.argument = 0;
    return scope;
  }
  if (parent.kind == Kind::Call) {
    // An argument: which one is the number of commas before it.
    scope.argument = static_cast<std::size_t>(std::count_if(parent.tokens.begin(), parent.tokens.end(),
                                                            [](const ScanToken& t) { return isPunct(&t, ","); }));
  }
  if (bracket == '"') {
    scope.kind = Kind::String;  // its key path: Scanner::stringContext
    return scope;
  }
  const bool afterEquals = isPunct(last, "=");
  const bool listElement = parent.kind == Kind::List && (isPunct(last, "[") || isPunct(last, ",") || !last);
  std::vector<std::string> keyPath = parent.keyPath;
  if (afterEquals) {
    if (auto key = keyBeingSet(parent)) keyPath.push_back(*key);
  }
  if (bracket == '[') {
    scope.kind = Kind::List;
    scope.keyPath = afterEquals || listElement ? keyPath : std::vector<std::string>{};
    if (parent.kind == Kind::TopLevel) {
      const TopItem item = topItem(parent);
      if (item.kind == ast::DeclKind::Param) scope.paramDefault = item.name;
    }
    return scope;
  }
  // '{'
  if (parent.kind == Kind::TopLevel) {
    const TopItem item = topItem(parent);
    scope.decl = item.kind;
    scope.declName = item.name;
    const std::size_t afterName = item.first + 2;
    if (item.kind && afterName == parent.tokens.size()) {
      scope.kind = *item.kind == ast::DeclKind::Type ? Kind::Record : Kind::Block;
    } else if (item.kind == ast::DeclKind::Resource && afterEquals == false) {
      scope.kind = Kind::Block;  // `resource NAME: "AWS::X::Y" {`
    } else {
      scope.kind = Kind::Object;
    }
    return scope;
  }
  if (parent.kind == Kind::Block && parent.decl == ast::DeclKind::Api && isIdent(last) && isPunct(tokenBack(parent, 2), "->")) {
    scope.kind = Kind::Route;
    scope.inRoute = true;
    return scope;
  }
  if ((parent.kind == Kind::Record || parent.kind == Kind::Route) && (isPunct(last, ":") || isPunct(last, "|"))) {
    scope.kind = Kind::Record;
    return scope;
  }
  scope.kind = Kind::Object;
  scope.keyPath = afterEquals || listElement ? keyPath : std::vector<std::string>{};
  return scope;
}

class Scanner {
 public:
  Scanner(std::string_view text, std::uint32_t cursor) : text_(text.substr(0, std::min<std::size_t>(cursor, text.size()))) {
    scan_.scopes.push_back(Scope{});
  }

  CursorScan run() {
    while (pos_ < text_.size()) {
      if (scan_.scopes.back().kind == Kind::String) {
        stringChar();
      } else {
        codeChar();
      }
    }
    finish();
    return std::move(scan_);
  }

 private:
  Scope& top() { return scan_.scopes.back(); }

  void push(char bracket, std::uint32_t start) { scan_.scopes.push_back(openScope(top(), bracket, start)); }

  void add(ScanToken::Kind kind, std::string text, std::uint32_t offset) {
    top().tokens.push_back(ScanToken{kind, std::move(text), offset});
  }

  void stringChar() {
    const char c = text_[pos_];
    if (c == '\\') {
      pos_ += 2;
    } else if (c == '"' || c == '\n' || c == '\r') {
      closeString(c == '"');
    } else if (c == '$' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '{') {
      pos_ += 2;
      push('$', static_cast<std::uint32_t>(pos_));
    } else {
      ++pos_;
    }
  }

  void closeString(bool quote) {
    const Scope string = std::move(top());
    scan_.scopes.pop_back();
    const std::uint32_t open = string.start - 1;
    add(ScanToken::Kind::String, std::string(text_.substr(string.start, pos_ - string.start)), open);
    ++pos_;
    (void)quote;
  }

  void codeChar() {
    const char c = text_[pos_];
    const auto at = static_cast<std::uint32_t>(pos_);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ++pos_;
    } else if (text_.substr(pos_, 2) == "//") {
      const std::size_t end = text_.find('\n', pos_);
      if (end == std::string_view::npos) scan_.inComment = true;
      pos_ = end == std::string_view::npos ? text_.size() : end;
    } else if (text_.substr(pos_, 2) == "/*") {
      const std::size_t end = text_.find("*/", pos_ + 2);
      if (end == std::string_view::npos) scan_.inComment = true;
      pos_ = end == std::string_view::npos ? text_.size() : end + 2;
    } else if (c == '"') {
      ++pos_;
      Scope string = openScope(top(), '"', static_cast<std::uint32_t>(pos_));
      stringContext(string);
      scan_.scopes.push_back(std::move(string));
    } else if (isIdentStart(c)) {
      std::size_t end = pos_;
      while (end < text_.size() && isIdentChar(text_[end])) ++end;
      add(ScanToken::Kind::Identifier, std::string(text_.substr(pos_, end - pos_)), at);
      pos_ = end;
    } else if (c >= '0' && c <= '9') {
      std::size_t end = pos_;
      while (end < text_.size() && (isIdentChar(text_[end]) || text_[end] == '.')) ++end;
      add(ScanToken::Kind::Number, std::string(text_.substr(pos_, end - pos_)), at);
      pos_ = end;
    } else if (c == '{' || c == '[' || c == '(') {
      ++pos_;
      push(c, static_cast<std::uint32_t>(pos_));
    } else if (c == '}' || c == ']' || c == ')') {
      close(c, at);
    } else {
      static constexpr std::string_view kPairs[] = {"->", "==", "!=", "&&", "||"};
      const std::string_view two = text_.substr(pos_, 2);
      const bool pair = std::find(std::begin(kPairs), std::end(kPairs), two) != std::end(kPairs);
      add(ScanToken::Kind::Punct, std::string(pair ? two : text_.substr(pos_, 1)), at);
      pos_ += pair ? 2 : 1;
    }
  }

  // A closing bracket ends the innermost scope it matches; an unmatched one
  // (a typo) is ignored.
  void close(char c, std::uint32_t at) {
    ++pos_;
    const Kind expected = c == ')' ? Kind::Call : c == ']' ? Kind::List : Kind::Object;
    for (std::size_t i = scan_.scopes.size(); i-- > 1;) {
      const Kind k = scan_.scopes[i].kind;
      const bool matches = k == expected || (c == '}' && (k == Kind::Block || k == Kind::Route || k == Kind::Record ||
                                                          k == Kind::Interpolation));
      if (!matches) continue;
      const bool interpolation = k == Kind::Interpolation;
      scan_.scopes.resize(i);
      if (!interpolation) add(ScanToken::Kind::Punct, std::string(1, c), at);
      return;
    }
  }

  // What a string's text is for: an attribute's value, a param's default or
  // a comparison with `stage`/`region`.
  void stringContext(Scope& string) {
    const Scope& parent = top();
    const ScanToken* last = tokenBack(parent, 1);
    if ((isPunct(last, "==") || isPunct(last, "!=")) && isIdent(tokenBack(parent, 2))) {
      string.comparedWith = tokenBack(parent, 2)->text;
    }
    string.keyPath = parent.keyPath;
    string.paramDefault = parent.paramDefault;
    if (parent.kind == Kind::List) return;  // an element of the list's attribute
    if (parent.kind == Kind::TopLevel) {
      const TopItem item = topItem(parent);
      if (item.kind == ast::DeclKind::Param) string.paramDefault = item.name;
      return;
    }
    if (auto key = keyBeingSet(parent)) {
      string.keyPath.push_back(*key);
    } else {
      string.keyPath.clear();
    }
  }

  void finish() {
    Scope& scope = top();
    if (scope.kind == Kind::String) {
      scan_.prefixStart = scope.start;
      scan_.prefix = std::string(text_.substr(scope.start));
      return;
    }
    scan_.prefixStart = static_cast<std::uint32_t>(text_.size());
    if (!scope.tokens.empty() && !scan_.inComment) {
      const ScanToken& last = scope.tokens.back();
      if (last.kind == ScanToken::Kind::Identifier && last.offset + last.text.size() == text_.size()) {
        scan_.prefix = last.text;
        scan_.prefixStart = last.offset;
        scope.tokens.pop_back();
      }
    }
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  CursorScan scan_;
};

}  // namespace

const ScanToken* CursorScan::lastToken() const {
  const Scope& scope = innermost();
  return scope.tokens.empty() ? nullptr : &scope.tokens.back();
}

CursorScan scanToCursor(std::string_view text, std::uint32_t cursor) { return Scanner(text, cursor).run(); }

std::vector<std::string> keysAlreadySet(const Scope& scope) {
  std::vector<std::string> keys;
  for (std::size_t i = 1; i < scope.tokens.size(); ++i) {
    const ScanToken& t = scope.tokens[i];
    const ScanToken& key = scope.tokens[i - 1];
    if (t.kind == ScanToken::Kind::Punct && t.text == "=" &&
        (key.kind == ScanToken::Kind::Identifier || key.kind == ScanToken::Kind::String)) {
      keys.push_back(key.text);
    }
  }
  return keys;
}

}  // namespace jaws::lsp
