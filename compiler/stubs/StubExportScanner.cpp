// Hand-written and linear on purpose: handler modules may be bundles with
// megabyte-long lines, where backtracking regexes are slow or overflow.
#include "stubs/StubExportScanner.h"

#include <cctype>
#include <vector>

namespace jaws::stubs {

namespace {

bool isJsNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'; }
bool isPyNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

struct Token {
  enum class Kind : std::uint8_t { Name, String, Punct } kind;
  std::string text;  // String: the contents without quotes
};

// Names, string literals and single punctuation characters; comments,
// numbers and whitespace are dropped. Template literals count as strings.
std::vector<Token> jsTokens(std::string_view s) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    const char next = i + 1 < s.size() ? s[i + 1] : '\0';
    if (c == '/' && next == '/') {
      while (i < s.size() && s[i] != '\n') ++i;
    } else if (c == '/' && next == '*') {
      const std::size_t end = s.find("*/", i + 2);
      i = end == std::string_view::npos ? s.size() : end + 2;
    } else if (c == '"' || c == '\'' || c == '`') {
      std::string text;
      ++i;
      while (i < s.size() && s[i] != c && (c == '`' || s[i] != '\n')) {
        if (s[i] == '\\' && i + 1 < s.size()) ++i;
        text += s[i++];
      }
      ++i;
      tokens.push_back({Token::Kind::String, std::move(text)});
    } else if (isJsNameChar(c)) {
      const std::size_t start = i;
      while (i < s.size() && isJsNameChar(s[i])) ++i;
      if (!std::isdigit(static_cast<unsigned char>(s[start]))) {
        tokens.push_back({Token::Kind::Name, std::string(s.substr(start, i - start))});
      }
    } else if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else {
      tokens.push_back({Token::Kind::Punct, std::string(1, c)});
      ++i;
    }
  }
  return tokens;
}

class JsScanner {
 public:
  explicit JsScanner(std::string_view source) : t_(jsTokens(source)) {}

  ExportScan run() {
    for (std::size_t i = 0; i < t_.size(); ++i) {
      if (isName(i, "export")) exportStatement(i + 1);
      if (isName(i, "exports") && !isPunct(i - 1, ".")) commonJsMember(i + 1);
      if (isName(i, "module") && isPunct(i + 1, ".") && isName(i + 2, "exports")) {
        if (isPunct(i + 3, "=") && !isPunct(i + 4, "=")) moduleExports(i + 4);
        if (isPunct(i + 3, ".") || isPunct(i + 3, "[")) commonJsMember(i + 3);
      }
    }
    return scan_;
  }

 private:
  bool isName(std::size_t i, std::string_view text) const {
    return i < t_.size() && t_[i].kind == Token::Kind::Name && t_[i].text == text;
  }
  bool isPunct(std::size_t i, std::string_view text) const {
    return i < t_.size() && t_[i].kind == Token::Kind::Punct && t_[i].text == text;
  }
  bool isNameOrString(std::size_t i) const {
    return i < t_.size() && (t_[i].kind == Token::Kind::Name || t_[i].kind == Token::Kind::String);
  }

  void exportStatement(std::size_t i) {
    if (isName(i, "declare")) ++i;
    if (isName(i, "default")) {
      scan_.names.insert("default");
      return;
    }
    if (isName(i, "async")) ++i;
    if (isName(i, "function")) {
      ++i;
      if (isPunct(i, "*")) ++i;
      if (isNameOrString(i)) scan_.names.insert(t_[i].text);
      return;
    }
    for (const char* keyword : {"const", "let", "var", "class", "enum"}) {
      if (isName(i, keyword) && i + 1 < t_.size() && t_[i + 1].kind == Token::Kind::Name) {
        scan_.names.insert(t_[i + 1].text);
        return;
      }
    }
    if (isName(i, "type") && isPunct(i + 1, "{")) ++i;
    if (isPunct(i, "{")) {
      exportList(i + 1);
    } else if (isPunct(i, "*")) {
      if (isName(i + 1, "as") && isNameOrString(i + 2)) {
        scan_.names.insert(t_[i + 2].text);
      } else {
        scan_.open = true;  // export * from "...": cannot tell
      }
    }
  }

  // `{ a, b as c, d as "e" }`: the last name of each item.
  void exportList(std::size_t i) {
    std::string last;
    for (; i < t_.size() && !isPunct(i, "}"); ++i) {
      if (isPunct(i, ",")) {
        if (!last.empty()) scan_.names.insert(last);
        last.clear();
      } else if (isNameOrString(i) && !isName(i, "as")) {
        last = t_[i].text;
      }
    }
    if (!last.empty()) scan_.names.insert(last);
  }

  // `.name =` or `["name"] =` after `exports`.
  void commonJsMember(std::size_t i) {
    if (isPunct(i, ".") && isNameOrString(i + 1) && isPunct(i + 2, "=") && !isPunct(i + 3, "=")) {
      scan_.names.insert(t_[i + 1].text);
    } else if (isPunct(i, "[") && i + 1 < t_.size() && t_[i + 1].kind == Token::Kind::String && isPunct(i + 2, "]") &&
               isPunct(i + 3, "=") && !isPunct(i + 4, "=")) {
      scan_.names.insert(t_[i + 1].text);
    }
  }

