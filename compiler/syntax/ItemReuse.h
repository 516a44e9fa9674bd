#pragma once
// What a parse keeps of each top-level item so that the next parse of the same
// file, after an edit, takes the items the edit did not reach instead of
// parsing them again (the language server: driver/Compilation's ParseCache).
//
// syntax::parse parses a file one top-level item at a time, each on its own:
// SLL prediction, a fresh nesting count, the same file context. So an item's
// tree depends only on what its parse read: the tokens from the comments
// before it (its doc comment) to the furthest token a prediction looked at,
// their kinds, channels, texts and places, and the bytes between them. An item
// whose parse had no diagnostic and needed no full-LL retry is kept with all
// of that, relative to its first token, and with its tree in the binary form
// (syntax/AstBinary.h). The next parse takes it where the same tokens and
// bytes stand at the same item start or at the start moved by the edit's
// length change, and reads its tree back moved by as many bytes.
//
// The whole file is still lexed (and its token passes run): a comment or a
// string the edit opened changes the tokens of every item after it, and the
// comparison then refuses those items.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/Ast.h"

namespace jaws::syntax {

class LexedTokenStream;  // ANTLR stays behind syntax/Parser.h

class ParsedItems {
 public:
  // What one item's parse read and built; shared by the kept items of every
  // later parse that takes it.
  struct Body;

  explicit ParsedItems(std::string text) : text_(std::move(text)) {}

  // Keeps the item just parsed and built without a diagnostic: its parse
  // started at token `first` and stopped before `next` (the next visible
  // token), having looked at the tokens `tokens` watched; it added the imports and declarations of `unit`
  // from `importsBefore` and `declsBefore` on (lent out while they are
  // written, and back when keep returns).
  void keep(LexedTokenStream& tokens, std::size_t first, std::size_t next, bool sawDeclarationBefore,
            bool sawDeclarationAfter, ast::SourceUnit& unit, std::size_t importsBefore, std::size_t declsBefore);

  // Takes, from `previous` (the parse before an edit), the item that parses
  // the same at token `first` of `tokens` over `text`: adds its imports and
  // declarations to `unit`, sets `sawDeclaration` as its build would, moves
  // `tokens` to where its parse stopped and keeps it here as well. False when
  // no item of `previous` is sure to parse the same there.
  bool take(const ParsedItems& previous, LexedTokenStream& tokens, std::size_t first, bool& sawDeclaration,
            ast::SourceUnit& unit);

  std::size_t size() const { return items_.size(); }

 private:
  struct Item {
    std::uint32_t offset;  // of the item's first token in text_
    // What moves the tree's spans (written where the item was parsed) here.
    std::int64_t treeShift;
    std::shared_ptr<const Body> body;
  };
  bool matches(const Item& item, std::int64_t shift, LexedTokenStream& tokens, std::size_t first,
               std::string_view text) const;

  std::string text_;
  std::vector<Item> items_;  // in file order
};

}  // namespace jaws::syntax
