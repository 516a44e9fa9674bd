#pragma once
// The base class of the generated parse-tree contexts (`contextSuperClass` in
// JawsParser.g4). It finds a context's children without dynamic_cast: ANTLR
// 4.9 tests every child with one (and a failed dynamic_cast walks the class
// hierarchy comparing type names), for every `ID()`, `expression(1)` or
// `decorator()` the generated accessors and the AST builder call; that was a
// fifth of parsing. Here a child is a terminal when its dynamic type is one of
// the two terminal node classes the parser makes, and a rule context of the
// wanted rule when its rule index is that rule's; the answers are the same.
//
// Only the syntax library includes this header (through the generated parser).
#include <typeinfo>
#include <vector>

#include "antlr4-runtime.h"

namespace jaws::grammar {

class JawsContext : public antlr4::ParserRuleContext {
 public:
  using antlr4::ParserRuleContext::ParserRuleContext;

  antlr4::tree::TerminalNode* getToken(size_t ttype, size_t i) override {
    size_t seen = 0;
    for (antlr4::tree::ParseTree* child : children) {
      if (!isTerminal(child)) continue;
      auto* node = static_cast<antlr4::tree::TerminalNode*>(child);
      if (node->getSymbol()->getType() == ttype && seen++ == i) return node;
    }
    return nullptr;
  }

  std::vector<antlr4::tree::TerminalNode*> getTokens(size_t ttype) override {
    std::vector<antlr4::tree::TerminalNode*> tokens;
    for (antlr4::tree::ParseTree* child : children) {
      if (!isTerminal(child)) continue;
      auto* node = static_cast<antlr4::tree::TerminalNode*>(child);
      if (node->getSymbol()->getType() == ttype) tokens.push_back(node);
    }
    return tokens;
  }

  // These hide ParserRuleContext's templates of the same name, which the
  // generated accessors call unqualified.
  template <class T>
  T* getRuleContext(size_t i) {
    size_t seen = 0;
    for (antlr4::tree::ParseTree* child : children) {
      if (isRuleOf<T>(child) && seen++ == i) return static_cast<T*>(child);
    }
    return nullptr;
  }

  template <class T>
  std::vector<T*> getRuleContexts() {
    std::vector<T*> contexts;
    for (antlr4::tree::ParseTree* child : children) {
      if (isRuleOf<T>(child)) contexts.push_back(static_cast<T*>(child));
    }
    return contexts;
  }

 private:
  // The parser makes TerminalNodeImpl for matched tokens and ErrorNodeImpl
  // for tokens consumed or conjured in error recovery; every other child is
  // a context of this parser.
  static bool isTerminal(antlr4::tree::ParseTree* tree) {
    const std::type_info& type = typeid(*tree);
    return type == typeid(antlr4::tree::TerminalNodeImpl) || type == typeid(antlr4::tree::ErrorNodeImpl);
  }

  // Whether `tree` is a context of T's rule (T itself or one of its labeled
  // alternatives, which share its rule index).
  template <class T>
  static bool isRuleOf(antlr4::tree::ParseTree* tree) {
    return !isTerminal(tree) && static_cast<antlr4::ParserRuleContext*>(tree)->getRuleIndex() == ruleIndexOf<T>();
  }

  // A generated context tells its rule index only through a virtual
  // function; one context of each type, made once, answers it.
  template <class T>
  static size_t ruleIndexOf() {
    static const size_t index = T(nullptr, antlr4::atn::ATNState::INVALID_STATE_NUMBER).getRuleIndex();
    return index;
  }
};

}  // namespace jaws::grammar
