#pragma once
// Feeds the lexer bytes instead of code points. ANTLR's own input stream
// converts UTF-8 to UTF-32, so token positions come out in code points and
// every span would need a conversion table. Jaws tokens are ASCII; anything
// else is inside strings or comments, where bytes lex the same as code points.
// With bytes, a token's start and stop are byte offsets into the source text.
#include <string_view>

#include "antlr4-runtime.h"

namespace jaws::syntax {

class ByteCharStream : public antlr4::ANTLRInputStream {
 public:
  explicit ByteCharStream(std::string_view bytes) {
    _data.reserve(bytes.size());
    for (char c : bytes) _data.push_back(static_cast<char32_t>(static_cast<unsigned char>(c)));
    p = 0;
  }
};

}  // namespace jaws::syntax
