#pragma once
// Where the cursor is, for completion, read from the text before it. The
// file being typed is usually broken, so this does not use the syntax tree:
// it lexes from the start of the file to the cursor (strings, comments,
// interpolation) and keeps a stack of the brackets still open, each with
// what it is — a declaration's block, a route's braces, the object or list
// of an attribute (with the key path from the block down), a record type.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/Ast.h"

namespace jaws::lsp {

struct ScanToken {
  enum class Kind : std::uint8_t { Identifier, Number, String, Punct };
  Kind kind;
  std::string text;  // a String's decoded-enough text (escapes kept)
  std::uint32_t offset;
};

struct Scope {
  enum class Kind : std::uint8_t {
    TopLevel,
    Block,          // project/stage/function/api/resource braces (`decl`)
    Route,          // a route's braces in an api
    Object,         // `{ ... }` in an expression (`keyPath` says which attribute, if any)
    List,           // `[ ... ]` in an expression
    Record,         // the fields of a record type
    Call,           // `( ... )`
    Interpolation,  // `${ ... }`
    String,         // inside `"..."`
  };
  Kind kind = Kind::TopLevel;
  std::optional<ast::DeclKind> decl;  // the declaration the scope is in (its keyword)
  std::string declName;               // that declaration's name
  bool inRoute = false;               // inside a route's braces
  std::vector<std::string> keyPath;   // Object, List, String: keys from the block down
  std::string paramDefault;           // String/List in `param NAME: T = ...`: NAME
  std::string comparedWith;           // String after `stage ==` / `region !=`: that builtin
  // Inside a call's arguments: the function called (`sqs`) and which argument
  // (0-based) holds the scope; `keyPath` then starts at that argument.
  std::string callee;
  std::size_t argument = 0;
  std::uint32_t start = 0;            // offset just after the opening bracket or quote
  std::vector<ScanToken> tokens;      // tokens at this level, in order
};

struct CursorScan {
  bool inComment = false;
  std::vector<Scope> scopes;  // outermost (TopLevel) first; the cursor is in the last
  std::string prefix;         // the identifier (or string text) being typed
  std::uint32_t prefixStart = 0;

  const Scope& innermost() const { return scopes.back(); }
  // The scope's last token before the prefix, or null.
  const ScanToken* lastToken() const;
};

CursorScan scanToCursor(std::string_view text, std::uint32_t cursor);

// Keys a block or object already sets (an identifier or string right before `=`).
std::vector<std::string> keysAlreadySet(const Scope& scope);

}  // namespace jaws::lsp