  // `module.exports = { a, b: f, async c() {}, "d": g }`: the keys.
  void moduleExports(std::size_t i) {
    if (!isPunct(i, "{")) {
      scan_.open = true;  // module.exports = something computed
      return;
    }
    int depth = 0;
    bool atKey = true;
    for (; i < t_.size(); ++i) {
      if (isPunct(i, "{") || isPunct(i, "(") || isPunct(i, "[")) {
        ++depth;
        if (depth == 1) atKey = true;
        continue;
      }
      if (isPunct(i, "}") || isPunct(i, ")") || isPunct(i, "]")) {
        if (--depth == 0) return;
        continue;
      }
      if (depth != 1) continue;
      if (isPunct(i, ",")) {
        atKey = true;
        continue;
      }
      if (!atKey) continue;
      if (isPunct(i, ".")) {
        scan_.open = true;  // a spread
        atKey = false;
        continue;
      }
      if (isName(i, "async") || isName(i, "get") || isPunct(i, "*")) {
        if (isNameOrString(i + 1) || isPunct(i + 1, "*")) continue;
      }
      if (isNameOrString(i)) scan_.names.insert(t_[i].text);
      atKey = false;
    }
  }

  std::vector<Token> t_;
  ExportScan scan_;
};

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

std::string_view leadingName(std::string_view text) {
  std::size_t n = 0;
  while (n < text.size() && isPyNameChar(text[n])) ++n;
  if (n == 0 || std::isdigit(static_cast<unsigned char>(text[0]))) return {};
  return text.substr(0, n);
}

bool startsWithWord(std::string_view line, std::string_view word) {
  return line.substr(0, word.size()) == word && line.size() > word.size() &&
         (line[word.size()] == ' ' || line[word.size()] == '\t');
}

// `a, b as c, d.e` (import lists): the names they bind.
void importNames(std::string_view items, ExportScan& scan) {
  std::size_t start = 0;
  while (start <= items.size()) {
    std::size_t end = items.find(',', start);
    if (end == std::string_view::npos) end = items.size();
    std::string_view item = trim(items.substr(start, end - start));
    if (item == "*") scan.open = true;
    const std::size_t as = item.find(" as ");
    if (as != std::string_view::npos) {
      item = trim(item.substr(as + 4));
    } else {
      item = item.substr(0, item.find('.'));  // `import a.b` binds `a`
    }
    if (!leadingName(item).empty()) scan.names.insert(std::string(leadingName(item)));
    start = end + 1;
  }
}

}  // namespace

ExportScan scanNodeExports(std::string_view source) { return JsScanner(source).run(); }

ExportScan scanPythonExports(std::string_view source) {
  ExportScan scan;
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start <= source.size();) {
    const std::size_t end = std::min(source.find('\n', start), source.size());
    lines.push_back(source.substr(start, end - start));
    start = end + 1;
  }
  for (std::size_t n = 0; n < lines.size(); ++n) {
    std::string_view line = lines[n];
    // `globals()["name"] = handler` (also `builtins.globals()`), anywhere.
    const std::size_t globals = line.find("globals()[");
    if (globals != std::string_view::npos) {
      std::string_view rest = line.substr(globals + 10);
      const char q = rest.empty() ? '\0' : rest.front();
      const std::size_t close = q == '"' || q == '\'' ? rest.find(q, 1) : std::string_view::npos;
      if (close != std::string_view::npos) scan.names.insert(std::string(rest.substr(1, close - 1)));
    }
    // Only module-level statements count: they start in column 0.
    if (line.empty() || std::isspace(static_cast<unsigned char>(line.front())) || line.front() == '#') continue;
    if (startsWithWord(line, "async")) line = trim(line.substr(5));
    if (startsWithWord(line, "def") || startsWithWord(line, "class")) {
      const std::string_view name = leadingName(trim(line.substr(line.find_first_of(" \t"))));
      if (!name.empty()) scan.names.insert(std::string(name));
      continue;
    }
    if (startsWithWord(line, "import")) {
      importNames(line.substr(7), scan);
      continue;
    }
    if (startsWithWord(line, "from")) {
      const std::size_t import = line.find(" import ");
      if (import == std::string_view::npos) continue;
      std::string items(trim(line.substr(import + 8)));
      if (!items.empty() && items.front() == '(') {
        while (items.find(')') == std::string::npos && n + 1 < lines.size()) items += " " + std::string(lines[++n]);
        items = items.substr(1, items.find(')') - 1);
      }
      const std::size_t comment = items.find('#');
      importNames(std::string_view(items).substr(0, comment), scan);
      continue;
    }
    // `a = b = value` and `a: T = value` bind each name on the left.
    while (true) {
      const std::string_view name = leadingName(line);
      if (name.empty()) break;
      std::string_view rest = trim(line.substr(name.size()));
      if (!rest.empty() && rest.front() == ':') {
        const std::size_t eq = rest.find('=');
        if (eq == std::string_view::npos) break;
        rest = rest.substr(eq);
      }
      if (rest.size() < 2 || rest[0] != '=' || rest[1] == '=') break;
      scan.names.insert(std::string(name));
      line = trim(rest.substr(1));
    }
  }
  return scan;
}

}  // namespace jaws::stubs
