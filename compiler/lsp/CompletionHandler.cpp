// `textDocument/completion`: decides from the text before the cursor what
// kind of thing is being typed — an attribute key, a value of an enum-like
// attribute, a function after `->`, a type after `:`, a name in an
// expression, a member after `.`, a declaration keyword — and offers it.
#include "lsp/CompletionItems.h"
#include "lsp/Handlers.h"

namespace jaws::lsp {

namespace {

using Kind = Scope::Kind;

bool is(const ScanToken* t, std::string_view punct) {
  return t && t->kind == ScanToken::Kind::Punct && t->text == punct;
}

bool endsValue(const ScanToken* t) {
  if (!t) return false;
  if (t->kind != ScanToken::Kind::Punct) return true;
  return t->text == ")" || t->text == "]" || t->text == "}";
}

// After `:` — a type (a param, a field, a route item) or the second arm of
// `c ? a : b`. It is the latter when a `?` that is no optional marker (`name?:`)
// comes after the previous `:` of the scope.
bool colonStartsType(const Scope& scope) {
  if (scope.kind == Kind::TopLevel) {
    const auto& t = scope.tokens;
    return t.size() >= 3 && t[t.size() - 3].kind == ScanToken::Kind::Identifier && t[t.size() - 3].text == "param";
  }
  if (scope.kind != Kind::Record && scope.kind != Kind::Route) return false;
  const auto& t = scope.tokens;
  for (std::size_t i = t.size() - 1; i-- > 0;) {
    if (is(&t[i], ":")) break;
    if (is(&t[i], "?") && !is(&t[i + 1], ":")) return false;
  }
  return true;
}

// At the top level, `type NAME =` starts an alias.
bool aliasStarts(const Scope& scope) {
  const auto& t = scope.tokens;
  return scope.kind == Kind::TopLevel && t.size() >= 3 && t[t.size() - 3].text == "type" && is(&t.back(), "=");
}

bool expressionPosition(const Scope& scope, const ScanToken* last) {
  for (std::string_view op : {"=", "==", "!=", "&&", "||", "!", "?", ",", ":"}) {
    if (is(last, op)) return op != "," || scope.kind == Kind::List || scope.kind == Kind::Call;
  }
  return !last && (scope.kind == Kind::List || scope.kind == Kind::Call || scope.kind == Kind::Interpolation);
}

// The string of `resource NAME: "` at the top level: a resource type.
bool typeOfResource(const CursorScan& scan) {
  if (scan.scopes.size() < 2) return false;
  const Scope& outer = scan.scopes[scan.scopes.size() - 2];
  const auto& t = outer.tokens;
  return outer.kind == Kind::TopLevel && t.size() >= 3 && t[t.size() - 3].kind == ScanToken::Kind::Identifier &&
         t[t.size() - 3].text == "resource" && t[t.size() - 2].kind == ScanToken::Kind::Identifier && is(&t.back(), ":");
}

}  // namespace

Json completion(Session& session, const Json& params) {
  auto view = session.view(params.at("textDocument"));
  if (!view) return nullptr;
  const CursorScan scan = scanToCursor(view->source.text(), view->offsetOf(params.at("position")));
  CompletionList list(*view, scan);
  if (scan.inComment) return list.result();
  const Scope& scope = scan.innermost();
  const ScanToken* last = scan.lastToken();
  const auto& tokens = scope.tokens;

  if (scope.kind == Kind::String && typeOfResource(scan)) {
    list.resourceTypes();
  } else if (scope.kind == Kind::String) {
    list.allowedStrings(scope);
  } else if (is(last, ".")) {
    if (tokens.size() >= 2 && tokens[tokens.size() - 2].kind == ScanToken::Kind::Identifier) list.members(tokens[tokens.size() - 2].text);
  } else if (is(last, "->")) {
    list.functions();
  } else if (is(last, "@")) {
    list.decorators();
  } else if (is(last, "|") || (is(last, ":") && colonStartsType(scope)) || aliasStarts(scope)) {
    list.types();
  } else if (expressionPosition(scope, last)) {
    list.expressionNames();
  } else if (scope.kind == Kind::Block || scope.kind == Kind::Route || scope.kind == Kind::Object) {
    if ((!last || is(last, ",") || is(last, ";") || endsValue(last)) && scope.decl == ast::DeclKind::Resource &&
        scope.callee.empty()) {
      list.resourceProperties(scope);
    } else if (!last || is(last, ",") || is(last, ";") || endsValue(last)) {
      list.attributes(scope);
      if (scope.kind == Kind::Route) list.routeWords(true);
      if (scope.kind == Kind::Block && scope.decl == ast::DeclKind::Api) list.routeWords(false);
    }
  } else if (scope.kind == Kind::TopLevel && (!last || endsValue(last))) {
    // Not right after a declaration keyword, where a name is being typed.
    const bool naming = last && last->kind == ScanToken::Kind::Identifier && tokens.size() >= 1 &&
                        (last->text == "project" || last->text == "param" || last->text == "let" || last->text == "stage" ||
                         last->text == "type" || last->text == "function" || last->text == "api" || last->text == "resource" ||
                         last->text == "output");
    if (!naming) list.declarationKeywords();
  }
  return list.result();
}

}  // namespace jaws::lsp
