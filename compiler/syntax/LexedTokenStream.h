#pragma once
// The parser's token stream over tokens already lexed (and edited: syntax/
// MissingPieces, syntax/CloudFormationReferences). It takes the vector as it
// is instead of pulling the tokens one by one through a ListTokenSource, which
// in ANTLR 4.9 costs a dynamic_cast per token to number it.
#include <memory>
#include <vector>

#include "antlr4-runtime.h"

namespace jaws::syntax {

class LexedTokenStream final : public antlr4::CommonTokenStream {
 public:
  // `tokens` end with EOF and are CommonTokens (all of ours are); `source`
  // made them (errors conjure tokens through its factory).
  LexedTokenStream(antlr4::TokenSource& source, std::vector<std::unique_ptr<antlr4::Token>> tokens)
      : antlr4::CommonTokenStream(&source) {
    for (size_t i = 0; i < tokens.size(); ++i) static_cast<antlr4::CommonToken*>(tokens[i].get())->setTokenIndex(i);
    _tokens = std::move(tokens);
    _fetchedEOF = true;
  }
};

}  // namespace jaws::syntax
