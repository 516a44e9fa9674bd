// The parser reads its tokens through syntax::LexedTokenStream, which answers
// LT, LA, LB and the channel walks from the places of the visible tokens
// instead of walking the tokens. ANTLR's CommonTokenStream is the reference:
// over random streams with hidden tokens anywhere (before the first visible
// one, runs of them, right before EOF), both must give the same token for
// every look, after every consume and seek.
#include <catch2/catch.hpp>

#include <memory>
#include <random>
#include <vector>

#include "antlr4-runtime.h"
#include "syntax/LexedTokenStream.h"

// Named: the unit tests are built as one unit.
namespace lexed_token_stream_tests {

// `count` tokens before EOF, each on the default channel or a hidden one.
std::vector<std::unique_ptr<antlr4::Token>> randomTokens(std::mt19937& random, std::size_t count) {
  std::vector<std::unique_ptr<antlr4::Token>> tokens;
  for (std::size_t i = 0; i < count; ++i) {
    auto token = std::make_unique<antlr4::CommonToken>(static_cast<std::size_t>(1 + random() % 9));
    token->setChannel(random() % 3 == 0 ? 1 + random() % 2 : antlr4::Token::DEFAULT_CHANNEL);
    tokens.push_back(std::move(token));
  }
  tokens.push_back(std::make_unique<antlr4::CommonToken>(antlr4::Token::EOF));
  return tokens;
}

std::vector<std::unique_ptr<antlr4::Token>> copies(const std::vector<std::unique_ptr<antlr4::Token>>& tokens) {
  std::vector<std::unique_ptr<antlr4::Token>> out;
  for (const auto& token : tokens) out.push_back(std::make_unique<antlr4::CommonToken>(token.get()));
  return out;
}

// Where a look landed: the token's index, or -1 for none.
long long placeOf(antlr4::Token* token) { return token == nullptr ? -1 : static_cast<long long>(token->getTokenIndex()); }

TEST_CASE("LexedTokenStream looks where CommonTokenStream looks", "[syntax]") {
  std::mt19937 random(20261208);
  for (int round = 0; round < 300; ++round) {
    const std::size_t count = random() % 40;
    auto tokens = randomTokens(random, count);
    antlr4::ListTokenSource referenceSource(copies(tokens));
    antlr4::CommonTokenStream reference(&referenceSource);
    reference.fill();
    antlr4::ListTokenSource source(copies(tokens));
    jaws::syntax::LexedTokenStream lexed(source, std::move(tokens));
    REQUIRE(lexed.size() == reference.size());
    for (int step = 0; step < 60; ++step) {
      INFO("round " << round << ", step " << step << ", at " << reference.index());
      REQUIRE(lexed.index() == reference.index());
      for (long k = -6; k <= 8; ++k) {
        INFO("LT(" << k << ")");
        REQUIRE(placeOf(lexed.LT(k)) == placeOf(reference.LT(k)));
        if (k != 0 && reference.LT(k) != nullptr) REQUIRE(lexed.LA(k) == reference.LA(k));
      }
      switch (random() % 4) {
        case 0: {
          const std::size_t to = random() % lexed.size();
          lexed.seek(to);
          reference.seek(to);
          break;
        }
        default:
          if (reference.LA(1) == antlr4::Token::EOF) break;
          lexed.consume();
          reference.consume();
      }
    }
  }
}

}  // namespace lexed_token_stream_tests
