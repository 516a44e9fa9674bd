#pragma once
// The words of the language itself, for completion, hover and rename:
// reserved and contextual keywords, the builtins with a line of description
// each, and the primitive types. (The AWS vocabularies — runtimes, regions —
// are stdlib data and are read from the program, never listed here.)
#include <span>
#include <string_view>

namespace jaws::lsp {

struct WordDoc {
  std::string_view word;
  std::string_view signature;  // how it is used: `ssm(name)`
  std::string_view doc;
};

// `import project param let stage type function api resource output true false null`.
std::span<const std::string_view> reservedWords();
// Keywords only inside an api block: route items and HTTP methods.
std::span<const std::string_view> routeItemWords();
std::span<const std::string_view> httpMethods();
bool isKeyword(std::string_view word);  // reserved or contextual

std::span<const WordDoc> builtins();
const WordDoc* builtinDoc(std::string_view name);
std::span<const WordDoc> primitiveTypes();
const WordDoc* primitiveTypeDoc(std::string_view name);
// The members of deploy-time references: `fn.arn`, `api.url`, `res.ref`.
std::span<const WordDoc> functionMembers();
std::span<const WordDoc> apiMembers();
std::span<const WordDoc> resourceMembers();
// The decorators a user may write (`@retain`, `@when(...)`, ...), without `@`.
std::span<const WordDoc> decorators();
const WordDoc* decoratorDoc(std::string_view name);

// The stdlib record whose fields a builtin's options object takes, and the
// fields the builtin sets itself (not offered): `jwt({ ... })` takes
// `JwtAuth` but `kind`. Null for a builtin without options.
struct BuiltinOptions {
  std::string_view builtin;
  std::string_view schema;
  std::span<const std::string_view> setByBuiltin;
};
const BuiltinOptions* builtinOptions(std::string_view name);

// Whether a text is an identifier: `[A-Za-z_][A-Za-z0-9_]*`.
bool isIdentifier(std::string_view text);

}  // namespace jaws::lsp
