#include "syntax/TokenDescriptions.h"

#include <set>
#include <vector>

#include "JawsLexer.h"
#include "syntax/TokenKinds.h"

namespace jaws::syntax {

using L = jaws::grammar::JawsLexer;

namespace {

const antlr4::dfa::Vocabulary& lexerVocabulary() {
  // The vocabulary is static data of the generated lexer; a lexer without
  // input is the documented way to reach it.
  static antlr4::ANTLRInputStream empty;
  static jaws::grammar::JawsLexer lexer(&empty);
  return lexer.getVocabulary();
}

std::string literalName(size_t type) {
  switch (type) {
    case L::ID: return "identifier";
    case L::INT: return "integer";
    case L::DECIMAL: return "number";
    case L::SIZE: return "size";
    case L::DURATION: return "duration";
    case L::BAD_NUMBER: return "number";
    case L::ROUTE_PATH: return "route path";
    case L::DQUOTE: return "string";
    case L::DQUOTE_END: return "`\"`";
    case L::STRING_NEWLINE: return "line break";
    case L::STRING_TEXT:
    case L::STRING_ESCAPE:
    case L::STRING_BAD_ESCAPE:
    case L::STRING_DOLLAR: return "string text";
    case L::INTERP_START: return "`${`";
    case L::INTERP_END: return "`}`";
    case antlr4::Token::EOF: return "end of file";
    default: break;
  }
  const std::string literal = lexerVocabulary().getLiteralName(type);
  if (literal.size() >= 2 && literal.front() == '\'') return "`" + literal.substr(1, literal.size() - 2) + "`";
  return "token";
}

const std::set<size_t> kExpressionStarts = {L::INT,  L::DECIMAL, L::SIZE,     L::DURATION, L::BAD_NUMBER,
                                            L::KW_TRUE, L::KW_FALSE,   L::KW_NULL,    L::DQUOTE,   L::LBRACKET,
                                            L::LBRACE, L::ID,    L::LPAREN,   L::BANG, L::STAGE, L::PROJECT};
// What can start a type (typePrimary), and not an expression: a type is
// expected where the set holds these and no `[`.
const std::set<size_t> kTypeStarts = {L::ID, L::DQUOTE, L::INT, L::KW_TRUE, L::KW_FALSE, L::LBRACE, L::LPAREN};
const std::set<size_t> kDeclarationStarts(kDeclarationKeywords.begin(), kDeclarationKeywords.end());
const std::set<size_t> kKeywords(kReservedWords.begin(), kReservedWords.end());

bool containsAll(const std::set<size_t>& have, const std::set<size_t>& wanted) {
  for (size_t t : wanted) {
    if (!have.count(t)) return false;
  }
  return true;
}

}  // namespace

std::string describeToken(antlr4::Token* token) {
  if (token == nullptr) return "end of file";
  const size_t type = token->getType();
  if (type == L::ID) return "identifier `" + token->getText() + "`";
  if (kKeywords.count(type)) return "keyword `" + token->getText() + "`";
  if (type == L::ROUTE_PATH) return "route path `" + token->getText() + "`";
  if (type == L::INT || type == L::DECIMAL || type == L::SIZE || type == L::DURATION || type == L::BAD_NUMBER) return "`" + token->getText() + "`";
  return literalName(type);
}

std::string describeExpected(const antlr4::misc::IntervalSet& expected) {
  std::set<size_t> types;
  for (ssize_t t : expected.toList()) {
    types.insert(static_cast<size_t>(t));  // EOF (-1) maps to Token::EOF
  }
  types.erase(L::MISSING);  // never written by the user: only syntax/MissingPieces inserts it
  std::vector<std::string> names;
  // Names first: where any name may stand (an attribute key), the declaration
  // keywords are names too, not declarations.
  if (types.count(L::ID) && containsAll(types, kKeywords)) {
    names.push_back("a name");
    types.erase(L::ID);
    for (size_t t : kKeywords) types.erase(t);
  }
  if (containsAll(types, kDeclarationStarts)) {
    names.push_back("a declaration");
    for (size_t t : kDeclarationStarts) types.erase(t);
    types.erase(L::AT);
    types.erase(L::IMPORT);
  }
  if (containsAll(types, kTypeStarts) && !types.count(L::LBRACKET)) {
    names.push_back("a type");
    for (size_t t : kTypeStarts) types.erase(t);
  }
  if (types.count(L::INT) && types.count(L::DQUOTE) && types.count(L::ID) && types.count(L::LBRACKET)) {
    names.push_back("an expression");
    for (size_t t : kExpressionStarts) types.erase(t);
  }
  std::set<std::string> seen;
  for (size_t t : types) {
    std::string name = literalName(t);
    if (seen.insert(name).second) names.push_back(name);
  }
  if (names.empty()) return "something else";
  if (names.size() > 8) names.resize(8);
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += (i + 1 == names.size()) ? " or " : ", ";
    out += names[i];
  }
  return out;
}

}  // namespace jaws::syntax
